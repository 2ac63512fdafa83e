import DequeModule
import Foundation
import Interleave
import InterleaveTrace

/// One run of a Python program on a loop (loop thread only): the child, the mirror of each of
/// its tasks, its resources, and the translation of its events into the loop's trace.
///
/// The loop drives the run: a mirror's step is one `step` command, answered by the events of
/// that task step (and of the callbacks it made ready); the Python side's timers are loop
/// timers that send `advance`. Ready mirrors run in the order asyncio's ready queue gives them.
/// Running ahead (a run nobody can step or fault), the Python side steps itself in that order
/// and the answers come without the commands: each is checked to be the one the loop would
/// have sent. See docs/python-protocol.md.
final class PythonRun: @unchecked Sendable {
    // Unchecked: used on the loop thread only (the mirrors' and the module's jobs, loop timers).
    let program: PythonProgram
    let loop: Loop
    let outcome: PythonOutcome
    /// Whether the Python side is to run ahead once started (`run`), and whether it does (until
    /// it says it holds).
    private let runAheadWanted: Bool
    private var runsAhead = false
    /// The Python side's ready tasks (ids), in the order its `ready` events gave them.
    var readyOrder = Deque<Int>()
    private var child: PythonChild?
    var mirrors: [Int: PythonTaskMirror] = [:]
    var resources: [Int: (id: ResourceID, kind: ResourceKind)] = [:]
    /// The module's lane.
    var module: TaskID = .none
    /// The first task created from module level (`asyncio.run`'s main), which the module awaits,
    /// and the line that created it (where the module stands while it waits).
    var mainTask: TaskID = .none
    var mainTaskLine: LocationID = .unknown
    /// The earliest Python timer a loop timer is set for, and that loop timer.
    var timerAt: Int64?
    var timer: ForeignTimer?
    var exited = false
    var captions = PythonCaptions()
    /// Names of Python tasks and resources, for captions; the holder of each lock.
    var taskNames: [Int: String] = [:]
    var resourceNames: [Int: String] = [:]
    var holders: [Int: Int] = [:]
    /// The name of each file the Python side named by its path.
    var fileIDs: [String: String] = [:]

    init(program: PythonProgram, loop: Loop, outcome: PythonOutcome, runsAhead: Bool) {
        self.program = program
        self.loop = loop
        self.outcome = outcome
        runAheadWanted = runsAhead
    }

    /// Spawns the module's lane, which starts the child and runs the module.
    func start() {
        loop.onClose { [self] in stopChild() }
        loop.followForeignOrder { [weak self] in self?.nextInReadyOrder() }
        let location = loop.foreignLocation(fileID: program.fileName, line: 1)
        module = loop.spawnForeign(program.fileName, location: location) { [self] in try await runModule() }
    }

    /// The mirror whose step the Python side runs next; entries of tasks that ended without
    /// that step (a loop stopped with tasks still ready) are dropped.
    private func nextInReadyOrder() -> TaskID? {
        while let next = readyOrder.first {
            if let mirror = mirrors[next], !mirror.hasEnded { return mirror.task }
            readyOrder.removeFirst()
        }
        return nil
    }

    private func runModule() async throws {
        do {
            try launch()
        } catch {
            exited = true
            outcome.finish(status: 2, reason: "\(error)")
            throw error
        }
        send(PythonCommand("start"))
        if runAheadWanted, !exited, child?.send(PythonCommand("run")) == true { runsAhead = true }
        while !exited {
            do {
                try await loop.parkForeign(.waiting(.none, .join, awaiting: mainTask), location: mainTaskLine)
            } catch {
                // Cancelling or failing the module stops the program, as Ctrl-C would.
                stopChild()
                outcome.finish(status: 130, reason: "stopped")
                throw error
            }
        }
        stopChild()
        if let status = outcome.status, status != 0 {
            throw PythonRunError(outcome.reason ?? "exit status \(status)")
        }
    }

