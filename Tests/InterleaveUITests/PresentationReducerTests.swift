import InterleaveTrace
import InterleaveUI
import Testing

/// A presentation through the pure reducer: holding at stops, going on and back, the end.
@Suite struct PresentationReducerTests {
    /// Item `index` of `count` just loaded, stopping after 10 and 20 events and ending at 30.
    static func presenting(item index: Int = 0, of count: Int = 3, autoplay: Bool = false) -> AppState {
        var state = AppState(replay: true, width: 120, height: 40, presentation: true)
        let deck = PresentationDeck(itemIndex: index, itemCount: count, title: "Lock", stops: [10, 20, 30], autoplay: autoplay)
        #expect(state.reduce(.presentationItemLoaded(deck, speed: 2)) == [.setSpeed(2)])
        _ = state.reduce(.worldChanged(facts(at: 0)))
        return state
    }

    static func facts(at events: Int) -> WorldFacts {
        WorldFacts(step: events / 2, latestStep: 15, taskOrder: [TaskID(0)], eventCount: events)
    }

    /// Reports the view at `events`, as the driver does after the player or a seek moved it.
    static func arrive(_ state: inout AppState, at events: Int) -> [Effect] {
        state.reduce(.worldChanged(facts(at: events)))
    }

    @Test func aLoadedItemPlaysUntilItsFirstStopAndHoldsThere() {
        var s = Self.presenting()
        #expect(s.mode == .replay)
        #expect(Self.arrive(&s, at: 4) == [])
        #expect(s.deck?.waiting == false)
        #expect(Self.arrive(&s, at: 10) == [.pause])
        #expect(s.mode == .paused)
        #expect(s.deck?.waiting == true)
    }

    @Test func spaceOrArrowAtAStopPlaysOnToTheNext() {
        var s = Self.presenting()
        _ = Self.arrive(&s, at: 10)
        #expect(s.reduce(.presentNext) == [.resume])
        #expect(s.mode == .replay)
        #expect(s.deck?.waiting == false)
        #expect(Self.arrive(&s, at: 20) == [.pause])
        // The key map's pause key does the same at a stop: it is how a presenter resumes.
        #expect(s.reduce(.togglePause) == [.resume])
    }

    @Test func nextWhilePlayingSkipsToTheNextStop() {
        var s = Self.presenting()
        _ = Self.arrive(&s, at: 12)
        #expect(s.reduce(.presentNext) == [.pause, .seekToEvent(20)])
        #expect(Self.arrive(&s, at: 20) == [])
        #expect(s.deck?.waiting == true)
    }

    @Test func nextAfterPausingByHandResumes() {
        var s = Self.presenting()
        _ = Self.arrive(&s, at: 12)
        #expect(s.reduce(.togglePause) == [.pause])
        #expect(s.reduce(.presentNext) == [.resume])
    }

    @Test func theEndOfAnItemLoadsTheNextOne() {
        var s = Self.presenting(item: 1)
        _ = Self.arrive(&s, at: 30)
        #expect(s.deck?.atItemEnd == true)
        #expect(s.reduce(.presentNext) == [.pause, .loadPresentationItem(index: 2, atEnd: false)])
    }

    @Test func backGoesToThePreviousStopThenToThePreviousItemsEnd() {
        var s = Self.presenting(item: 1)
        _ = Self.arrive(&s, at: 20)
        #expect(s.reduce(.presentBack) == [.seekToEvent(10)])
        _ = Self.arrive(&s, at: 10)
        #expect(s.deck?.waiting == true)
        #expect(s.reduce(.presentBack) == [.loadPresentationItem(index: 0, atEnd: true)])
    }

    @Test func backFromBetweenStopsGoesToTheOneJustPassed() {
        var s = Self.presenting()
        _ = Self.arrive(&s, at: 15)
        #expect(s.reduce(.presentBack) == [.pause, .seekToEvent(10)])
    }

    @Test func backBeforeTheFirstStopOfTheFirstItemSaysSo() {
        var s = Self.presenting()
        _ = Self.arrive(&s, at: 5)
        #expect(s.reduce(.presentBack) == [])
        #expect(s.status == .message("this is the first stop of the first item"))
    }

    @Test func goingBackToAnItemsEndHoldsThere() {
        var s = Self.presenting(item: 0)
        #expect(Self.arrive(&s, at: 30) == [.pause])
        #expect(s.deck?.waiting == true && s.deck?.atItemEnd == true)
    }

    @Test func afterTheLastItemTheScreenSaysTheEndAndWaitsForQuit() {
        var s = Self.presenting(item: 2)
        _ = Self.arrive(&s, at: 30)
        #expect(s.reduce(.presentNext) == [])
        #expect(s.deck?.finished == true)
        #expect(!s.shouldQuit)
        #expect(s.reduce(.presentNext) == [])
        #expect(s.status == nil, "the caption bar says the end; a status note would say it twice")
        // Back from the end screen returns to the last item's end.
        #expect(s.reduce(.presentBack) == [])
        #expect(s.deck?.finished == false)
    }

