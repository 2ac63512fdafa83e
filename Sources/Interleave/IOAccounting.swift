/// Where one I/O stands, for the loop's rule that virtual time waits for I/O that is due.
enum IOPhase {
    /// The request is on its way to the far side: due.
    case requestInFlight
    /// The far side holds the response until a virtual deadline: not due.
    case scheduled
    /// The response is on its way back: due.
    case responseDue

    var isDue: Bool { self != .scheduled }
}

/// The loop's count of real I/O: what is started and not completed, and what is *due* — its
/// next move belongs to another thread right now, so virtual time must wait for it.
///
/// Pure book-keeping, loop thread only. Each I/O gets a token; the far side passes it back so
/// that its request's arrival and its response's release move that one I/O between phases.
/// ```swift
/// var io = IOAccounting()
/// let token = io.begin()             // pending 1, due 1: the request is in flight
/// io.requestArrived(token)           // due 0: the far side holds the response
/// io.responseReleased(token)         // due 1: the response is on its way back
/// io.end(token)                      // pending 0, due 0
/// ```
struct IOAccounting {
    /// I/O operations started and not yet completed.
    private(set) var pending = 0
    /// I/O whose next move belongs to another thread right now; virtual time waits for it.
    private(set) var due = 0
    private var phases: [UInt64: IOPhase] = [:]
    private var lastToken: UInt64 = 0

    /// True while some I/O's next move belongs to another thread.
    var hasDue: Bool { due > 0 }

    /// Counts a new I/O whose request is now in flight; returns its token.
    mutating func begin() -> UInt64 {
        lastToken &+= 1
        phases[lastToken] = .requestInFlight
        pending += 1
        due += 1
        return lastToken
    }

    /// The I/O with `token` completed; an unknown token (already ended) changes nothing.
    mutating func end(_ token: UInt64) {
        guard let phase = phases.removeValue(forKey: token) else { return }
        pending -= 1
        if phase.isDue { due -= 1 }
    }

    /// The far side received the request with `token` and holds its response for a while.
    /// A missing or unknown token (another client, a late duplicate) takes no part.
    mutating func requestArrived(_ token: UInt64?) {
        guard let token, phases[token] == .requestInFlight else { return }
        phases[token] = .scheduled
        due -= 1
    }

    /// The far side released the response held for `token`: it is on its way back.
    mutating func responseReleased(_ token: UInt64?) {
        guard let token, phases[token] == .scheduled else { return }
        phases[token] = .responseDue
        due += 1
    }
}