    private func launch() throws {
        try program.validate()
        guard let directory = PythonProgram.runnerDirectory else {
            throw PythonRunError("interleave's Python runner is missing from its resources")
        }
        let child = try PythonChild(
            launcher: directory + "/interleave_asyncio/launcher.py", program: program.absolutePath,
            arguments: program.arguments, directory: program.directory, environment: program.environment)
        self.child = child
        guard let line = child.nextLine(within: .seconds(30)), let hello = PythonEvent.parse(line), hello.e == "hello" else {
            let status = child.stop()
            self.child = nil
            let said = child.leakedOutput.last { !$0.isEmpty }
            throw PythonRunError(said ?? "python3 exited (status \(status)) before the runner started")
        }
        guard hello.protocol == 1 else {
            stopChild()
            throw PythonRunError("the Python runner speaks protocol \(hello.protocol ?? 0), not 1")
        }
    }

    // MARK: Commands

    /// Sends a command and applies the events that answer it. When the child is gone, the
    /// program has ended: the module is told.
    func send(_ command: PythonCommand) {
        guard let child, !exited else { return }
        if command.name == "step", let id = command.id { tookTurn(id) }
        if runsAhead {
            switch takeAnswerAhead(to: command) {
            case .taken: return
            case .held: runsAhead = false
            case .gone: return died()
            }
        }
        guard child.send(command) else { return died() }
        applyAnswer()
    }

    /// Applies the events of one answer, up to its `end`.
    private func applyAnswer() {
        guard let child else { return }
        while true {
            guard let line = child.nextLine() else { return died() }
            guard let event = PythonEvent.parse(line) else { continue }
            if event.e == "end" { return }
            apply(event)
        }
    }

    /// The command carrying the clock: `step`, `advance`, `throw`, `cancel`.
    func send(_ name: String, task: Int? = nil, error: String? = nil) {
        send(PythonCommand(name, id: task, now: loop.nowInNanoseconds, error: error))
    }

    private enum AnswerAhead { case taken, held, gone }

    /// Running ahead: the next answer is the Python side's own step, announced by `ran`. It must
    /// be `command` (the loop follows the Python side's order, so it is); any other ends the run
    /// with a clear error rather than show a run that did not happen. `held`: the Python side
    /// stopped running ahead (nothing it can do by itself) and reads commands again.
    private func takeAnswerAhead(to command: PythonCommand) -> AnswerAhead {
        guard let child, let line = child.nextLine() else { return .gone }
        guard let event = PythonEvent.parse(line) else { return takeAnswerAhead(to: command) }
        if event.e == "held" { return .held }
        // The program's end (or the runner's refusal) comes as any answer does.
        if event.e != "ran" {
            apply(event)
            applyAnswer()
            return .taken
        }
        let ran = PythonCommand(ran: event)
        guard ran == command else {
            runsAhead = false
            stopChild()
            outcome.finish(status: 2, reason: "interleave run: the Python side ran \(ran) where the loop ran \(command)")
            loop.wakeForeign(module, by: loop.runningTaskID ?? .none)
            return .taken
        }
        applyAnswer()
        return .taken
    }

    /// A mirror's step is taken: it leaves the ready order (its head, unless the user stepped
    /// another task by failing or cancelling it).
    private func tookTurn(_ id: Int) {
        if readyOrder.first == id {
            readyOrder.removeFirst()
        } else if let index = readyOrder.firstIndex(of: id) {
            readyOrder.remove(at: index)
        }
    }

    private func died() {
        guard !exited else { return }
        exited = true
        let status = child?.stop() ?? 1
        let said = child?.leakedOutput.last { !$0.isEmpty }
        child = nil
        outcome.finish(status: status == 0 ? 1 : status,
                       reason: "python3 stopped unexpectedly (status \(status))" + (said.map { ": \($0)" } ?? ""))
        loop.wakeForeign(module, by: loop.runningTaskID ?? .none)
    }

    func stopChild() {
        setTimer(nil)
        guard let child else { return }
        self.child = nil
        child.stop()
        exited = true
    }
}
