import Interleave

extension Challenges {
    static let missedNotify = Challenge(
        demo: Demo(
            name: "missed-notify",
            title: "Challenge: a notify nobody hears",
            summary: "A worker checks a flag, logs, then waits on a condition; a loader sets the flag and notifies",
            concept: "A notify wakes only the tasks already waiting."
        ) { _ in
            let dataReady = Shared(false)
            let ready = Condition("data")
            caption("The worker waits for data; the loader fetches it, sets a flag and notifies")
            _ = try await Interleave.gather(
                spawn("worker") {
                    if !dataReady.value {  // checked outside the condition's lock
                        print("worker: no data yet, going to wait")
                        try await sleep(for: .milliseconds(100))  // log that it waits
                        try await ready.withLock {
                            if dataReady.value { caption("The loader notified before the worker waited: nobody heard it") }
                            try await ready.wait()
                        }
                    }
                    print("worker: got the data")
                },
                spawn("loader") {
                    try await sleep(for: .milliseconds(100))  // fetch the data
                    try await ready.withLock {
                        dataReady.value = true
                        print("loader: data ready, notifying")
                        ready.notify()
                    }
                }
            )
        },
        goal: "Make the worker wait forever for data that is already there",
        difficulty: .medium,
        hints: [
            "The worker checks the flag, then awaits something else, then waits on the condition.",
            "A notify wakes only a task that is already waiting.",
            "At 0.1 s, let the loader notify before the worker starts to wait.",
        ],
        lesson: "A lost wake-up: the check and the wait were split by an await, so the notify came "
            + "in the gap and was lost. Check the condition inside its lock, in a loop: "
            + "`async with cond: await cond.wait_for(lambda: ready)`."
    )
}
