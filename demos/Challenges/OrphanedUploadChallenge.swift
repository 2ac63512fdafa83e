import Interleave

extension Challenges {
    static let orphanedUpload = Challenge(
        demo: Demo(
            name: "orphaned-upload",
            title: "Challenge: gather leaves a sibling running",
            summary: "An uploader and a validator run under gather; when the validator fails, main closes the connection",
            concept: "When one task in gather fails, the others keep running."
        ) { _ in
            let connectionOpen = Shared(true)
            let uploader = spawn("uploader") {
                try await sleep(for: .milliseconds(100))  // send the file
                if !connectionOpen.value { caption("main closed the connection while the uploader was still sending") }
                check(connectionOpen.value, "the upload went to a closed connection")
                print("uploader: file sent")
            }
            let validator = spawn("validator") {
                try await sleep(for: .milliseconds(100))  // inspect the file
                throw InvalidFile()
            }
            caption("main uploads and validates at once with gather, and closes the connection if either fails")
            do {
                _ = try await Interleave.gather(uploader, validator)
            } catch {
                print("main: \(error), closing the connection")
                connectionOpen.value = false
            }
            _ = try await Interleave.gather([uploader], returnExceptions: true)  // never leave it unawaited
        },
        goal: "Make the uploader write to the connection after main closed it",
        difficulty: .medium,
        hints: [
            "gather throws the first failure at once, and does not stop the other tasks.",
            "At 0.1 s the uploader and the validator are ready together; then main wakes with the error.",
            "Let the validator fail first, then let main close the connection before the uploader writes.",
        ],
        lesson: "`asyncio.gather` raises the first exception but leaves its other tasks running, so "
            + "cleanup in `except` can pull the ground from under them. Use `asyncio.TaskGroup` "
            + "(Python 3.11+), which cancels the siblings and waits for them before the error reaches you."
    )
}

/// The validator's verdict.
private struct InvalidFile: Error, CustomStringConvertible {
    var description: String { "the file is not a PNG" }
}
