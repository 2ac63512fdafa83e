// A producer faster than its consumer, joined by an AsyncStream with a bounded buffer.
// AsyncStream never makes the producer wait: `yield` returns at once, and the buffering
// policy decides what happens when the buffer is full. With `.bufferingOldest(3)` the
// oldest three unread readings are kept and newer ones are dropped, and `yield` says so.

/// This file, for the code pane of `visualize`.
public let streamSource = (filePath: #filePath, fileID: #fileID)

/// A sensor producing 8 readings, one every 100 ms, read by a consumer needing 250 ms each.
/// Returns the readings the consumer saw; the ones the full buffer dropped are missing.
@discardableResult
public func boundedStream() async throws -> [Int] {
    let (readings, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingOldest(3))

    // The display starts first and waits for the first reading.
    let consumer = Task(name: "display") {
        var seen: [Int] = []
        for await reading in readings {
            print("showing reading \(reading)")
            seen.append(reading)
            // Slower than the sensor: the buffer fills while this sleeps.
            try await Task.sleep(for: .milliseconds(250))
        }
        return seen
    }

    let producer = Task(name: "sensor") {
        for reading in 1...8 {
            switch continuation.yield(reading) {
            case .enqueued(let remaining):
                print("reading \(reading) sent, room for \(remaining) more in the buffer")
            case .dropped(let lost):
                print("reading \(lost) dropped: the buffer is full")
            case .terminated:
                print("nobody is listening any more")
                return
            @unknown default:
                return
            }
            // Sleeping on a clock directly: `Task.sleep(for:)` is this on a ContinuousClock.
            try await ContinuousClock().sleep(for: .milliseconds(100))
        }
        // Without finish() the consumer's `for await` would wait forever for a 9th reading.
        continuation.finish()
    }

    try await producer.value
    let seen = try await consumer.value
    print("displayed \(seen.count) of 8 readings: \(seen)")
    return seen
}
