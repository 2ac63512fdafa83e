import Foundation
import Interleave
import InterleaveTrace

/// One run of a Python program on a loop (loop thread only): the child, the mirror of each of
/// its tasks, its resources, and the translation of its events into the loop's trace.
///
/// The loop is the scheduler: a mirror's step is one `step` command, answered by the events of
/// that task step (and of the callbacks it made ready); the Python side's timers are loop
/// timers that send `advance`. See docs/python-protocol.md.
final class PythonRun: @unchecked Sendable {
    // Unchecked: used on the loop thread only (the mirrors' and the module's jobs, loop timers).
    let program: PythonProgram
    let loop: Loop
    let outcome: PythonOutcome
    private var child: PythonChild?
    private var mirrors: [Int: PythonTaskMirror] = [:]
    private var resources: [Int: (id: ResourceID, kind: ResourceKind)] = [:]
    /// The module's lane.
    private var module: TaskID = .none
    /// The first task created from module level (`asyncio.run`'s main), which the module awaits,
    /// and the line that created it (where the module stands while it waits).
    private var mainTask: TaskID = .none
    private var mainTaskLine: LocationID = .unknown
    /// The earliest Python timer a loop timer is set for, and that loop timer.
    private var timerAt: Int64?
    private var timer: ForeignTimer?
    private(set) var exited = false
    private var captions = PythonCaptions()
    /// Names of Python tasks and resources, for captions; the holder of each lock.
    private var taskNames: [Int: String] = [:]
    private var resourceNames: [Int: String] = [:]
    private var holders: [Int: Int] = [:]

    init(program: PythonProgram, loop: Loop, outcome: PythonOutcome) {
        self.program = program
        self.loop = loop
        self.outcome = outcome
    }

    /// Spawns the module's lane, which starts the child and runs the module.
    func start() {
        loop.onClose { [self] in stopChild() }
        let location = loop.foreignLocation(fileID: program.fileName, line: 1)
        module = loop.spawnForeign(program.fileName, location: location) { [self] in try await runModule() }
    }

