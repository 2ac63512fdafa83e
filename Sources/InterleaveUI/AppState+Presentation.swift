/// The presentation's slide logic: hold at each stop, go on or back on the presenter's word.
extension AppState {
    /// Space or →: from a stop, on to the next stop (or the next item at an item's end); while
    /// playing, straight to the next stop; after the last item, nothing more (or quit, in autoplay).
    mutating func presentNext() -> [Effect] {
        guard var deck else { return [] }
        // The caption bar already says the playlist is over; a status note would say it twice.
        if deck.finished { return deck.autoplay ? quit() : [] }
        if deck.waiting {
            guard deck.atItemEnd else {
                deck.waiting = false
                self.deck = deck
                mode = runningMode
                return [.resume]
            }
            if !deck.isLastItem { return [.pause, .loadPresentationItem(index: deck.itemIndex + 1, atEnd: false)] }
            if deck.autoplay { return quit() }
            deck.finished = true
            self.deck = deck
            return []
        }
        if mode == .paused {
            // Paused by hand between stops: carry on playing.
            mode = runningMode
            return [.resume]
        }
        guard let next = deck.nextStop(after: deck.position) else { return [] }
        return pausing([.seekToEvent(next)])
    }

    /// ←: back to the previous stop of this item, else to the end of the previous item.
    mutating func presentBack() -> [Effect] {
        guard var deck else { return [] }
        if deck.finished {
            deck.finished = false
            self.deck = deck
            return []
        }
        if let previous = deck.previousStop(before: deck.position) { return pausing([.seekToEvent(previous)]) }
        guard deck.itemIndex > 0 else {
            status = .message("this is the first stop of the first item")
            return []
        }
        return pausing([.loadPresentationItem(index: deck.itemIndex - 1, atEnd: true)])
    }

    /// A digit of an item's number: on its own it names items 1–9; right after another digit
    /// it makes a two-digit number when the playlist has that many items (1, 2: item 12).
    mutating func presentDigit(_ digit: Int) -> [Effect] {
        guard let deck else { return [] }
        let combined = typedItemNumber.map { $0 * 10 + digit }
        let number = combined.flatMap { $0 <= deck.itemCount ? $0 : nil } ?? digit
        typedItemNumber = number
        return presentJump(to: number - 1)
    }

    /// Item `index` (0-based) from its start, whichever item is on screen.
    mutating func presentJump(to index: Int) -> [Effect] {
        guard let deck else { return [] }
        guard index >= 0, index < deck.itemCount else {
            status = .message("there is no item \(index + 1): the playlist has \(deck.itemCount)")
            return []
        }
        return pausing([.loadPresentationItem(index: index, atEnd: false)])
    }

    /// Puts a freshly loaded item on screen, playing from its start at `speed`.
    mutating func show(_ newDeck: PresentationDeck, speed: Double) -> [Effect] {
        deck = newDeck
        mode = runningMode
        rewoundTo = nil
        timeAxisSpan = 0
        selected = nil
        showDetail = false
        deadlocked = false
        ended = false
        scroll = ScrollOffsets()
        speedExponent = Self.exponent(for: speed)
        return [.setSpeed(self.speed)]
    }

    /// After the view moved: arriving at a stop holds there (the driver stops playing).
    mutating func holdIfAtStop() -> [Effect] {
        guard var deck else { return [] }
        let arrived = deck.position != eventCount
        deck.position = eventCount
        if arrived { deck.waiting = deck.stops.contains(eventCount) }
        self.deck = deck
        guard deck.waiting, mode != .paused else { return [] }
        mode = .paused
        return [.pause]
    }

    private mutating func quit() -> [Effect] {
        shouldQuit = true
        return [.quit]
    }

    /// What the screen says after the last item.
    public static let endOfPlaylist = "end of playlist — q to quit"
}
