import Interleave

extension Catalogue {
    static let lockOrder = Demo(
        name: "lock-order",
        title: "Two locks in opposite orders, deadlocking only sometimes",
        summary: "Two transfers lock their accounts in opposite orders: most orders pass, one deadlocks",
        concept: "Taking two locks in different orders deadlocks only when each task gets its first "
            + "lock before the other gets its second: tests usually pass. `interleave explore "
            + "lock-order` finds the order. Taking locks in one global order prevents it."
    ) { _ in
        let savings = Lock("savings")
        let checking = Lock("checking")
        caption("One transfer locks savings then checking; the other locks checking then savings")
        _ = try await Interleave.gather(
            spawn("transfer1") { try await transfer(first: (savings, "savings"), then: (checking, "checking")) },
            spawn("transfer2") {
                try await sleep(for: .milliseconds(100))  // validate the request first
                try await transfer(first: (checking, "checking"), then: (savings, "savings"))
            }
        )
        caption("transfer1 had both locks before transfer2 began. `interleave explore lock-order` finds the deadlock")
    }
}

private func transfer(first: (lock: Lock, name: String), then second: (lock: Lock, name: String)) async throws {
    try await first.lock.withLock {
        print("Locks \(first.name)")
        try await sleep(for: .milliseconds(100))  // read the balance
        if second.lock.isLocked {
            caption("Each transfer holds one account's lock and waits for the other's: a deadlock")
        }
        try await second.lock.withLock {
            print("Locks \(second.name) and moves the money")
        }
    }
}
