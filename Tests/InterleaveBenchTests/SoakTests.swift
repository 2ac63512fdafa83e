import Testing
@testable import InterleaveBench

/// The soak as a library: a small run keeps every invariant with faults injected and events
/// trimmed, and the tally lists the first violations while counting them all.
@Suite struct SoakTests {
    @Test func aSmallSoakHoldsEveryInvariantWhileTrimmingEvents() {
        let report = Soak(tasks: 1_500, rounds: 2, seed: 3, keepEvents: 5_000).run()
        #expect(report.violationCount == 0, "\(report.summary)")
        #expect(report.summary.contains("result: every invariant held"))
        #expect(report.summary.contains("soak: "))
    }

    @Test func theTallyListsTheFirstViolationsAndCountsThemAll() {
        let tally = SoakTally()
        for index in 0..<25 { tally.violation("problem \(index)") }
        tally.violations(["more"], count: 3)
        #expect(tally.violationCount == 28)
        #expect(tally.violations.count == SoakTally.listedViolations)
        #expect(tally.violations.first == "problem 0")
    }

    @Test func theLedgerCatchesLostAndDuplicatedItems() {
        let tally = SoakTally()
        tally.put(1)
        tally.put(1)
        tally.got(2)
        tally.checkLedgerClosed()
        #expect(tally.violations == [
            "item 1 put twice",
            "item 2 got but not outstanding (duplicated or never put)",
            "1 queue item(s) lost, e.g. [1]",
        ])
    }

    @Test func locksAndPermitsOverTheirLimitAreViolations() {
        let tally = SoakTally()
        tally.enterLock(0)
        tally.enterLock(0)
        for _ in 0...SoakWorkload.permits { tally.takePermit(1) }
        #expect(tally.violationCount == 2)
        tally.checkLedgerClosed()
        #expect(tally.violationCount == 4, "both still marked in use after the wave: \(tally.violations)")
    }
}
