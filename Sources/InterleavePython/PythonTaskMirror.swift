import Interleave
import InterleaveTrace

/// The loop task standing for one asyncio task (loop thread only): it parks while the Python
/// task waits, and each of its steps is the Python task's next step.
final class PythonTaskMirror: @unchecked Sendable {
    // Unchecked: used on the loop thread only.
    let pythonID: Int
    var task: TaskID = .none
    /// The Python side said the task may step (its step is in the ready queue).
    var ready = false
    /// It said so during the task's own step: what the task waited for came in the same command.
    var readyInOwnStep = false
    /// What the task's last step ended with.
    var after: After = .none

    enum After {
        case none
        case sleep(until: Int64, LocationID)
        case yield(LocationID)
        case wait(ResourceID, WaitReason, awaiting: TaskID, LocationID)
        case ended(Ending)
    }

    enum Ending {
        case done
        case failed(String)
        case cancelled
    }

    /// The Python task's exception, as the loop records it (its type and message).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(pythonID: Int) { self.pythonID = pythonID }

    /// The Python task has ended: it steps no more.
    var hasEnded: Bool {
        if case .ended = after { return true }
        return false
    }

    /// The mirror's body: wait until ready, step, repeat until the Python task ends. A
    /// cancellation or a fault injected while it waits is passed on to the Python task, which
    /// decides what happens (it may catch it and go on).
    func run(in run: PythonRun) async throws {
        while true {
            if case .ended(let ending) = after { return try end(ending) }
            if run.exited { throw CancellationError() }
            do {
                try await awaitTurn(in: run)
            } catch {
                if run.exited { throw error }
                run.send(error is CancellationError ? "cancel" : "throw", task: pythonID, error: "\(error)")
                // The step that raises it runs at once, as the user asked (not behind others).
                readyInOwnStep = false
                continue
            }
            if case .ended = after { continue }
            ready = false
            readyInOwnStep = false
            after = .none
            run.send("step", task: pythonID)
        }
    }

    /// Returns once the task may step: at once if it is ready, behind the ready tasks after a
    /// `sleep(0)` or a wait that ended during its own step, else when the Python side makes it
    /// ready. Where several are ready, the loop runs them in the Python side's order.
    private func awaitTurn(in run: PythonRun) async throws {
        switch after {
        case .yield(let location):
            after = .none
            try await run.loop.parkForeign(.yielding, location: location)
        case .sleep(let deadline, let location) where readyInOwnStep:
            try await run.loop.parkForeign(.sleeping(until: deadline), location: location, readyAgain: true)
        case .wait(let resource, let reason, let awaiting, let location) where readyInOwnStep:
            try await run.loop.parkForeign(.waiting(resource, reason, awaiting: awaiting), location: location, readyAgain: true)
        case .sleep(let deadline, let location) where !ready:
            try await run.loop.parkForeign(.sleeping(until: deadline), location: location)
        case .wait(let resource, let reason, let awaiting, let location) where !ready:
            try await run.loop.parkForeign(.waiting(resource, reason, awaiting: awaiting), location: location)
        default:
            if !ready { try await run.loop.parkForeign(.waiting(.none, .suspended, awaiting: .none), location: .unknown) }
        }
    }

    private func end(_ ending: Ending) throws {
        switch ending {
        case .done: return
        case .failed(let message): throw Failure(description: message)
        case .cancelled: throw CancellationError()
        }
    }
}
