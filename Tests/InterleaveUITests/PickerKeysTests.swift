import Testing
@testable import InterleaveUI

@Suite struct PickerKeysTests {
    private func outcome(_ key: Key, selected: Int = 4) -> PickerKeys.Outcome? {
        PickerKeys.outcome(for: key, selected: selected, count: 10)
    }

    @Test func homeAndEndGoToTheFirstAndLastDemoAndNeverQuit() {
        #expect(outcome(.home) == .select(0))
        #expect(outcome(.character("g")) == .select(0))
        #expect(outcome(.end) == .select(9))
        #expect(outcome(.character("G")) == .select(9))
    }

    @Test func upAndDownMoveOneAndStopAtTheEnds() {
        #expect(outcome(.up) == .select(3))
        #expect(outcome(.character("j")) == .select(5))
        #expect(outcome(.up, selected: 0) == .select(0))
        #expect(outcome(.down, selected: 9) == .select(9))
    }

    @Test func enterRunsTheHighlightedDemo() {
        #expect(outcome(.enter) == .run(4))
    }

    @Test func qEscapeAndCtrlCQuit() {
        #expect(outcome(.character("q")) == .quit)
        #expect(outcome(.escape) == .quit)
        #expect(outcome(.control("c")) == .quit)
    }

    @Test func otherKeysDoNothing() {
        for key: Key in [.pageUp, .pageDown, .function(1), .character("x"), .tab, .left, .right] {
            #expect(outcome(key) == nil, "\(key)")
        }
    }

    @Test func anEmptyCatalogueCanOnlyBeQuit() {
        #expect(PickerKeys.outcome(for: .enter, selected: 0, count: 0) == nil)
        #expect(PickerKeys.outcome(for: .end, selected: 0, count: 0) == nil)
        #expect(PickerKeys.outcome(for: .escape, selected: 0, count: 0) == .quit)
    }
}
