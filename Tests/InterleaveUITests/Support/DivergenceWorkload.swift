import InterleaveTrace

extension Workloads {
    static let bankSource = """
        import Interleave

        /// Three customers take money from one account, each checking the balance first.
        func bankDemo() async throws {
            var balance = 100
            let customers = ["alice", "bob", "carol"].map { name in
                spawn(name) {
                    let seen = balance
                    try await sleep(for: .seconds(0.2))
                    check(seen >= 80, "overdraft")
                    balance -= 80
                }
            }
            try await gather(customers)
        }
        """

    /// A failure replayed from a schedule that leaves FIFO twice: at 0.2s bob runs ahead of
    /// alice, and at 0.5s carol runs ahead of bob, whose check then fails.
    ///
    /// Marks: "first" (the first choice made, bob's job not yet run), "bob-ran", "alice-ran",
    /// "second" (carol chosen), "check" (bob's check failed), and "end".
    static func divergenceDemo() -> Script {
        let s = Script(demoName: "bank", title: "Check, then act", fileID: "Demos/BankDemo.swift", source: bankSource)
        s.store.header.schedule = "replay"
        s.store.header.choices = [0, 0, 1, 0, 0, 1]
        s.at(0)
        let main = s.task("main", line: 4)
        s.resume(main, line: 5)
        let group = s.resource("gather(3)", .group, by: main, line: 15)
        let alice = s.task("alice", parent: main, line: 7)
        let bob = s.task("bob", parent: main, line: 7)
        let carol = s.task("carol", parent: main, line: 7)
        s.caption("Three customers check the balance, then take 80 each")
        s.wait(main, on: group, .wait, line: 15)
        for customer in [alice, bob] {
            s.resume(customer, line: 8)
            s.say(customer, "sees 100")
            s.sleep(customer, until: 0.2, line: 9)
        }
        s.resume(carol, line: 8)
        s.sleep(carol, until: 0.5, line: 9)

        s.at(0.2)
        s.wake(alice)
        s.wake(bob)
        s.event(.preempted, bob, arg: Int64(alice.rawValue))
        s.mark("first")
        s.resume(bob, line: 10)
        s.say(bob, "takes 80: 20 left")
        s.sleep(bob, until: 0.5, line: 9)
        s.mark("bob-ran")
        s.resume(alice, line: 10)
        s.say(alice, "takes 80: -60 left")
        s.finish(alice, line: 12)
        s.mark("alice-ran")

        s.at(0.5)
        s.wake(carol)
        s.wake(bob)
        s.event(.preempted, carol, arg: Int64(bob.rawValue))
        s.mark("second")
        s.resume(carol, line: 10)
        s.finish(carol, line: 12)
        s.resume(bob, line: 10)
        s.event(.checkFailed, bob, arg: Int64(s.recorder.intern("overdraft: balance -60").rawValue), line: 10)
        s.mark("check")
        s.finish(bob, line: 12)
        s.wake(main, by: bob, via: group)
        s.resume(main, line: 16)
        s.finish(main, line: 16)
        s.event(.runEnded, .none)
        s.mark("end")
        return s
    }
}
