import InterleaveTrace

/// The resources pane: every lock, semaphore, event, condition, queue and future with its state,
/// the tasks holding a semaphore's permits, and the tasks waiting on it, first come first.
///
/// Contention shows twice: a highlighted waiter count beside the resource, and the waiters by
/// name on the line below.
/// ```swift
/// ResourcesView(context: context).draw(in: layout.resources, into: &buffer)
/// ```
public struct ResourcesView {
    public var context: ViewContext

    public init(context: ViewContext) { self.context = context }

    /// A piece of a line in one role; a name that does not fit loses its middle, not its end.
    struct Segment {
        var text: String
        var role: Role
        var isName = false

        init(_ text: String, _ role: Role, isName: Bool = false) {
            self.text = text
            self.role = role
            self.isName = isName
        }
    }

    /// One line of the pane.
    typealias Row = [Segment]

    /// Draws the pane in `rect`, scrolled by the state's resources offset.
    public func draw(in rect: Rect, into buffer: inout Buffer) {
        buffer.drawPane(rect, title: AppState.Pane.resources.title, focused: context.state.focus == .resources, context: context)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        let count = min(context.world.resources.count, context.store.resources.count)
        guard count > 0 else {
            buffer.write("none yet", x: inner.x, y: inner.y, style: context.style(.dim))
            return
        }
        let waiters = waitersByResource()
        let contended = waiters.values.filter { list in list.contains { $0.reason == .acquire || $0.reason == .put } }.count
        if contended > 0 { buffer.writeBorderNote("\(contended) contended", pane: rect, context: context) }
        let sample = 0..<min(count, 500)
        let nameWidth = min(inner.width / 3, sample.map { context.store.resource(ResourceID($0)).name.unicodeScalars.count }.max() ?? 4)
        let kindWidth = sample.map { Self.shortKind(context.store.resource(ResourceID($0)).kind).count }.max() ?? 4
        let columns = Columns(kind: kindWidth, name: nameWidth, total: inner.width)
        let skip = context.state.scroll[.resources]
        var rows: [Row] = []
        var resource = 0
        while resource < count, rows.count < skip + inner.height {
            rows += self.rows(for: ResourceID(resource), columns: columns, waiters: waiters[resource] ?? [])
            resource += 1
        }
        let first = max(0, min(skip, rows.count - inner.height))
        for (offset, row) in rows.dropFirst(first).prefix(inner.height).enumerated() {
            var x = inner.x
            for segment in row where x < inner.maxX {
                // A segment that runs past the edge shows an ellipsis, so a cut name reads as cut.
                let text = segment.isName ? context.fitName(segment.text, inner.maxX - x) : context.fit(segment.text, inner.maxX - x)
                x += buffer.write(text, x: x, y: inner.y + offset, style: context.style(segment.role))
            }
        }
    }

    /// Cells a row takes when nothing is cut.
    static func width(of row: Row) -> Int { row.reduce(0) { $0 + $1.text.unicodeScalars.count } }

    /// Column widths shared by every row, so that names and states line up.
    struct Columns {
        var kind: Int
        var name: Int
        var total: Int
    }

    /// Waiting tasks per resource index, in the order they started waiting; one pass over the tasks.
    func waitersByResource() -> [Int: [(task: TaskID, reason: WaitReason)]] {
        var found: [Int: [(since: UInt32, task: TaskID, reason: WaitReason)]] = [:]
        for (index, task) in context.world.tasks.enumerated() where task.state == .waiting && !task.resource.isNone {
            found[task.resource.index, default: []].append((task.waitSince, TaskID(index), task.reason))
        }
        return found.mapValues { list in list.sorted { $0.since < $1.since }.map { ($0.task, $0.reason) } }
    }

