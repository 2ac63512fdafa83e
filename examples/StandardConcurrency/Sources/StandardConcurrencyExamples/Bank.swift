// Actor reentrancy: an actor runs one call at a time *between* suspension points, but every
// `await` inside an actor method lets another call in. A check made before an await may be
// stale after it: here two withdrawals both see enough money, both wait for the fraud check,
// and both subtract. The account ends overdrawn although each call "checked the balance".

/// This file, for the code pane of `visualize`.
public let bankSource = (filePath: #filePath, fileID: #fileID)

/// Thrown when the invariant `balance >= 0` breaks.
public struct Overdrawn: Error, CustomStringConvertible {
    public let balance: Int
    public var description: String { "overdrawn: the balance is \(balance)" }
}

actor Account {
    private(set) var balance: Int

    init(balance: Int) { self.balance = balance }

    /// Check, await, act: the classic reentrancy bug.
    func withdraw(_ amount: Int, by customer: String) async throws {
        guard balance >= amount else {
            print("\(customer): declined, only \(balance) left")
            return
        }
        print("\(customer): \(balance) covers \(amount), running the fraud check")
        // The actor is free while this call sleeps: the other withdrawal gets in here.
        try await Task.sleep(for: .milliseconds(200))
        // The fix: check again here (or reserve the money before awaiting).
        balance -= amount
        print("\(customer): withdrew \(amount), balance now \(balance)")
    }
}

/// Two customers withdraw 70 each from an account holding 100, at the same moment.
///
/// Throws `Overdrawn` when the balance goes negative. It does in every schedule, FIFO
/// included: both balance checks happen at t = 0 and both fraud checks end at t = 200 ms,
/// so whichever order the loop picks, each withdrawal has checked before either subtracts.
public func overdraftBank() async throws {
    let account = Account(balance: 100)
    try await withThrowingTaskGroup(of: Void.self) { group in
        for customer in ["alice", "bob"] {
            group.addTask(name: customer) {
                try await account.withdraw(70, by: customer)
            }
        }
        try await group.waitForAll()
    }
    let balance = await account.balance
    print("final balance: \(balance)")
    if balance < 0 { throw Overdrawn(balance: balance) }
}
