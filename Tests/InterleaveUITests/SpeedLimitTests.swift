import InterleaveTrace
import Testing
@testable import InterleaveUI

/// The TUI's speed keys stop exactly at the shared `PlaybackSpeed` range.
@Suite struct SpeedLimitTests {
    @Test func theSpeedKeysStopAtTheSharedRange() {
        #expect(AppState.speedExponents == PlaybackSpeed.exponents)
        var state = AppState(speed: 1)
        for _ in 0..<20 { _ = state.reduce(.faster) }
        #expect(state.speed == PlaybackSpeed.range.upperBound)
        #expect(state.speedLabel() == PlaybackSpeed.fastestText + "×")
        for _ in 0..<40 { _ = state.reduce(.slower) }
        #expect(state.speed == PlaybackSpeed.range.lowerBound)
        #expect(state.speedLabel() == PlaybackSpeed.slowestText + "×")
    }

    @Test func anInitialSpeedOutsideTheRangeSnapsToItsEnds() {
        #expect(AppState(speed: 1000).speed == PlaybackSpeed.range.upperBound)
        #expect(AppState(speed: 0.0001).speed == PlaybackSpeed.range.lowerBound)
    }
}
