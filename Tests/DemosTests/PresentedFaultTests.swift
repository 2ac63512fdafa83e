import InterleaveApp
import InterleaveTrace
import InterleaveUI
import Testing

/// A recording with an injected fault, presented: the caption at each stop is true of the run
/// there, so a stop past the fault tells what the fault did, never the demo's earlier script.
@Suite struct PresentedFaultTests {
    /// The lock demo with coroutine1 failed at 1 s, as `record lock --inject "fail coroutine1 at 1s"` makes it.
    static func recording() throws -> TraceStore {
        try DemoRun.run(of: "lock").run(injecting: [InjectionSpec(parsing: "fail coroutine1 at 1s")]).store
    }

    @Test func everyStopAfterTheFaultShowsItsStoryInTheCaption() throws {
        let store = try Self.recording()
        let stops = Playlist.Stops.captions.positions(in: store)
        let fault = try #require((0..<store.events.count).first { store.events[$0].kind == .faultInjected })
        let afterFault = stops.filter { $0 > fault }
        #expect(afterFault.count == 2, "a stop where the fault struck, and the end: \(stops)")
        let cursor = TraceCursor(store: store)
        for stop in stops {
            _ = cursor.seek(toEvent: stop)
            var state = AppState(replay: true, width: 120, height: 40, presentation: true)
            state.deck = PresentationDeck(itemIndex: 0, itemCount: 1, title: "Lock", stops: stops)
            let caption = CaptionView(context: ViewContext(
                store: store, world: cursor.world, state: state, theme: .presentation, glyphs: .unicode)).message.text
            if stop > fault {
                #expect(caption.hasPrefix("You made coroutine1 fail at 1.000s: coroutine1 failed"), "stop \(stop)")
            } else {
                #expect(!caption.hasPrefix("You made"), "stop \(stop), before the fault")
            }
        }
    }
}
