import InterleaveTrace

/// The caption bar: what is happening, in words. A diagnostic (the loop blocked, a deadlock, a
/// lint) outranks the demo's narration, and the status of the last key press sits at the right.
///
/// ```swift
/// CaptionView(context: context).draw(in: layout.caption, into: &buffer)
/// ```
public struct CaptionView {
    public var context: ViewContext

    public init(context: ViewContext) { self.context = context }

    /// What the bar says and whether it is a diagnostic.
    public struct Message: Equatable, Sendable {
        public var text: String
        public var isDiagnostic: Bool
        /// The text already says what the status note would (the story of an injection).
        public var coversStatus = false

        public init(text: String, isDiagnostic: Bool, coversStatus: Bool = false) {
            self.text = text
            self.isDiagnostic = isDiagnostic
            self.coversStatus = coversStatus
        }
    }

    /// Draws the bar across `rect`, wrapping the message over its rows.
    public func draw(in rect: Rect, into buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let message = self.message
        let style = context.style(message.isDiagnostic ? .diagnostic : .caption)
        buffer.fill(rect, with: Cell(" ", style: style))
        let note = message.coversStatus ? nil : context.state.status
        let status = note.map { " \($0.text(store: context.store)) " } ?? ""
        let statusWidth = status.unicodeScalars.count
        let lines = Self.wrap(message.text, width: rect.width - 2, lines: rect.height)
        // A short caption in a tall bar sits in the middle, as on a slide.
        let top = rect.height > 2 ? (rect.height - lines.count) / 2 : 0
        for (index, line) in lines.enumerated() {
            let row = top + index
            // The status shares the last row, so the caption's last line makes room for it.
            let room = row == rect.height - 1 ? rect.width - 2 - statusWidth - 1 : rect.width - 2
            let text = context.fit(line, room)
            // On a slide the words sit in the middle of the bar.
            let indent = context.state.presentation ? max(0, (room - text.unicodeScalars.count) / 2) : 0
            buffer.write(text, x: rect.x + 1 + indent, y: rect.y + row, style: style)
        }
        if statusWidth > 0, statusWidth < rect.width {
            buffer.write(status, x: rect.maxX - statusWidth, y: rect.maxY - 1, style: context.style(.status))
        }
    }

    /// The text for this moment, most urgent first.
    public var message: Message {
        let world = context.world
        let store = context.store
        if context.state.deck?.finished == true { return Message(text: AppState.endOfPlaylist, isDiagnostic: false) }
        // Predict mode's score is the last word on a run the class predicted.
        if world.eventCount >= store.events.count, let score = context.state.prediction?.scoreText {
            return Message(text: score, isDiagnostic: false)
        }
        if !world.blockingTask.isNone {
            return Message(text: blockedText(), isDiagnostic: true)
        }
        if world.deadlocked, let full = deadlockText(compact: false) {
            // The compact form drops the resource kinds, so that a two-task cycle fits 80 columns.
            let width = context.state.width - 2
            let text = full.count <= width * max(1, rowsAvailable) ? full : deadlockText(compact: true) ?? full
            return Message(text: text, isDiagnostic: true)
        }
        // The run waits for the user to choose: that is what to read now.
        if context.state.manualSchedule, !world.choiceOffer.isEmpty {
            // The prompt outranks the note of the key just pressed: it is what to do next.
            return Message(text: choicePrompt(), isDiagnostic: false, coversStatus: true)
        }
        if let challenge = context.state.challenge, challenge.solvedWith == nil {
            // The run is over and the goal was missed: say so, and how to try another order.
            if world.ended {
                return Message(
                    text: "the run ended without reaching the goal: b takes back your last choice, r starts again",
                    isDiagnostic: false)
            }
        }
        // A replayed failure's schedule leaving FIFO is why it failed: say so while that choice
        // is the latest thing to happen (a later caption or diagnostic takes over).
        if world.lastPreemption > max(world.captionEvent, world.lastDiagnostic, world.lastIntervention),
           let divergence = world.currentDivergence(in: store) {
            return Message(text: divergenceText(divergence), isDiagnostic: false)
        }
        // After an intervention the demo's script no longer holds: say what the user did and what it did.
        if world.lastIntervention > world.captionEvent, let story = InterventionStory(store: store, world: world) {
            // The story answers the injection's note, so the note gives up its room; other notes
            // keep theirs, and the story keeps the whole clauses that fit.
            var covers = false
            if case .injected = context.state.status { covers = true }
            // Wrapping at spaces loses up to a word's width on every row but the last.
            let rows = max(1, rowsAvailable)
            let room = (context.state.width - 2) * rows - (rows - 1) * 12 - (covers ? 0 : statusRoom)
            return Message(text: story.text(maxLength: room), isDiagnostic: false, coversStatus: covers)
        }
        if world.lastDiagnostic > world.captionEvent, world.lastDiagnostic >= 0, world.lastDiagnostic < world.eventCount {
            let event = store.events[world.lastDiagnostic]
            if event.kind == .lint, let text = EventText.describe(event, in: store) {
                return Message(text: "warning: \(text)", isDiagnostic: true)
            }
            // A broken check outranks the script's caption: it is what the run is about now.
            if event.kind == .checkFailed, let text = EventText.describe(event, in: store) {
                return Message(text: text, isDiagnostic: true)
            }
        }
        if let caption = world.caption { return Message(text: store.string(caption), isDiagnostic: false) }
        if world.ended {
            let done = world.finishedTasks - world.failedTasks - world.cancelledTasks
            return Message(
                text: "run ended: \(done) done, \(world.failedTasks) failed, \(world.cancelledTasks) cancelled",
                isDiagnostic: false)
        }
        return Message(text: store.header.title, isDiagnostic: false)
    }

