@testable import Interleave
import Testing

/// How virtual time follows wall time on a live loop, without a loop.
@Suite struct LivePacingTests {
    @Test func convertsBetweenVirtualAndWallTimeAtItsSpeed() {
        let pacing = LivePacing(speed: 2, isLive: true)
        #expect(pacing.wallSeconds(forVirtual: 1_000_000_000) == 0.5)
        #expect(pacing.virtualNanoseconds(forWall: 0.5) == 1_000_000_000)
    }

    @Test func aHeadlessLoopBlocksNothingReal() {
        #expect(LivePacing().blockingWallSeconds(forVirtual: 5_000_000_000) == nil)
    }

    @Test func aBlockingCallIsScaledByTheSpeedButNeverSlowerThanTheSlowestPace() {
        #expect(LivePacing(speed: 4, isLive: true).blockingWallSeconds(forVirtual: 2_000_000_000) == 0.5)
        let crawling = LivePacing(speed: 1.0 / 1024, isLive: true)
        #expect(crawling.blockingWallSeconds(forVirtual: 1_000_000_000) == 64)
    }
}
