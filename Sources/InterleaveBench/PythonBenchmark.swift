import Foundation
import Interleave
import InterleavePython

/// `interleave bench python`: a ping-pong of messages through two `asyncio.Queue`s, run by plain
/// CPython (`asyncio.run`) and under Interleave (`interleave run`, traced), side by side, with
/// the ratio. Both figures leave out python3's own start-up (measured apart and taken off), so
/// the ratio is the cost of stepping every task step through the loop.
struct PythonBenchmark {
    var scale: Double
    let output: (String) -> Void

    static let program = """
        import asyncio, sys

        async def player(inbox, outbox, rounds):
            for _ in range(rounds):
                ball = await inbox.get()
                await outbox.put(ball + 1)

        async def main(rounds):
            ping, pong = asyncio.Queue(), asyncio.Queue()
            await ping.put(0)
            await asyncio.gather(player(ping, pong, rounds), player(pong, ping, rounds))
            print("rallies", ping.get_nowait())

        asyncio.run(main(int(sys.argv[1])))

        """

    func run() throws {
        if let problem = PythonProgram.interpreterProblem() { return output("python-pingpong skipped: \(problem)") }
        let rounds = max(100, Int(20_000 * scale))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-bench-\(UUID().uuidString.prefix(8)).py")
        try Self.program.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        // Each round is one message each way.
        let messages = rounds * 2
        let startup = BenchLine.median((0..<3).map { _ in wallSeconds(python: ["-c", "import asyncio"]) })
        let plain = BenchLine.median((0..<3).map { _ in wallSeconds(python: [file.path, "\(rounds)"]) }) - startup
        output(BenchLine.rate("cpython-asyncio", "python-pingpong", messages, plain))
        let start = ContinuousClock.now
        let loop = Loop()
        let outcome = PythonProgram(path: file.path, arguments: ["\(rounds)"]).start(on: loop)
        loop.runUntilIdle()
        loop.close()
        let traced = (ContinuousClock.now - start).seconds - startup
        guard outcome.status == 0 else { throw BenchError(message: "python-pingpong failed under interleave: \(outcome.reason ?? "?")") }
        output(BenchLine.rate("interleave", "python-pingpong", messages, traced))
        output("interleave python-pingpong events \(loop.store.events.count) ratio \(String(format: "%.1f", traced / max(plain, 1e-9)))x cpython")
    }

    /// Wall seconds of `python3 arguments…`, output discarded.
    private func wallSeconds(python arguments: [String]) -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        guard (try? process.run()) != nil else { return 0 }
        process.waitUntilExit()
        return (ContinuousClock.now - start).seconds
    }
}
