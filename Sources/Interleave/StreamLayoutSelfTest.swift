
/// The one-time check behind `StandardStreams.verdict`: on a fresh thread, a consumer of an
/// `AsyncStream` and one of an `AsyncThrowingStream` are suspended in `next()` on a private
/// executor; the cancellation handler each stream installed must lead to that stream's own
/// storage (found independently, through `Mirror`), and `StandardStreams.snapshot` must read
/// the buffer, the policy, the waiting consumer and the end as they are.
enum StreamLayoutSelfTest {
    static func run() -> Result<StandardStreams.Layout, RuntimeTaskLayout.Unusable> {
        guard RuntimeTaskLayout.measured != nil else {
            return fail(RuntimeTaskLayout.unavailableReason ?? "the task reads are off")
        }
        return LayoutProbeExecutor.onFreshThread { probe() }
    }

    private static func fail(_ reason: String) -> Result<StandardStreams.Layout, RuntimeTaskLayout.Unusable> {
        .failure(RuntimeTaskLayout.Unusable(reason: "streams cannot be read from this Swift runtime: " + reason))
    }

    private struct ProbeFailure: Error { let reason: String }

    private static func probe() -> Result<StandardStreams.Layout, RuntimeTaskLayout.Unusable> {
        do throws(ProbeFailure) {
            let plain = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingOldest(3))
            let plainHandler = try handler(
                of: plain.stream, capacity: 3, yield: { _ = plain.continuation.yield($0) },
                finish: { plain.continuation.finish() }) { stream in for await _ in stream {} }
            let throwing = AsyncThrowingStream.makeStream(of: Int.self)
            let throwingHandler = try handler(
                of: throwing.stream, capacity: 0, yield: { _ = throwing.continuation.yield($0) },
                finish: { throwing.continuation.finish() }) { stream in _ = try? await stream.reduce(0, +) }
            return .success(StandardStreams.Layout(cancellationHandlers: [plainHandler, throwingHandler]))
        } catch {
            return fail(error.reason)
        }
    }

    /// Checks one stream and returns its cancellation handler's function.
    private static func handler<Stream: Sendable>(
        of stream: Stream, capacity: Int, yield: (Int) -> Void, finish: () -> Void,
        consume: @escaping @Sendable (Stream) async -> Void
    ) throws(ProbeFailure) -> UInt {
        guard let storage = StandardStreams.storage(of: stream) else {
            throw ProbeFailure(reason: "no storage found in \(Stream.self)")
        }
        yield(1)
        yield(2)
        let buffered = StandardStreams.snapshot(of: storage)
        guard buffered == .init(buffered: 2, capacity: capacity, finished: false, waitingConsumers: 0) else {
            throw ProbeFailure(reason: "\(Stream.self) with two elements reads as \(String(describing: buffered))")
        }
        let executor = LayoutProbeExecutor()
        let consumer = Task(executorPreference: executor) { await consume(stream) }
        let address = JobIdentity.address(of: consumer)
        executor.runAll()
        defer {
            finish()
            executor.runAll()
            withExtendedLifetime(consumer) {}
        }
        let waiting = StandardStreams.snapshot(of: storage)
        guard waiting == .init(buffered: 0, capacity: capacity, finished: false, waitingConsumers: 1) else {
            throw ProbeFailure(reason: "\(Stream.self) with a waiting consumer reads as \(String(describing: waiting))")
        }
        let records = RuntimeTaskLayout.records(ofTaskAt: address)
        let handlers = records.filter { $0.kind == StandardStreams.cancellationRecordKind }.map { record in
            UInt(bitPattern: record.record.load(fromByteOffset: StandardStreams.handlerFunctionOffset, as: UnsafeRawPointer?.self))
        }
        guard let found = handlers.first(where: { handler in
            StandardStreams.rawStorage(waitedOnByTaskAt: address, handlers: [handler]) === storage
        }) else {
            throw ProbeFailure(reason: "a consumer waiting in \(Stream.self).next() has no cancellation handler leading to it")
        }
        finish()
        guard StandardStreams.snapshot(of: storage)?.finished == true else {
            throw ProbeFailure(reason: "a finished \(Stream.self) does not read as finished")
        }
        return found
    }
}
