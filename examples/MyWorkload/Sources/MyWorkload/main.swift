import Interleave
import InterleaveApp

// A cache shared by three readers and one writer: run it and watch who waits for whom.
// `swift run MyWorkload` opens the full-screen view; `swift run MyWorkload --plain` prints it.
try visualize("cache refresh", options: VisualizeOptions(arguments: CommandLine.arguments)) {
    let cacheLock = Lock("cache")
    let refreshed = Event("refreshed")

    let writer = spawn("writer") {
        try await cacheLock.withLock {
            print("refreshing the cache")
            try await sleep(for: .milliseconds(300))
        }
        refreshed.set()
    }
    var readers: [LoopTask<Void>] = []
    for index in 1...3 {
        readers.append(spawn("reader\(index)") {
            try await refreshed.wait()
            try await cacheLock.withLock { print("reader\(index) reads the fresh cache") }
        })
    }
    try await writer.value
    _ = try await gather(readers)
}
