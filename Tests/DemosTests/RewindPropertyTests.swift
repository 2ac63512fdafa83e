import Demos
import Interleave
import InterleaveTrace
import InterleaveUI
import Testing

/// Step N looks the same however you get there: stepping forward to it, rewinding to it, or
/// rewinding further back and going on to it again.
@Suite struct RewindPropertyTests {
    static let demos = Catalogue.all.filter(\.paced).map(\.name)

    @Test(arguments: demos)
    func theScreenAtAStepIsTheSameForwardRewoundAndResumed(name: String) throws {
        let (reference, cursor) = DemoRun.liveReference(name)
        defer { reference.close() }
        let total = cursor.totalSteps
        guard total > 1 else { return }
        var random = SeededGenerator(seed: UInt64(name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        for _ in 0..<3 {
            let n = Int.random(in: 1..<total, using: &random)
            let m = Int.random(in: 0..<n, using: &random)
            cursor.seek(toStep: n)
            let shownAtN = cursor.world
            cursor.seek(toStep: m)
            let shownAtM = cursor.world

            // Stepped forward: a live run stops between two jobs, its clock on the next job's instant.
            let forward = DemoRun.liveLoop(name)
            defer { forward.close() }
            forward.reexecute(steps: n, injecting: [], throughEvent: .max)
            // Rewound to N: re-executed up to what the view had shown.
            let rewound = DemoRun.liveLoop(name)
            defer { rewound.close() }
            rewound.reexecute(steps: n, injecting: [], throughEvent: shownAtN.eventCount)
            // Rewound to M < N, then stepped on to N.
            let resumed = DemoRun.liveLoop(name)
            defer { resumed.close() }
            resumed.reexecute(steps: m, injecting: [], throughEvent: shownAtM.eventCount)
            resumed.reexecute(steps: n, injecting: [], throughEvent: .max)

            let point = "\(name) at step \(n) (via \(m))"
            let worlds = [forward, rewound, resumed].map { Self.world(of: $0.store) }
            #expect(worlds.allSatisfy { $0 == shownAtN }, "\(point): the world differs from the recorded one")
            #expect(forward.nowInNanoseconds == shownAtN.time && rewound.nowInNanoseconds == shownAtN.time
                    && resumed.nowInNanoseconds == shownAtN.time, "\(point): the clocks differ")
            for (width, height) in [(80, 24), (120, 40)] {
                let screens = [forward, rewound, resumed].map { Self.screen(of: $0.store, width: width, height: height) }
                #expect(screens[0] == screens[1], "\(point) \(width)x\(height): forward and rewound differ")
                #expect(screens[0] == screens[2], "\(point) \(width)x\(height): forward and resumed differ")
            }
        }
    }

    static func world(of store: TraceStore) -> WorldState {
        var world = WorldState()
        for event in store.events.snapshot() { world.reduce(event) }
        return world
    }

    static func screen(of store: TraceStore, width: Int, height: Int) -> String {
        let world = world(of: store)
        var state = AppState(width: width, height: height)
        _ = state.reduce(.worldChanged(WorldFacts(store: store, world: world, latestStep: world.step)))
        _ = state.reduce(.togglePause)
        return Screen.render(
            store: store, world: world, state: state, theme: .color, glyphs: .unicode, width: width, height: height
        ).text()
    }
}
