import InterleaveTrace

/// Predict mode's question box over the middle of the screen: the question and its numbered
/// options while it is asked; then which option was right, which one the class chose, why, and
/// the score so far.
///
/// The marks are words ("<- right", "<- your answer"), so the answer reads without colour and
/// in ASCII; option texts come from the trace and are escaped and cut to fit.
/// ```swift
/// PredictionOverlay(context: context).draw(in: middle, into: &buffer)
/// ```
public struct PredictionOverlay {
    public var context: ViewContext

    public init(context: ViewContext) { self.context = context }

    /// One line of the box and how it looks.
    struct Row: Equatable {
        var text: String
        var role: Role
        /// Blank rows and explanation lines give way first when the box is short of room.
        var optional = false
    }

    /// Draws the box centred in `area`, when a question is on screen and the area can hold it.
    public func draw(in area: Rect, into buffer: inout Buffer) {
        guard let prediction = context.state.prediction, let question = prediction.current,
              area.width >= 24, area.height >= 6
        else { return }
        let width = min(area.width - 2, 72)
        let inner = width - 4
        var rows = rows(for: question, in: prediction, width: inner)
        // Give up blank rows, then the explanation's later lines, until the box fits.
        while rows.count + 2 > area.height, let index = rows.lastIndex(where: \.optional) { rows.remove(at: index) }
        let height = min(area.height, rows.count + 2)
        // The bottom of the area, so that the lanes and resources the question is about stay in view.
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.maxY - height, width: width, height: height)
        let count = prediction.questions.count
        let hint = prediction.phase == .asking ? "press 1-\(question.options.count)" : "space goes on"
        buffer.drawOverlay(box, title: "Predict: question \(prediction.currentNumber) of \(count)", hint: hint, context: context)
        for (offset, row) in rows.prefix(height - 2).enumerated() {
            buffer.write(context.fit(row.text, inner), x: box.x + 2, y: box.y + 1 + offset, style: context.style(row.role))
        }
    }

    /// The box's lines for `question`, asked or revealed, wrapped to `width`.
    func rows(for question: PredictionQuestion, in prediction: PredictionSession, width: Int) -> [Row] {
        let blank = Row(text: "", role: .overlay, optional: true)
        var rows = [blank]
        rows += wrapped(question.prompt, width: width, lines: 2).map { Row(text: $0, role: .title) }
        var chosen: Int?
        if case .revealed(let choice) = prediction.phase {
            chosen = choice
            rows.append(prediction.revealedRight
                ? Row(text: "Right!", role: .taskDone)
                : Row(text: "Not quite: it was \(question.answer + 1).", role: .taskFailed))
        }
        rows.append(blank)
        let arrow = context.glyphs == .ascii ? "<-" : "←"
        // Marks line up just after the longest option, not at the far edge.
        let longest = question.options.map { SafeText.escape($0).unicodeScalars.count }.max() ?? 0
        for (index, option) in question.options.enumerated() {
            var mark = ""
            var role = Role.overlay
            if chosen != nil, index == question.answer {
                mark = "\(arrow) right"
                role = .taskDone
            } else if chosen == index {
                mark = "\(arrow) your answer"
                role = .taskFailed
            }
            // The option's own text gives way to the mark, which says what the colour would.
            let room = min(longest, max(4, width - 5 - (chosen == nil ? 0 : "\(arrow) your answer".unicodeScalars.count + 2)))
            let text = context.fit(option, room)
            let padding = String(repeating: " ", count: max(0, room - text.unicodeScalars.count))
            rows.append(Row(text: " \(index + 1)  \(text)" + (mark.isEmpty ? "" : "\(padding)  \(mark)"), role: role))
        }
        guard chosen != nil else { return rows + [blank] }
        rows.append(blank)
        let explanation = wrapped(question.explanation + ".", width: width, lines: 3)
        for (index, line) in explanation.enumerated() {
            rows.append(Row(text: line, role: .overlay, optional: index > 0))
        }
        rows.append(blank)
        rows.append(Row(text: "Score: \(prediction.right) of \(prediction.asked)", role: .title))
        return rows
    }

    /// `text` escaped, then wrapped at spaces into at most `lines` lines (the last one cut by `fit`).
    private func wrapped(_ text: String, width: Int, lines: Int) -> [String] {
        TextWrap.lines(SafeText.escape(text), width: width, maxLines: lines)
    }
}
