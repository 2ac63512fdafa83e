/// A challenge's hint, in a small box at the bottom of the middle of the screen: the caption
/// bar belongs to the choice being asked, and the lanes the hint talks about stay in view.
///
/// ```swift
/// ChallengeHintView(context: context).draw(in: middle, into: &buffer)
/// ```
public struct ChallengeHintView {
    public var context: ViewContext

    public init(context: ViewContext) { self.context = context }

    /// Draws the box when a hint is open and the area can hold it.
    public func draw(in area: Rect, into buffer: inout Buffer) {
        guard let challenge = context.state.challenge, challenge.hintOpen, let hint = challenge.currentHint,
              area.width >= 24, area.height >= 4
        else { return }
        let width = min(area.width - 2, 72)
        let lines = TextWrap.lines(hint, width: width - 4, maxLines: max(1, area.height - 2))
        let height = lines.count + 2
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.maxY - height, width: width, height: height)
        let more = challenge.hintsShown < challenge.info.hints.count ? "i: next hint, " : ""
        buffer.drawOverlay(
            box, title: "Hint \(challenge.hintsShown) of \(challenge.info.hints.count)", hint: "\(more)esc closes",
            context: context)
        for (row, line) in lines.enumerated() {
            buffer.write(context.fit(line, width - 4), x: box.x + 2, y: box.y + 1 + row, style: context.style(.overlay))
        }
    }
}
