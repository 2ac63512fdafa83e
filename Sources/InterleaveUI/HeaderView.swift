import InterleaveTrace

/// The header bar: the mode, the demo, and where the run stands (virtual time, step, speed,
/// recording, rewound).
///
/// ```swift
/// HeaderView(context: context).draw(in: layout.header, into: &buffer)
/// // " LIVE  interleave: gather  Running tasks concurrently     step 12 · 1.000s · 1× · ● REC "
/// ```
public struct HeaderView {
    public var context: ViewContext

    public init(context: ViewContext) { self.context = context }

    /// The mode word: DEADLOCK outranks the others, because nothing will move until the user acts.
    public var modeWord: String {
        if context.world.deadlocked { return "DEADLOCK" }
        // The run waits for the user: nothing moves until a task is chosen, or a question answered.
        if context.state.manualSchedule, !context.world.choiceOffer.isEmpty { return "CHOOSE" }
        if context.state.prediction?.isHolding == true { return "PREDICT" }
        switch context.state.mode {
        case .live: return "LIVE"
        case .paused: return "PAUSED"
        case .replay: return "REPLAY"
        case .picker: return "PICK"
        }
    }

    /// Draws the header bar in the first row of `rect`.
    public func draw(in rect: Rect, into buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let bar = context.style(.headerBar)
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: Cell(" ", style: bar))
        let alert = context.world.deadlocked || !context.world.blockingTask.isNone
        var x = rect.x
        x += buffer.write(" \(modeWord) ", x: x, y: rect.y, style: context.style(alert ? .headerAlert : .headerMode))

        // Right side first: it is the part that changes. What does not fit is dropped, least
        // important first, rather than cut mid-word.
        let separator = " \(context.glyphs.separator) "
        var items = rightItems
        func width(_ list: [Item]) -> Int {
            list.reduce(0) { $0 + $1.text.unicodeScalars.count } + max(0, list.count - 1) * separator.unicodeScalars.count + 1
        }
        while width(items) > rect.maxX - x - 2, let drop = items.indices.min(by: { items[$0].rank < items[$1].rank }) {
            items.remove(at: drop)
        }
        let rightWidth = items.isEmpty ? 0 : width(items)
        var rx = rect.maxX - rightWidth
        for (index, item) in items.enumerated() {
            if index > 0 { rx += buffer.write(separator, x: rx, y: rect.y, style: bar) }
            rx += buffer.write(item.text, x: rx, y: rect.y, style: context.style(item.role))
        }

        let header = context.store.header
        let room = rect.maxX - rightWidth - x - 2
        guard room > 4 else { return }
        // A challenge's goal is what the player works towards: it takes the demo's place.
        if let challenge = context.state.challenge {
            buffer.write(context.fit(" goal: " + challenge.info.goal, room), x: x, y: rect.y, style: bar.with(.bold))
            return
        }
        var left = " interleave"
        if !header.demoName.isEmpty { left += ": " + header.demoName }
        x += buffer.write(context.fit(left, room), x: x, y: rect.y, style: bar.with(.bold))
        let titleRoom = rect.maxX - rightWidth - x - 4
        if !header.title.isEmpty, titleRoom > 8 {
            buffer.write("  " + context.fit(header.title, titleRoom), x: x, y: rect.y, style: bar)
        }
    }

    /// One item on the right; `rank` orders what survives a narrow screen (higher stays longer).
    private struct Item {
        var text: String
        var role: Role
        var rank: Int
    }

    private var rightItems: [Item] {
        let state = context.state
        let world = context.world
        var items: [Item] = []
        if let step = state.rewoundTo { items.append(Item(text: "rewound to step \(step)", role: .headerAlert, rank: 5)) }
        if world.ended && !world.deadlocked { items.append(Item(text: "ended", role: .headerBar, rank: 1)) }
        let showTotal = state.step < state.latestStep || state.isReplay
        let step = showTotal ? "step \(world.step)/\(state.latestStep)" : "step \(world.step)"
        items.append(Item(text: step, role: .headerBar, rank: 6))
        items.append(Item(text: formatSeconds(world.time), role: .headerBar, rank: 7))
        items.append(Item(text: state.speedLabel(times: context.glyphs.times), role: .headerBar, rank: 3))
        if state.manualSchedule {
            let made = world.choicesMade
            items.append(Item(text: "\(made) choice\(made == 1 ? "" : "s")", role: .headerBar, rank: 2))
        }
        if state.recording {
            items.append(Item(text: "\(context.glyphs.recordingDot) REC", role: .headerAlert, rank: 4))
        }
        return items
    }
}

extension Style {
    /// The same style with extra attributes.
    func with(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}
