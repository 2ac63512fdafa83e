import InterleaveTrace

/// The header bar of a presentation: which item of the playlist is on screen, and what the
/// presenter's next key press will do (the footer is hidden, so the header says it).
///
/// ```swift
/// PresentationHeaderView(context: context).draw(in: layout.header, into: &buffer)
/// // " HOLD  item 3/16: One at a time with a Lock        stop 2/4 · 3.144s · 2× · space/→ next "
/// ```
public struct PresentationHeaderView {
    public var context: ViewContext

    public init(context: ViewContext) { self.context = context }

    /// The mode word: what the presentation is doing.
    public var modeWord: String {
        guard let deck = context.state.deck else { return "" }
        if deck.finished { return "END" }
        if context.world.deadlocked { return "DEADLOCK" }
        if deck.waiting { return "HOLD" }
        return context.state.mode == .paused ? "PAUSED" : "PLAY"
    }

    /// Draws the bar in the first row of `rect`.
    public func draw(in rect: Rect, into buffer: inout Buffer) {
        guard !rect.isEmpty, let deck = context.state.deck else { return }
        let bar = context.style(.headerBar)
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: Cell(" ", style: bar))
        let alert = context.world.deadlocked || !context.world.blockingTask.isNone
        var x = rect.x
        x += buffer.write(" \(modeWord) ", x: x, y: rect.y, style: context.style(alert ? .headerAlert : .headerMode))

        // The right side gives way first, least useful piece first, so the title stays readable.
        let item = " item \(deck.itemIndex + 1)/\(deck.itemCount): "
        let separator = " \(context.glyphs.separator) "
        var pieces = rightPieces(deck)
        let room = rect.maxX - x - item.unicodeScalars.count - 20
        while !pieces.isEmpty, pieces.map(\.text.unicodeScalars.count).reduce(0, +) + (pieces.count - 1) * 3 > room,
              let drop = pieces.indices.min(by: { pieces[$0].rank < pieces[$1].rank }) {
            pieces.remove(at: drop)
        }
        let right = pieces.map(\.text).joined(separator: separator)
        let rightWidth = right.unicodeScalars.count
        if rightWidth > 0 { buffer.write(right, x: rect.maxX - rightWidth - 1, y: rect.y, style: bar) }
        x += buffer.write(item, x: x, y: rect.y, style: bar)
        let titleRoom = rect.maxX - rightWidth - x - 2
        if titleRoom > 4 { buffer.write(context.fit(deck.title, titleRoom), x: x, y: rect.y, style: bar.with(.bold)) }
    }

    /// "stop 2/4 · 3.144s · 2× · space/→ next", each piece ranked: higher stays longer.
    func rightPieces(_ deck: PresentationDeck) -> [(text: String, rank: Int)] {
        let glyphs = context.glyphs
        var pieces = [
            (text: "stop \(min(deck.stopsPassed, deck.stops.count))/\(deck.stops.count)", rank: 4),
            (text: formatSeconds(context.world.time), rank: 2),
            (text: context.state.speedLabel(times: glyphs.times), rank: 1),
        ]
        if deck.finished {
            pieces.append((text: "q quit", rank: 5))
        } else if deck.autoplay {
            pieces.append((text: "autoplay", rank: 3))
        } else if deck.waiting {
            pieces.append((text: deck.atItemEnd && deck.isLastItem ? "space: end" : "space/\(glyphs.rightArrow) next", rank: 3))
        }
        return pieces
    }
}
