import Foundation
import Interleave
@testable import InterleavePython
import InterleaveTrace
import Testing

/// Ready tasks run in asyncio's own order, the order of its ready queue, even where the loop's
/// own FIFO would differ: a task ready again during its own step (`sleep(0)`, or a wait that
/// ended in the same step) goes behind the tasks made ready after it in that step.
@Suite struct PythonOrderTests {
    /// Writes `source` to a scratch directory and runs it headless; its printed lines.
    static func printedLines(of source: String, runningAhead: Bool = false) throws -> (lines: [String], store: TraceStore) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("program.py")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let loop = Loop()
        let outcome = PythonProgram(path: file.path, directory: directory.path).start(on: loop, runningAhead: runningAhead)
        loop.runUntilIdle()
        loop.close()
        #expect(outcome.status == 0, "\(outcome.reason ?? "")")
        let store = loop.store
        let lines = store.events.snapshot().filter { $0.kind == .output }.map { store.string(StringID(rawValue: UInt32($0.arg))) }
        return (lines, store)
    }

    /// `main` yields after scheduling a callback that wakes `other`: asyncio runs `main` first
    /// (its step was queued before the callback ran), as CPython prints.
    static let yieldThenCallback = """
        import asyncio

        async def other(event):
            await event.wait()
            print("other")

        async def main():
            event = asyncio.Event()
            task = asyncio.create_task(other(event))
            await asyncio.sleep(0)
            asyncio.get_running_loop().call_soon(event.set)
            await asyncio.sleep(0)
            print("main")
            await task

        asyncio.run(main())
        """

    @Test func aYieldingTaskRunsBeforeOneACallbackWokeAfterIt() throws {
        guard PythonProgram.interpreterProblem() == nil else { return }
        #expect(try Self.printedLines(of: Self.yieldThenCallback).lines == ["main", "other"])
    }

    /// `first` awaits a future its own step resolves through a callback; `second` was made
    /// ready in that step before the future's callback ran, so it goes first.
    static let waitEndedInOwnStep = """
        import asyncio

        async def second(event):
            await event.wait()
            print("second")

        async def first(event):
            loop = asyncio.get_running_loop()
            future = loop.create_future()
            event.set()
            loop.call_soon(future.set_result, None)
            await future
            print("first")

        async def main():
            event = asyncio.Event()
            waiter = asyncio.create_task(second(event))
            await asyncio.sleep(0)
            await first(event)
            await waiter

        asyncio.run(main())
        """

    @Test func aTaskWhoseWaitEndsInItsOwnStepGoesBehindTheOthers() throws {
        guard PythonProgram.interpreterProblem() == nil else { return }
        #expect(try Self.printedLines(of: Self.waitEndedInOwnStep).lines == ["second", "first"])
    }

    /// A loop run until one coroutine completes and then dropped leaves a task ready that never
    /// steps again; the next `asyncio.run` goes on without it, stepped or running ahead.
    static let droppedLoop = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("python/programs/dropped_loop.py")

    @Test(arguments: [false, true])
    func aTaskLeftReadyOnADroppedLoopHoldsNothingUp(runningAhead: Bool) throws {
        guard PythonProgram.interpreterProblem() == nil else { return }
        let lines = try Self.printedLines(of: String(contentsOf: Self.droppedLoop, encoding: .utf8), runningAhead: runningAhead).lines
        #expect(Array(lines.prefix(3)) == ["quick", "echo 1", "echo 2"])
    }

    /// Running ahead, the Python side steps in its own order and the loop follows: the same
    /// lines, and the same trace, as stepping command by command.
    @Test(arguments: [yieldThenCallback, waitEndedInOwnStep])
    func runningAheadKeepsTheOrder(_ source: String) throws {
        guard PythonProgram.interpreterProblem() == nil else { return }
        let stepped = try Self.printedLines(of: source)
        let ahead = try Self.printedLines(of: source, runningAhead: true)
        #expect(ahead.lines == stepped.lines)
        #expect(ahead.store.events.count == stepped.store.events.count)
    }
}