    @Test func aDigitJumpsToThatItemFromItsStart() {
        var s = Self.presenting(item: 0)
        _ = Self.arrive(&s, at: 4)
        let keys = KeyMap.presentation()
        #expect(keys.action(for: .character("3"), mode: .replay) == .presentDigit(3))
        #expect(s.reduce(.presentDigit(3)) == [.pause, .loadPresentationItem(index: 2, atEnd: false)])
        // From the end screen too, and to the item on screen (from its start).
        s.deck?.finished = true
        _ = s.reduce(.presentBack)
        #expect(s.reduce(.presentDigit(1)) == [.loadPresentationItem(index: 0, atEnd: false)])
        _ = s.reduce(.presentBack)
        #expect(s.reduce(.presentDigit(9)) == [])
        #expect(s.status == .message("there is no item 9: the playlist has 3"))
    }

    @Test func theJumpKeysAreInTheHelpAndFooter() {
        let keys = KeyMap.presentation()
        let jump = keys.bindings.first { $0.action == .presentDigit(0) }
        #expect(jump?.label == "0-9" && jump?.footerKey == "0-9" && jump?.showInFooter == true)
        // Outside a presentation a digit chooses a ready task (a manual schedule), never an item.
        #expect(KeyMap(glyphs: .unicode).action(for: .character("3"), mode: .paused) == .chooseReady(3))
        #expect(KeyMap(glyphs: .unicode).action(for: .character("0"), mode: .paused) == nil)
    }

    @Test func autoplayQuitsAfterTheLastItem() {
        var s = Self.presenting(item: 2, autoplay: true)
        _ = Self.arrive(&s, at: 30)
        #expect(s.reduce(.presentNext) == [.quit])
        #expect(s.shouldQuit)
    }

    @Test func aRepeatedReportOfTheSameStopDoesNotHoldAgainAfterGoingOn() {
        var s = Self.presenting()
        _ = Self.arrive(&s, at: 10)
        _ = s.reduce(.presentNext)
        // The player has not moved yet: the same position again must not undo the resume.
        #expect(Self.arrive(&s, at: 10) == [])
        #expect(s.mode == .replay)
    }

    @Test func restartingAnItemPlaysItFromItsStart() {
        var s = Self.presenting(item: 2)
        _ = Self.arrive(&s, at: 30)
        _ = s.reduce(.presentNext)
        #expect(s.reduce(.restart) == [.restart])
        #expect(s.deck?.finished == false && s.deck?.waiting == false)
        #expect(s.mode == .replay)
    }

    @Test func escapeClosesHelpButNeverLeavesForThePicker() {
        var s = Self.presenting()
        _ = s.reduce(.toggleHelp)
        #expect(s.reduce(.backToPicker) == [])
        #expect(!s.showHelp)
        #expect(s.reduce(.backToPicker) == [])
    }

    @Test func theFooterAppearsOnlyWithHelp() {
        var s = Self.presenting()
        #expect(s.layout.footer.isEmpty)
        _ = s.reduce(.toggleHelp)
        #expect(!s.layout.footer.isEmpty)
    }

    @Test func presentationKeysAreAClickersKeys() {
        let keys = KeyMap.presentation()
        for key in [Key.character(" "), .right, .pageDown, .enter] {
            #expect(keys.action(for: key, mode: .paused) == .presentNext)
        }
        for key in [Key.left, .pageUp, .backspace] {
            #expect(keys.action(for: key, mode: .replay) == .presentBack)
        }
        #expect(keys.action(for: .character("q"), mode: .paused) == .quit)
        #expect(keys.action(for: .character("f"), mode: .paused) == nil)
    }

    @Test func twoDigitsInARowNameItemsPastNine() {
        var s = AppState(replay: true, width: 120, height: 40)
        _ = s.reduce(.presentationItemLoaded(
            PresentationDeck(itemIndex: 0, itemCount: 18, title: "Coroutines", stops: [4]), speed: 1))
        #expect(s.reduce(.presentDigit(1)).contains(.loadPresentationItem(index: 0, atEnd: false)))
        #expect(s.reduce(.presentDigit(2)).contains(.loadPresentationItem(index: 11, atEnd: false)))
        // A third digit would make 122: past the end, so it starts a new number.
        #expect(s.reduce(.presentDigit(5)).contains(.loadPresentationItem(index: 4, atEnd: false)))
        // Another key ends the number: "1" then → then "2" is item 2.
        _ = s.reduce(.presentDigit(1))
        _ = s.reduce(.presentNext)
        #expect(s.reduce(.presentDigit(2)).contains(.loadPresentationItem(index: 1, atEnd: false)))
        // Digits that make no item: "1" "9" in an 18-item playlist is 1 then 9.
        _ = s.reduce(.presentBack)
        _ = s.reduce(.presentDigit(1))
        #expect(s.reduce(.presentDigit(9)).contains(.loadPresentationItem(index: 8, atEnd: false)))
        _ = s.reduce(.presentBack)
        #expect(s.reduce(.presentDigit(0)) == [])
        #expect(s.status == .message("there is no item 0: the playlist has 18"))
    }
}
