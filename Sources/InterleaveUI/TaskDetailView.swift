import InterleaveTrace

/// The task detail dialog (Enter): the selected task's state and what it waits on, where it
/// stands in the code, its parent and children, and its history with times.
///
/// The history comes from the task's own event chain, newest first, and stops once the dialog
/// is full.
/// ```swift
/// TaskDetailView(context: context).draw(in: layout.timeline, into: &buffer)
/// ```
public struct TaskDetailView {
    public var context: ViewContext

    public init(context: ViewContext) { self.context = context }

    /// Draws a dialog centred in `area`.
    public func draw(in area: Rect, into buffer: inout Buffer) {
        guard let task = context.selectedTask, area.width > 30, area.height > 8 else { return }
        let facts = facts(task)
        // Sized to its content: the facts, a gap, "history", then as much history as fits.
        let maxHeight = min(area.height - 2, 24)
        let entries = history(task, limit: max(0, maxHeight - 2 - facts.count - 2))
        let height = min(maxHeight, 2 + facts.count + (entries.isEmpty ? 0 : 2 + entries.count) + 1)
        let width = min(area.width - 4, 90)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        let name = context.store.taskName(task)
        // A name too long for the top border gives way in its middle, and the id stays whole.
        let id = "\(task)"
        let title = "\(context.fitName(name, width - 7 - id.unicodeScalars.count)) \(id)"
        buffer.drawOverlay(box, title: title, hint: "enter or esc closes", context: context)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        var y = inner.y
        for (label, value, role) in facts where y < inner.maxY {
            // The parent is a bare name; the other facts are sentences whose names give way first.
            let isName = label == "parent"
            buffer.write(label, x: inner.x, y: y, style: context.style(.dim))
            let room = inner.width - 10
            let text = isName ? context.fitName(value, room) : context.fitSentence(value, naming: namesNear(task), room)
            buffer.write(text, x: inner.x + 10, y: y, style: context.style(role))
            y += 1
        }
        guard !entries.isEmpty, y + 2 < inner.maxY else { return }
        y += 1
        buffer.write("history", x: inner.x, y: y, style: context.style(.paneTitle))
        y += 1
        for entry in entries.reversed() where y < inner.maxY {
            var x = inner.x
            x += buffer.write(formatSeconds(entry.event.time) + " ", x: x, y: y, style: context.style(.logTime))
            if let state = entry.state {
                buffer.set(x, y, Cell(context.glyphs.state(state), style: context.theme.style(for: state)))
            }
            x += 2
            let text = context.fitSentence(entry.text, naming: context.taskNames(in: entry.event), inner.maxX - x)
            buffer.write(text, x: x, y: y, style: context.style(.overlay))
            y += 1
        }
    }

    /// Label, value and role of each fact line.
    func facts(_ task: TaskID) -> [(String, String, Role)] {
        let store = context.store
        let snapshot = context.world.tasks[task.index]
        let info = store.task(task)
        var lines: [(String, String, Role)] = [("state", stateText(snapshot), .task(snapshot.state))]
        if snapshot.state == .failed {
            lines.append(("error", store.string(snapshot.error), .taskFailed))
        }
        lines.append(("parent", info.parent.isNone ? "none (a root task)" : store.taskName(info.parent), .overlay))
        let children = (0..<context.world.tasks.count).filter { store.tasks[$0].parent == task }.map { TaskID($0) }
        if !children.isEmpty {
            let names = children.prefix(6).map { store.taskName($0) }.joined(separator: ", ")
            lines.append(("children", names + (children.count > 6 ? " and \(children.count - 6) more" : ""), .overlay))
        }
        if snapshot.location != .unknown {
            let location = store.location(snapshot.location)
            lines.append(("at", "\(location)  \(sourceLine(location) ?? "")", .codeLine))
        }
        return lines
    }

    /// The names the facts about `task` can mention: what it awaits, who holds what it waits
    /// for, its parent.
    private func namesNear(_ task: TaskID) -> [String] {
        let snapshot = context.world.tasks[task.index]
        var names = [context.store.taskName(snapshot.awaited), context.store.taskName(context.store.task(task).parent)]
        if !snapshot.resource.isNone, snapshot.resource.index < context.world.resources.count {
            names.append(context.store.taskName(context.world.resources[snapshot.resource.index].holder))
        }
        return names
    }

    /// "waiting to acquire lock db (held by main) since 1.000s".
    func stateText(_ snapshot: TaskSnapshot) -> String {
        let store = context.store
        let since = " since " + formatSeconds(snapshot.since)
        switch snapshot.state {
        case .waiting:
            if snapshot.reason == .join, !snapshot.awaited.isNone {
                return "awaiting task \(store.taskName(snapshot.awaited))" + since
            }
            guard !snapshot.resource.isNone, snapshot.resource.index < store.resources.count else { return "waiting" + since }
            let resource = store.resource(snapshot.resource)
            let what = resource.kindAndName
            var text: String
            switch snapshot.reason {
            case .acquire: text = "waiting to acquire \(what)"
            case .put: text = "waiting to put into \(what) (full)"
            case .get: text = "waiting to get from \(what) (empty)"
            case .result, .gather, .join, .suspended: text = "awaiting \(what)"
            case .io: text = "waiting for I/O on \(what)"
            case .notify: text = "waiting for a notify on \(what)"
            case .wait: text = "waiting on \(what)"
            }
            if snapshot.resource.index < context.world.resources.count {
                let holder = context.world.resources[snapshot.resource.index].holder
                if !holder.isNone, resource.kind == .lock { text += ", held by \(store.taskName(holder))" }
            }
            return text + since
        case .sleeping:
            // Its timer came due while the loop was stuck: it waits for the loop, not for time.
            if LaneBuilder.isOverdue(sleepingSince: snapshot.since, deadline: snapshot.deadline, at: context.world.time) {
                let why = context.world.blockingTask.isNone ? "" : ": the loop is blocked"
                return "overdue\(why) (due at \(formatSeconds(snapshot.deadline)))"
            }
            return "sleeping until \(formatSeconds(snapshot.deadline))" + since
        default:
            return snapshot.state.label + since
        }
    }

    /// The newest `limit` entries of the task's history: state changes and what it did.
    func history(_ task: TaskID, limit: Int) -> [(event: TraceEvent, state: TaskState?, text: String)] {
        var entries: [(event: TraceEvent, state: TaskState?, text: String)] = []
        let prefix = context.store.taskName(task) + " "
        var index = context.world.tasks[task.index].lastEvent
        while index != .max, Int(index) < context.world.eventCount, entries.count < limit {
            let event = context.store.events[Int(index)]
            let state = event.taskStateAfter
            var text = EventText.describe(event, in: context.store) ?? state.map { $0 == .running ? "runs" : $0.label } ?? ""
            if text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
            if !text.isEmpty { entries.append((event, state, text)) }
            index = event.previousOfTask
        }
        return entries
    }

    private func sourceLine(_ location: SourceLocation) -> String? {
        guard let file = context.store.sources.first(where: { $0.fileID == location.fileID }) else { return nil }
        let lines = file.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard location.line >= 1, location.line <= lines.count else { return nil }
        return lines[location.line - 1].trimmingPrefixSpaces()
    }
}

extension Substring {
    /// The line without its indentation.
    fileprivate func trimmingPrefixSpaces() -> String { String(drop { $0 == " " || $0 == "\t" }) }
}
