/// The success screen of a challenge: the goal reached, the choices it took against the
/// shortest way there, and what the bug teaches.
///
/// ```swift
/// ChallengeSolvedView(context: context).draw(in: middle, into: &buffer)
/// ```
public struct ChallengeSolvedView {
    public var context: ViewContext

    public init(context: ViewContext) { self.context = context }

    /// The lines of the screen, wrapped to `width` (text from the catalogue is escaped by `fit`).
    public func lines(width: Int) -> [String] {
        guard let challenge = context.state.challenge, let score = challenge.scoreText else { return [] }
        var lines = ["Solved: \(challenge.info.goal.lowercasedFirst) \(score)."]
        if let best = challenge.info.bestChoices {
            lines.append("Your best before: \(best) choice\(best == 1 ? "" : "s").")
        }
        lines.append("")
        lines.append(contentsOf: TextWrap.lines(challenge.info.lesson, width: width, maxLines: 6))
        lines.append("")
        lines.append("b undoes your last choice  r plays again  p picks another  q quits")
        return lines.flatMap { TextWrap.lines($0, width: width, maxLines: 3) }.map { $0.isEmpty ? " " : $0 }
    }

    /// Draws a box centred in `area`, as wide as the screen allows up to 72 columns.
    public func draw(in area: Rect, into buffer: inout Buffer) {
        guard context.state.challenge?.showingSuccess == true, area.width > 24, area.height > 6 else { return }
        let width = min(area.width - 2, 72)
        let text = lines(width: width - 4)
        let height = min(area.height, text.count + 4)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.drawOverlay(box, title: "Challenge solved", hint: "esc closes", context: context)
        for (row, line) in text.enumerated() where row < height - 4 {
            let role: Role = row == 0 ? .title : .overlay
            buffer.write(context.fit(line, width - 4), x: box.x + 2, y: box.y + 2 + row, style: context.style(role))
        }
    }
}

extension String {
    /// "Make the counter…" → "make the counter…", to continue a sentence.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
