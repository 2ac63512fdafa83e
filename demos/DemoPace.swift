import Interleave

/// How fast a demo plays by default, so that people can follow it.
///
/// Some demos are over in half a second of virtual time (race, philosophers); at real time a
/// class would see only the end. A demo's pace is the fastest power-of-two speed, at most 1×,
/// at which its run lasts `minimumWallSeconds`, counting the pause the live view makes at each
/// caption (`captionHoldSeconds`, scaled like everything else by the speed). It is measured by
/// running the demo headless once, which takes milliseconds.
/// ```swift
/// Catalogue.named("race")!.pace()   // 0.25: "1/4×" in the header
/// ```
public struct DemoPace: Sendable, Equatable {
    /// Wall seconds a demo should last at least, at its default speed.
    public static let minimumWallSeconds = 8.0
    /// Wall seconds the live view holds at each caption at 1× (half that at 2×).
    public static let captionHoldSeconds = 2.0

    /// Virtual seconds the untouched run takes.
    public var virtualSeconds: Double
    /// Captions the untouched run shows.
    public var captions: Int

    public init(virtualSeconds: Double, captions: Int) {
        self.virtualSeconds = virtualSeconds
        self.captions = captions
    }

    /// The speed (a power of two from the slowest playback speed to 1) at which the run lasts the minimum.
    public var speed: Double {
        let atRealTime = virtualSeconds + Double(captions) * Self.captionHoldSeconds
        var speed = 1.0
        while speed > PlaybackSpeed.range.lowerBound, atRealTime / speed < Self.minimumWallSeconds { speed /= 2 }
        return speed
    }
}

extension Demo {
    /// The speed a live run of this demo starts at: its measured pace, or 1× for an unpaced demo.
    public func defaultSpeed(options: DemoOptions = DemoOptions()) -> Double {
        paced ? measurePace(options: options).speed : 1
    }

    /// Jobs run at most to measure a pace: a demo still running after them (a swarm of a
    /// million tasks) is load, not a lesson, and plays at 1×.
    static let paceStepLimit = 50_000

    /// Measures the demo's untouched run (see `DemoPace`).
    public func measurePace(options: DemoOptions = DemoOptions()) -> DemoPace {
        let loop = Loop()
        defer { loop.close() }
        start(on: loop, options: options)
        loop.reexecute(steps: Self.paceStepLimit, injecting: [])
        guard loop.steps < Self.paceStepLimit else { return DemoPace(virtualSeconds: .infinity, captions: 0) }
        let events = loop.store.events.snapshot()
        let captions = events.reduce(0) { $0 + ($1.kind == .caption ? 1 : 0) }
        return DemoPace(virtualSeconds: Double(events.last?.time ?? 0) / 1e9, captions: captions)
    }
}
