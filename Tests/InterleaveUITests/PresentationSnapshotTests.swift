import InterleaveTrace
import InterleaveUI
import Testing

/// The presentation layout as text: large bars, a prominent caption, few panes, no footer.
@Suite struct PresentationSnapshotTests {
    /// The lock workload held at its "contention" mark, as item 2 of 5 of a playlist.
    static func frame(width: Int, height: Int) -> Frame {
        var frame = Frame(Workloads.lockDemo(), at: "contention", width: width, height: height, replay: true)
        frame.state.presentation = true
        let here = frame.cursor.world.eventCount
        let deck = PresentationDeck(
            itemIndex: 1, itemCount: 5, title: "Lock: one at a time", stops: [3, here, frame.store.events.count])
        _ = frame.state.reduce(.presentationItemLoaded(deck, speed: 2))
        frame.sync()
        return frame
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func heldAtAStop(width: Int, height: Int) {
        let frame = Self.frame(width: width, height: height)
        #expect(frame.state.deck?.waiting == true)
        assertSnapshot(frame.render(theme: .presentation).text(), named: "present-\(width)x\(height)")
    }

    @Test func helpShowsTheFooterToo() {
        var frame = Self.frame(width: 120, height: 40)
        _ = frame.state.reduce(.toggleHelp)
        let text = Screen.render(
            store: frame.store, world: frame.cursor.world, state: frame.state, theme: .presentation, glyphs: .unicode,
            width: 120, height: 40, keyMap: .presentation()
        ).text()
        assertSnapshot(text, named: "present-help-120x40")
    }

    @Test func theEndOfThePlaylistSaysHowToLeave() {
        var frame = Self.frame(width: 80, height: 24)
        frame.state.deck?.itemIndex = 4
        frame.cursor.seek(toEvent: frame.store.events.count)
        frame.sync()
        _ = frame.state.reduce(.presentNext)
        let text = frame.render(theme: .presentation).text()
        #expect(text.contains("item 5/5: Lock: one at a time"))
        #expect(text.contains(AppState.endOfPlaylist))
        #expect(text.hasPrefix(" END "))
    }
}