    /// The resource's line, then one line per group of waiters ("2 waiting: a, b").
    func rows(for id: ResourceID, columns: Columns, waiters: [(task: TaskID, reason: WaitReason)]) -> [Row] {
        let info = context.store.resource(id)
        let snapshot = context.world.resources[id.index]
        // "lock  lock" says it twice: a name that says its kind gets a blank kind column.
        let kind = info.nameSaysKind ? "" : Self.shortKind(info.kind)
        let state = status(of: info, snapshot)
        var head: Row = [
            Segment(pad(kind, columns.kind) + " ", .dim),
            Segment(pad(context.fitName(info.name, columns.name), columns.name) + " ", .resourceName),
        ] + state
        if Self.width(of: head) > columns.total, state.contains(where: \.isName) {
            // The holder matters more than lined-up columns: drop the padding (and a blank kind)
            // rather than cut the holder's name ("lock held by coroutine2", not "held by c…e2").
            head = (kind.isEmpty ? [] : [Segment(kind + " ", .dim)])
                + [Segment(context.fitName(info.name, columns.name) + " ", .resourceName)] + state
        }
        var rows = [head]
        let indent = String(repeating: " ", count: columns.kind + 1)
        func waiterRow(_ list: [(task: TaskID, reason: WaitReason)], _ what: String, _ role: Role) {
            guard !list.isEmpty else { return }
            let label = "\(list.count) \(what): "
            let room = columns.total - indent.count - label.count
            rows.append([Segment(indent, .dim), Segment(label, role),
                         Segment(names(list.map(\.task), room: room), role)])
        }
        switch info.kind {
        case .queue:
            // A full queue holding up producers is contention; consumers waiting on an empty
            // one are just idle.
            // `join` waits for every item to be marked done: that task takes nothing out.
            let putters = waiters.filter { $0.reason == .put }, getters = waiters.filter { $0.reason == .get }
            let others = waiters.filter { $0.reason != .put && $0.reason != .get }
            waiterRow(putters, putters.count == 1 ? "putter" : "putters", .lockContended)
            waiterRow(getters, getters.count == 1 ? "getter" : "getters", .taskWaiting)
            waiterRow(others, "awaiting all done", .taskWaiting)
        case .future, .group:
            waiterRow(waiters, "awaiting", .taskWaiting)
        case .semaphore, .boundedSemaphore:
            // Who has the permits, then who waits for one: the count alone hides the holders.
            rows += holderRows(id, columns: columns)
            waiterRow(waiters, "waiting", .lockContended)
        default:
            waiterRow(waiters, "waiting", .lockContended)
        }
        return rows
    }

    /// Names that fit in `room`, then "+N" for the rest, so that a long queue of waiters still
    /// shows who is first.
    func names(_ tasks: [TaskID], room: Int) -> String {
        var text = ""
        for (index, task) in tasks.enumerated() {
            let name = context.fitName(context.store.taskName(task), .max)
            let candidate = text.isEmpty ? name : text + ", " + name
            let rest = tasks.count - index - 1
            let suffix = rest > 0 ? " +\(rest)" : ""
            if candidate.unicodeScalars.count + suffix.count > room {
                guard text.isEmpty else { return text + " +\(tasks.count - index)" }
                return tasks.count > 1 ? context.fitName(name, max(1, room - 4)) + " +\(tasks.count - 1)" : context.fitName(name, room)
            }
            text = candidate
        }
        return text
    }

    private func status(of info: ResourceInfo, _ snapshot: ResourceSnapshot) -> Row {
        switch info.kind {
        case .lock, .actor:
            return snapshot.holder.isNone
                ? [Segment("free", .lockFree)]
                : [Segment("held by ", .dim), Segment(context.store.taskName(snapshot.holder), .lockHeld, isName: true)]
        case .semaphore, .boundedSemaphore:
            let role: Role = snapshot.value >= info.capacity && info.capacity > 0 ? .lockHeld : .lockFree
            return bar(snapshot.value, of: info.capacity) + [Segment(" \(snapshot.value)/\(info.capacity) in use", role)]
        case .event:
            return snapshot.value != 0 ? [Segment("set", .eventSet)] : [Segment("clear", .eventClear)]
        case .condition:
            let times = snapshot.operations
            return [Segment(times == 0 ? "not notified yet" : times == 1 ? "notified once" : "notified \(times) times", .dim)]
        case .queue:
            guard info.capacity > 0 else { return [Segment("\(snapshot.value) queued", .queueBar)] }
            return bar(snapshot.value, of: info.capacity) + [Segment(" \(snapshot.value)/\(info.capacity)", .queueBar)]
        case .future:
            switch snapshot.aux {
            case 1: return [Segment("resolved", .futureResolved)]
            case 2:
                let error = context.store.string(StringID(rawValue: UInt32(truncatingIfNeeded: snapshot.value)))
                return [Segment("failed: \(error)", .futureFailed)]
            case 3: return [Segment("cancelled", .taskCancelled)]
            default: return [Segment("pending", .futurePending)]
            }
        case .group, .io:
            // Their waiters say all there is: who awaits the group or the I/O.
            return []
        }
    }

    /// A small fill bar, one cell per unit up to eight units, then scaled.
    private func bar(_ value: Int64, of capacity: Int64) -> Row {
        guard capacity > 0 else { return [] }
        let cells = Int(min(capacity, 8))
        let filled = Int(min(max(0, value), capacity).scaled(by: Int64(cells), over: capacity, roundingUp: true))
        let full = String(repeating: String(context.glyphs.barFull), count: filled)
        let empty = String(repeating: String(context.glyphs.barEmpty), count: cells - filled)
        return [Segment(full, .queueBar), Segment(empty, .queueEmpty)]
    }

    static func shortKind(_ kind: ResourceKind) -> String {
        switch kind {
        case .semaphore: "sem"
        case .boundedSemaphore: "bsem"
        case .condition: "cond"
        default: kind.label
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        let count = text.unicodeScalars.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }
}
