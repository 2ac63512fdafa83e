@testable import Interleave
import Testing

/// The loop's I/O counts, without a loop: what is pending, and what is due from another thread.
@Suite struct IOAccountingTests {
    @Test func anIOIsDueUntilTheFarSideHoldsItsResponseAndAgainOnceItIsReleased() {
        var io = IOAccounting()
        let token = io.begin()
        #expect((io.pending, io.due) == (1, 1), "the request is in flight")
        io.requestArrived(token)
        #expect((io.pending, io.due) == (1, 0), "the response is held: virtual time may move")
        #expect(!io.hasDue)
        io.responseReleased(token)
        #expect((io.pending, io.due) == (1, 1), "the response is on its way back")
        io.end(token)
        #expect((io.pending, io.due) == (0, 0))
    }

    @Test func endingWhileTheResponseIsHeldTakesNothingOffTheDueCount() {
        var io = IOAccounting()
        let held = io.begin()
        let inFlight = io.begin()
        io.requestArrived(held)
        io.end(held)   // cancelled while the far side held it
        #expect((io.pending, io.due) == (1, 1))
        io.end(inFlight)
        #expect((io.pending, io.due) == (0, 0))
    }

    @Test func unknownMissingAndRepeatedTokensChangeNothing() {
        var io = IOAccounting()
        let token = io.begin()
        io.requestArrived(nil)
        io.requestArrived(token &+ 99)
        io.responseReleased(token)   // not held yet: out of order, ignored
        #expect((io.pending, io.due) == (1, 1))
        io.requestArrived(token)
        io.requestArrived(token)     // a late duplicate
        #expect(io.due == 0)
        io.end(token)
        io.end(token)
        #expect((io.pending, io.due) == (0, 0))
    }

    @Test func tokensAreDistinct() {
        var io = IOAccounting()
        let tokens = (0..<5).map { _ in io.begin() }
        #expect(Set(tokens).count == 5)
    }
}
