import ArgumentParser
import Demos
import Foundation
import Interleave
import InterleaveApp
import InterleaveUI

/// `interleave startup-probe` (hidden): what `interleave demo hello` does up to its first
/// frame, rendered into a buffer instead of the terminal, then exit.
struct StartupProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "startup-probe", shouldDisplay: false)

    func run() throws {
        let demo = try lookUpDemo("hello")
        let live = LiveSource(policy: .fifo, speed: 1, startPaused: false) { policy in
            let loop = Loop(policy: policy)
            demo.start(on: loop, options: DemoOptions(seed: 1, tasks: 1))
            return loop
        }
        defer { live.retire() }
        let store = live.loop.store
        let deadline = ContinuousClock.now + .seconds(5)
        // The first frame worth drawing shows the main task created.
        while store.events.count == 0 {
            guard ContinuousClock.now < deadline else { throw fail("the demo recorded nothing within 5 s") }
            Thread.sleep(forTimeInterval: 0.000_2)
        }
        let cursor = TraceCursor(store: store)
        cursor.catchUp()
        var state = AppState(width: 120, height: 40)
        _ = state.reduce(.worldChanged(WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)))
        let frame = Screen.render(store: store, world: cursor.world, state: state, theme: .color, glyphs: .unicode,
                                  width: 120, height: 40)
        _ = frame.changes(since: nil)
    }
}
