import Interleave

extension Catalogue {
    static let lostWakeup = Demo(
        name: "lost-wakeup",
        title: "A lost wakeup: notified before the wait",
        summary: "A worker checks a flag, then waits on a condition: a notify that comes in between is lost",
        concept: "A notification wakes only tasks already waiting. Checking the flag outside the "
            + "condition's lock leaves a gap where the notify can slip by, and the wait never ends. "
            + "Check with `while` inside the lock (`cond.wait(for:)`) so nothing slips through."
    ) { _ in
        let flag = Flag()
        let ready = Condition("ready")
        caption("A worker waits for the data; a loader sets a flag and notifies the condition")
        _ = try await Interleave.gather(
            spawn("worker") {
                if !flag.isSet {  // the bug: checked outside the lock
                    print("Data not ready, going to wait")
                    try await sleep(for: .milliseconds(100))  // log the wait: an await inside the gap
                    try await ready.withLock {
                        if !flag.isSet, flag.notified {
                            caption("The loader already notified: nobody was waiting, so the wakeup is lost")
                        }
                        try await ready.wait()
                    }
                }
                print("Got the data")
            },
            spawn("loader") {
                try await sleep(for: .milliseconds(100))  // fetch the data
                try await ready.withLock {
                    flag.isSet = true
                    flag.notified = true
                    print("Data ready, notifying")
                    ready.notify()
                }
            }
        )
        caption("This time the worker was waiting before the notify. `interleave explore lost-wakeup` finds the gap")
    }
}

/// The shared flag; loop-confined (`@unchecked Sendable`: one thread runs every task).
private final class Flag: @unchecked Sendable {
    var isSet = false
    var notified = false
}
