import Foundation
import Interleave
import InterleaveTrace

/// The Python side's events, recorded as the loop's own (loop thread only): tasks and their
/// mirrors, resources and their operations, output, timers and the program's exit.
extension PythonRun {
    func apply(_ event: PythonEvent) {
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
        // Every event names its file by its full path: the file's name is worked out once.
        if let fileID = fileIDs[file] { return loop.foreignLocation(fileID: fileID, line: line) }
        let fileID = (file as NSString).lastPathComponent
        fileIDs[file] = fileID
        return loop.foreignLocation(fileID: fileID, line: line)
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
        readyOrder.append(id)
        if mirror.task == loop.runningTaskID { mirror.readyInOwnStep = true }
        loop.wakeForeign(mirror.task, by: loop.runningTaskID ?? .none)
    }

    private func noteAfterStep(_ event: PythonEvent) {
        guard let id = event.id, let mirror = mirrors[id] else { return }
        let at = location(event)
        switch event.e {
        case "sleep": mirror.after = .sleep(until: event.until ?? loop.nowInNanoseconds, at)
        case "yield": mirror.after = .yield(at)
        case "wait":
            // A ready task's loop stopped (run_until_complete returned): it is not ready until
            // that loop runs again (a new `ready`).
            if mirror.ready, mirror.task != loop.runningTaskID { unready(mirror) }
            let resource = event.resource.flatMap { resources[$0]?.id } ?? .none
            let awaiting = event.awaiting.flatMap { mirrors[$0]?.task } ?? .none
            mirror.after = .wait(resource, Self.reason(event.op), awaiting: awaiting, at)
            let holder = event.resource.flatMap { holders[$0] }.flatMap { taskNames[$0] }
            if let text = captions.wait(of: taskNames[id] ?? "a task", id: id, op: event.op, on: event.resource,
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

    private func unready(_ mirror: PythonTaskMirror) {
        mirror.ready = false
        readyOrder.removeAll { $0 == mirror.pythonID }
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
        // An acquisition's task is the acquirer (in `value`), which may not be the one reporting it.
        let doer = op == "acquired" ? event.value.map { Int($0) } : event.task
        if let text = captions.operation(op, by: doer, named: doer.flatMap { taskNames[$0] }, on: id,
                                         named: resourceNames[id] ?? "it") {
            loop.captionForeign(text)
        }
    }

    private func print(_ event: PythonEvent) {
        loop.emitForeignOutput(event.text ?? "", by: task(event.task), location: location(event))
    }

    /// Sets the loop timer for the Python side's earliest timer (`timer` after each command):
    /// one at a time, so that a Python timer cancelled meanwhile never moves the clock.
    func setTimer(_ at: Int64?) {
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
