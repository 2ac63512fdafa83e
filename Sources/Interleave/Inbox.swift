import Foundation
import Synchronization

/// Jobs and commands posted to a loop from other threads, and the signal that wakes it.
///
/// The loop's one lock for traffic from other threads (the other lock in the runtime is each
/// `IOCompletion`'s, held only to store or read its result). It is never held while a
/// continuation is resumed or a job runs, so it cannot deadlock with the work it hands over.
// Unchecked: every mutable field is touched only with `condition` locked; `pending` is atomic.
@usableFromInline
final class Inbox: @unchecked Sendable {
    typealias Command = @Sendable (Loop) -> Void
    private let condition = NSCondition()
    private var jobs: [ReadyJob] = []
    private var commands: [Command] = []
    private var flag = false
    private let pending = Atomic<Bool>(false)
    private let isLoopGone = Atomic<Bool>(false)

    /// Said by the loop as it is freed: task handles that outlive it use it no more.
    func loopEnded() { isLoopGone.store(true, ordering: .releasing) }

    /// True once the loop that drains this inbox has been freed.
    var loopIsGone: Bool { isLoopGone.load(ordering: .acquiring) }

    /// True when something is waiting: one atomic load, so the step loop pays no lock.
    var hasWork: Bool { pending.load(ordering: .acquiring) }

    func post(job: ReadyJob) {
        condition.lock()
        jobs.append(job)
        flag = true
        pending.store(true, ordering: .releasing)
        condition.signal()
        condition.unlock()
    }

    func post(command: @escaping Command) {
        condition.lock()
        commands.append(command)
        flag = true
        pending.store(true, ordering: .releasing)
        condition.signal()
        condition.unlock()
    }

    func take() -> ([ReadyJob], [Command]) {
        condition.lock()
        defer { condition.unlock() }
        let taken = (jobs, commands)
        jobs = []
        commands = []
        flag = false
        pending.store(false, ordering: .releasing)
        return taken
    }

    /// Waits until something is posted or `deadline` passes (nil waits without limit).
    func wait(until deadline: Date?) {
        condition.lock()
        defer { condition.unlock() }
        if flag { return }
        if let deadline { _ = condition.wait(until: deadline) } else { condition.wait() }
    }
}
