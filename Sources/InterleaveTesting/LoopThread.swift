import Foundation
import Synchronization

/// Drives work on a thread of its own, while the task that awaits it runs requests for it.
///
/// A loop is driven synchronously: `runUntilIdle` blocks its thread until the run is over, so
/// it must not be one of Swift's cooperative threads (a few of those blocked would starve every
/// other test). The awaiting task suspends on a continuation meanwhile. The thread can hand it
/// closures to run in that task (`runInCaller`): a loop's main task created there inherits the
/// test's task-local values (which test is running, its issue handlers), which a task created
/// from a bare thread would not.
final class LoopThread: Sendable {
    private enum Message: @unchecked Sendable {
        // Unchecked: the closure runs once, in the awaiting task, while the thread waits.
        case run(() async -> Void, DispatchSemaphore)
        case finished
    }

    private let mailbox = Mutex<(queue: [Message], waiter: CheckedContinuation<Message, Never>?)>(([], nil))

    private init() {}

    /// Runs `work` on a new thread and returns its result, serving its `runInCaller` requests
    /// from the calling task until it ends.
    static func run<R: Sendable>(
        name: String, _ work: @escaping @Sendable (LoopThread) throws -> R
    ) async throws -> R {
        let relay = LoopThread()
        let outcome = Locked<Result<R, any Error>?>(nil)
        let thread = Thread {
            let result = Result { try work(relay) }
            outcome.withLock { $0 = result }
            relay.post(.finished)
        }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
        while true {
            switch await relay.next() {
            case .run(let request, let done):
                await request()
                done.signal()
            case .finished:
                return try outcome.withLock { $0! }.get()
            }
        }
    }

    /// From the thread: runs `request` in the awaiting task and returns when it has.
    func runInCaller(_ request: @escaping () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        post(.run(request, done))
        done.wait()
    }

    private func post(_ message: Message) {
        let waiter = mailbox.withLock { box -> CheckedContinuation<Message, Never>? in
            guard let waiter = box.waiter else {
                box.queue.append(message)
                return nil
            }
            box.waiter = nil
            return waiter
        }
        waiter?.resume(returning: message)
    }

    private func next() async -> Message {
        await withCheckedContinuation { continuation in
            let ready = mailbox.withLock { box -> Message? in
                guard box.queue.isEmpty else { return box.queue.removeFirst() }
                box.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}

/// A value behind a lock, shareable between a thread and a task.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R { try mutex.withLock { try body(&$0) } }
}