    private func runModule() async throws {
        do {
            try launch()
        } catch {
            exited = true
            outcome.finish(status: 2, reason: "\(error)")
            throw error
        }
        send(["c": "start"])
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
    func send(_ command: [String: Any]) {
        guard let child, !exited else { return }
        guard child.send(command) else { return died() }
        while true {
            guard let line = child.nextLine() else { return died() }
            guard let event = PythonEvent.parse(line) else { continue }
            if event.e == "end" { return }
            apply(event)
        }
    }

    /// The command carrying the clock: `step`, `advance`, `throw`, `cancel`.
    func send(_ name: String, task: Int? = nil, error: String? = nil) {
        var command: [String: Any] = ["c": name, "now": loop.nowInNanoseconds]
        if let task { command["id"] = task }
        if let error { command["error"] = error }
        send(command)
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

    // MARK: Events

    private func apply(_ event: PythonEvent) {
        switch event.e {
        case "task": createTask(event)
        case "ready": ready(event)
        case "sleep", "yield", "wait", "done", "failed", "cancelled": noteAfterStep(event)
        case "resource": createResource(event)
        case "op": recordOperation(event)
        case "print": print(event)
        case "timer": setTimer(event.at)
        case "exit": exit(event)
        default: break
        }
    }

    private func location(_ event: PythonEvent) -> LocationID {
        guard let file = event.file, let line = event.line else { return .unknown }
        return loop.foreignLocation(fileID: (file as NSString).lastPathComponent, line: line)
    }

    /// The loop task of a Python task; none named (a callback of the loop's own, module code)
    /// is the task whose step is running, else the module.
    private func task(_ pythonID: Int?) -> TaskID {
        guard let pythonID, let mirror = mirrors[pythonID] else { return loop.runningTaskID ?? module }
        return mirror.task
    }

    private func createTask(_ event: PythonEvent) {
        guard let id = event.id else { return }
        let mirror = PythonTaskMirror(pythonID: id)
        mirrors[id] = mirror
        taskNames[id] = event.name ?? "task-\(id)"
        mirror.task = loop.spawnForeign(event.name ?? "task-\(id)", location: location(event)) { [self] in
            try await mirror.run(in: self)
        }
        if event.parent == nil, mainTask == .none {
            mainTask = mirror.task
            mainTaskLine = location(event)
        }
    }

    private func ready(_ event: PythonEvent) {
        guard let id = event.id, let mirror = mirrors[id] else { return }
        mirror.ready = true
        loop.wakeForeign(mirror.task, by: loop.runningTaskID ?? .none)
    }

    private func noteAfterStep(_ event: PythonEvent) {
        guard let id = event.id, let mirror = mirrors[id] else { return }
        let at = location(event)
        switch event.e {
        case "sleep": mirror.after = .sleep(until: event.until ?? loop.nowInNanoseconds, at)
        case "yield": mirror.after = .yield(at)
        case "wait":
            let resource = event.resource.flatMap { resources[$0]?.id } ?? .none
            let awaiting = event.awaiting.flatMap { mirrors[$0]?.task } ?? .none
            mirror.after = .wait(resource, Self.reason(event.op), awaiting: awaiting, at)
            let holder = event.resource.flatMap { holders[$0] }.flatMap { taskNames[$0] }
            if let text = captions.wait(of: taskNames[id] ?? "a task", op: event.op, on: event.resource,
                                        named: event.resource.flatMap { resourceNames[$0] }, holder: holder) {
                loop.captionForeign(text)
            }
        case "done": mirror.after = .ended(.done)
        case "failed":
            mirror.after = .ended(.failed(event.error ?? "failed"))
            loop.captionForeign(captions.failure(of: taskNames[id] ?? "a task", error: event.error ?? "an exception"))
        default: mirror.after = .ended(.cancelled)
        }
        // An end reported while its mirror is parked (not during its own step) wakes it to end.
        if case .ended = mirror.after { loop.wakeForeign(mirror.task, by: loop.runningTaskID ?? .none) }
    }

    static func reason(_ op: String?) -> WaitReason {
        switch op {
        case "acquire": .acquire
        case "wait": .wait
        case "get": .get
        case "put": .put
        case "join": .join
        case "result": .result
        case "gather": .gather
        case "io": .io
        case "notify": .notify
        default: .suspended
        }
    }

    private func createResource(_ event: PythonEvent) {
        guard let id = event.id else { return }
        let kind: ResourceKind = switch event.kind {
        case "lock": .lock
        case "event": .event
        case "condition": .condition
        case "semaphore": .semaphore
        case "bounded_semaphore": .boundedSemaphore
        case "queue": .queue
        default: .future
        }
        let resource = loop.createForeignResource(
            event.name ?? kind.label, kind: kind, capacity: event.capacity ?? 0, location: location(event))
        resources[id] = (resource, kind)
        resourceNames[id] = event.name ?? kind.label
    }

    private func recordOperation(_ event: PythonEvent) {
        guard let id = event.resource, let (resource, kind) = resources[id], let op = event.op else { return }
        let actor = task(event.task)
        if op == "acquired", let holder = event.value { holders[id] = Int(holder) }
        if op == "released" { holders[id] = nil }
        let value = event.value ?? 0
        let counts = kind == .semaphore || kind == .boundedSemaphore
        let recorded: (EventKind, Int64)? = switch op {
        case "acquired": counts ? (.semaphoreAcquired, value) : (.lockAcquired, Int64(task(Int(value)).rawValue))
        case "released": counts ? (.semaphoreReleased, value) : (.lockReleased, 0)
        case "set": (.eventSet, 1)
        case "cleared": (.eventCleared, 0)
        case "notified": (.conditionNotified, value)
        case "put": (.queuePut, value)
        case "got": (.queueGot, value)
        case "task_done": (.queueTaskDone, value)
        case "resolved": (.futureResolved, 0)
        case "failed": (.futureFailed, loop.foreignText(event.text ?? "error"))
        case "cancelled": (.futureCancelled, 0)
        default: nil
        }
        guard let (kind, arg) = recorded else { return }
        loop.recordForeign(kind, task: actor, resource: resource, arg: arg, location: location(event))
    }

    private func print(_ event: PythonEvent) {
        loop.emitForeignOutput(event.text ?? "", by: task(event.task), location: location(event))
    }

    /// Sets the loop timer for the Python side's earliest timer (`timer` after each command):
    /// one at a time, so that a Python timer cancelled meanwhile never moves the clock.
    private func setTimer(_ at: Int64?) {
        guard timerAt != at else { return }
        timer?.cancel()
        timer = nil
        timerAt = at
        guard let at else { return }
        timer = loop.addForeignTimer(at: max(at, loop.nowInNanoseconds)) { [self] in
            timerAt = nil
            timer = nil
            send("advance")
        }
    }

    private func exit(_ event: PythonEvent) {
        let status = event.status ?? 0
        if let error = event.error, !error.isEmpty {
            for line in error.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                loop.emitForeignOutput(String(line), by: module)
            }
        }
        let last = event.error?.split(separator: "\n").last.map(String.init)
        if let text = captions.exit(status: status, error: last, ranALoop: !mirrors.isEmpty) { loop.captionForeign(text) }
        outcome.finish(status: status, reason: status == 0 ? nil : (last ?? "exit status \(status)"))
        exited = true
        setTimer(nil)
        loop.wakeForeign(module, by: loop.runningTaskID ?? .none)
    }
}
