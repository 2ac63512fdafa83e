import InterleaveTrace

/// The code pane: the demo's source with line numbers and a marker at every line where a task
/// stands, scrolled to keep the selected task's line in view.
///
/// The pane follows the selected task (or the one that ran last); the user's scrolling is kept
/// as an offset from that line, which the reducer resets when the selection or the step changes.
/// ```swift
/// CodeView(context: context).draw(in: layout.code, into: &buffer)
/// ```
public struct CodeView {
    public var context: ViewContext

    public init(context: ViewContext) { self.context = context }

    /// Draws the pane in `rect`: frame, line numbers, markers and code.
    public func draw(in rect: Rect, into buffer: inout Buffer) {
        let focusTask = context.selectedTask ?? (context.world.running.isNone ? nil : context.world.running)
        // With nothing selected or running (between jobs, or the run over) the pane stays where
        // work last happened, not on line 1's boilerplate.
        let lastStood = focusTask ?? Self.lastActiveTask(in: context.world)
        let file = Self.file(for: lastStood, store: context.store, world: context.world)
        let title = file.map { "\(AppState.Pane.code.title) \(context.glyphs.separator) \(SourceLocation(fileID: $0.fileID, line: 0).fileName)" }
        buffer.drawPane(rect, title: title ?? AppState.Pane.code.title, focused: context.state.focus == .code, context: context)
        let inner = rect.inset(by: 1)
        guard inner.width > 8, inner.height > 0 else { return }
        guard let file else {
            buffer.write("no source for this trace", x: inner.x, y: inner.y, style: context.style(.dim))
            return
        }
        let lines = file.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let markers = tasksByLine(in: file.fileID)
        let focusLine = focusTask.flatMap { line(of: $0, in: file.fileID) } ?? markers.keys.min()
            ?? lastStood.flatMap { line(of: $0, in: file.fileID) } ?? 1
        let auto = focusLine - 1 - inner.height / 3
        let top = max(0, min(auto + context.state.scroll[.code], lines.count - inner.height))
        let gutter = String(lines.count).count
        for row in 0..<min(inner.height, lines.count - top) {
            let number = top + row + 1
            let y = inner.y + row
            let tasks = markers[number] ?? []
            let isFocus = number == focusLine && focusTask != nil && tasks.contains(focusTask!)
            let numberText = String(repeating: " ", count: gutter - String(number).count) + String(number)
            var x = inner.x
            x += buffer.write(numberText + " ", x: x, y: y, style: context.style(.codeLineNumber))
            let marker = tasks.isEmpty ? " " : String(context.glyphs.marker)
            x += buffer.write(marker + " ", x: x, y: y, style: context.style(.codeMarker))
            let code = expandTabs(String(lines[top + row]))
            let style = context.style(isFocus ? .codeCurrentLine : .codeLine)
            let used = isFocus
                ? buffer.writeRow(code, x: x, y: y, width: inner.maxX - x, style: style)
                : buffer.write(code, x: x, y: y, style: style, maxWidth: inner.maxX - x)
            annotate(tasks, after: isFocus ? code.unicodeScalars.count : used, x: x, y: y, limit: inner.maxX, into: &buffer)
        }
    }

    /// The source to show: the file the task stands in, else the first one the trace carries.
    public static func file(for task: TaskID?, store: TraceStore, world: WorldState) -> SourceFile? {
        let sources = store.sources
        if let task, task.index < world.tasks.count, world.tasks[task.index].location != .unknown {
            let fileID = store.location(world.tasks[task.index].location).fileID
            if let file = sources.first(where: { $0.fileID == fileID }) { return file }
        }
        return sources.first
    }

    /// The task with the newest event that carries a place in the source, else the main task.
    static func lastActiveTask(in world: WorldState) -> TaskID? {
        var best: (task: Int, event: UInt32)?
        for (index, task) in world.tasks.enumerated() where task.location != .unknown && task.lastEvent != .max {
            if best.map({ task.lastEvent > $0.event }) ?? true { best = (index, task.lastEvent) }
        }
        return best.map { TaskID($0.task) } ?? (world.tasks.isEmpty ? nil : TaskID(0))
    }

    /// Unfinished tasks standing in `fileID`, by line, in task order.
    func tasksByLine(in fileID: String) -> [Int: [TaskID]] {
        var result: [Int: [TaskID]] = [:]
        var cache: [UInt16: Int?] = [:]
        for (index, task) in context.world.tasks.enumerated() where !task.state.isFinished && task.location != .unknown {
            let line: Int?
            if let known = cache[task.location.rawValue] {
                line = known
            } else {
                let location = context.store.location(task.location)
                line = location.fileID == fileID ? location.line : nil
                cache[task.location.rawValue] = line
            }
            if let line { result[line, default: []].append(TaskID(index)) }
        }
        return result
    }

    private func line(of task: TaskID, in fileID: String) -> Int? {
        guard task.index < context.world.tasks.count else { return nil }
        let location = context.store.location(context.world.tasks[task.index].location)
        return location.fileID == fileID && location.line > 0 ? location.line : nil
    }

    /// Names the tasks on a line at the right edge, when the code leaves room.
    private func annotate(_ tasks: [TaskID], after used: Int, x: Int, y: Int, limit: Int, into buffer: inout Buffer) {
        guard !tasks.isEmpty else { return }
        let arrow = context.glyphs.pointsBack + " "
        let others = tasks.count > 1 ? " +\(tasks.count - 1)" : ""
        // Two cells stay free after the code, so the note never touches it.
        let room = limit - x - used - 2 - arrow.unicodeScalars.count - others.count
        guard room >= 3 else { return }
        let text = arrow + context.fitName(context.store.taskName(tasks[0]), room) + others
        let length = text.unicodeScalars.count
        buffer.write(text, x: limit - length, y: y, style: context.style(.codeMarker))
    }

    private func expandTabs(_ text: String) -> String {
        text.contains("\t") ? text.replacingTabs() : text
    }
}

extension String {
    /// Tabs as four spaces: the code pane must not show them as escapes.
    fileprivate func replacingTabs() -> String {
        var out = ""
        for character in self { if character == "\t" { out += "    " } else { out.append(character) } }
        return out
    }
}
