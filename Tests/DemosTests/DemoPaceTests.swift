import Demos
import Testing

/// Every demo plays slowly enough to follow at its default speed: at least 8 s of wall time,
/// counting the hold at each caption.
@Suite struct DemoPaceTests {
    @Test(arguments: Catalogue.all.filter(\.paced).map(\.name))
    func everyDemoLastsLongEnoughToFollow(name: String) throws {
        let demo = try #require(Catalogue.named(name))
        let pace = demo.measurePace(options: DemoOptions(tasks: 50))
        let speed = pace.speed
        #expect(speed <= 1 && speed >= 1.0 / 16)
        let wallSeconds = (pace.virtualSeconds + Double(pace.captions) * DemoPace.captionHoldSeconds) / speed
        #expect(wallSeconds >= DemoPace.minimumWallSeconds || speed == 1.0 / 16, "\(name): \(wallSeconds) s at \(speed)x")
        // Not slower than it needs to be: at twice the speed it would be over too soon.
        #expect(speed == 1 || wallSeconds / 2 < DemoPace.minimumWallSeconds, "\(name) could play faster")
    }

    @Test func shortDemosSlowDownAndLongOnesStayAtRealTime() {
        #expect(DemoPace(virtualSeconds: 0.5, captions: 0).speed == 1.0 / 16)
        #expect(DemoPace(virtualSeconds: 0.5, captions: 1).speed == 0.25)
        #expect(DemoPace(virtualSeconds: 2, captions: 2).speed == 0.5)
        #expect(DemoPace(virtualSeconds: 10, captions: 0).speed == 1)
        #expect(DemoPace(virtualSeconds: .infinity, captions: 0).speed == 1)
    }

    @Test func loadAndRealIODemosPlayAtRealTime() throws {
        #expect(Catalogue.all.filter { !$0.paced }.map(\.name) == ["swarm", "fetch"])
        #expect(try #require(Catalogue.named("swarm")).defaultSpeed(options: DemoOptions(tasks: 200_000)) == 1)
    }
}