    /// "choice 3: which task runs next? press 1-2:  1 alice  2 bob".
    func choicePrompt() -> String {
        let world = context.world
        let offered = world.choiceOffer.prefix(9).enumerated().map { index, task in
            "\(index + 1) \(task.isNone ? "(an actor's job)" : context.store.taskName(task))"
        }
        let list = offered.joined(separator: "  ")
        let full = "choice \(world.choicesMade + 1): which task runs next? press 1-\(offered.count):  " + list
        let room = (context.state.width - 2) * max(1, rowsAvailable)
        return full.count <= room ? full : "choice \(world.choicesMade + 1), press 1-\(offered.count): " + list
    }

    /// "DEADLOCK: A waits for lock L2 held by B, B waits for lock L1 held by A", from the
    /// `.deadlock` edges recorded together around the latest diagnostic.
    func deadlockText(compact: Bool) -> String? {
        let store = context.store
        var edges: [TraceEvent] = []
        var index = min(context.world.eventCount, store.events.count) - 1
        let stop = max(0, index - 4096)
        while index >= stop {
            let event = store.events[index]
            if event.kind == .deadlock {
                edges.append(event)
            } else if !edges.isEmpty, event.kind != .lint {
                break
            }
            index -= 1
        }
        guard !edges.isEmpty else { return nil }
        let sentences = edges.reversed().map { edge in
            let known = !edge.resource.isNone && edge.resource.index < store.resources.count
            let what = compact || !known ? store.resourceName(edge.resource) : store.resource(edge.resource).kindAndName
            let waits = "\(store.taskName(edge.task)) waits for \(what)"
            // An edge without a holder is a wait nothing can end (a group no task will finish).
            return edge.argTask.isNone ? waits : waits + " held by \(store.taskName(edge.argTask))"
        }
        return "DEADLOCK: " + sentences.joined(separator: ", ")
    }

    /// The divergence in full when it fits the bar beside the status note, else compact.
    func divergenceText(_ divergence: ScheduleDivergence) -> String {
        let full = divergence.caption(in: context.store)
        // Wrapping at spaces loses up to a word's width on every row but the last, and the last
        // keeps a cell before the status note (or the edge).
        let rows = max(1, rowsAvailable)
        let room = (context.state.width - 2) * rows - (rows - 1) * 12 - max(1, statusRoom)
        return full.count <= room ? full : divergence.caption(in: context.store, compact: true)
    }

    /// "loop blocked 1.200s by reporter": the time blocked so far, or the planned block when
    /// virtual time has not moved yet.
    func blockedText() -> String {
        let world = context.world
        var duration = world.time.saturatingSubtracting(world.blockedSince)
        let blocker = world.blockingTask
        if duration == 0, blocker.index < world.tasks.count {
            let last = world.tasks[blocker.index].lastEvent
            if last != .max, Int(last) < world.eventCount, context.store.events[Int(last)].kind == .loopBlockStarted {
                duration = context.store.events[Int(last)].arg
            }
        }
        return "loop blocked \(formatSeconds(duration)) by \(context.store.taskName(blocker)): nothing else can run until it returns"
    }

    /// Cells the status note takes from the caption bar's last row.
    private var statusRoom: Int {
        context.state.status.map { $0.text(store: context.store).count + 3 } ?? 0
    }

    /// Caption rows in the current layout.
    private var rowsAvailable: Int { context.state.layout.caption.height }

    /// Splits text into at most `lines` lines of `width` cells at spaces; the last line keeps the rest.
    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        TextWrap.lines(text, width: width, maxLines: lines)
    }
}
