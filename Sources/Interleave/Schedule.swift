/// The choices a loop made where more than one job was ready: how to reproduce an interleaving.
///
/// Each choice is an index into the ready jobs, in the order they became ready, so 0 is what
/// FIFO (asyncio's order) would have run; anything else is a preemption. Past its last choice
/// a schedule runs FIFO, so dropping choices from its end, or setting them to 0, moves it
/// towards the plain run: the shrinker relies on that.
/// ```swift
/// let loop = Loop(policy: .replay(Schedule([0, 2, 0, 1])))
/// ```
public struct Schedule: Sendable, Hashable, CustomStringConvertible {
    public var choices: [Int]

    public init(_ choices: [Int] = []) { self.choices = choices }

    /// The plain run: FIFO at every choice.
    public static let fifo = Schedule()

    /// Choices that differ from FIFO.
    public var preemptions: Int { choices.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// The index of the first choice that differs from FIFO, if any.
    public var firstPreemption: Int? { choices.firstIndex { $0 != 0 } }

    /// The same schedule without the FIFO choices at its end (they change nothing).
    public var trimmed: Schedule {
        var copy = self
        while copy.choices.last == 0 { copy.choices.removeLast() }
        return copy
    }

    /// "0.2.0.1", as the policy's description shows it.
    public var text: String { choices.map(String.init).joined(separator: ".") }

    public var description: String {
        "\(preemptions) preemption\(preemptions == 1 ? "" : "s") in \(choices.count) choice\(choices.count == 1 ? "" : "s")"
    }
}
