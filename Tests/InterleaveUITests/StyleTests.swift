import InterleaveTrace
import InterleaveUI
import Testing

/// Roles reach the screen: the text snapshots cannot see colour, so a few cells are checked here.
@Suite struct StyleTests {
    /// The cell where `text` first starts inside `area` (the whole screen by default).
    static func find(_ text: String, in buffer: Buffer, area: Rect? = nil) -> (x: Int, y: Int)? {
        let area = area ?? buffer.bounds
        let needle = Array(text.unicodeScalars)
        for (y, line) in buffer.lines().enumerated() where y >= area.y && y < area.maxY {
            let scalars = Array(line.unicodeScalars)
            guard area.maxX - needle.count >= area.x else { continue }
            for x in area.x...(area.maxX - needle.count) where Array(scalars[x..<(x + needle.count)]) == needle {
                return (x, y)
            }
        }
        return nil
    }

    @Test func theSelectedLaneIsHighlighted() throws {
        var frame = Frame(Workloads.lockDemo(), at: "racing", width: 80, height: 24)
        frame.select("worker-2")
        let buffer = frame.render()
        let timeline = frame.state.layout.timeline
        let label = try #require(Self.find("worker-2", in: buffer, area: timeline))
        #expect(buffer[label.x, label.y].style == Theme.color.style(.selection))
        let other = try #require(Self.find("worker-3", in: buffer, area: timeline))
        #expect(buffer[other.x, other.y].style == Theme.color.style(.laneLabel))
    }

    @Test func barsUseTheirStateRoles() throws {
        let frame = Frame(Workloads.lockDemo(), at: "end", width: 120, height: 40)
        let buffer = frame.render()
        let failed = try #require(Self.find("✗ █", in: buffer), "worker-3's current-state glyph")
        #expect(buffer[failed.x, failed.y].style == Theme.color.style(.taskFailed))
        #expect(buffer[failed.x + 2, failed.y].style == Theme.color.style(.taskRunning))
    }

    @Test func diagnosticsAndContentionStandOut() throws {
        let frame = Frame(Workloads.deadlockDemo(), at: "deadlock", width: 80, height: 24)
        let buffer = frame.render()
        let caption = try #require(Self.find("DEADLOCK: alice", in: buffer, area: frame.state.layout.caption))
        #expect(buffer[caption.x, caption.y].style == Theme.color.style(.diagnostic))
        let waiting = try #require(Self.find("1 waiting", in: buffer))
        #expect(buffer[waiting.x, waiting.y].style == Theme.color.style(.lockContended))
        let badge = try #require(Self.find("DEADLOCK", in: buffer))
        #expect(badge.y == 0)
        #expect(buffer[badge.x, badge.y].style == Theme.color.style(.headerAlert))
    }

    @Test func theFocusedPaneHasTheFocusedBorder() {
        var frame = Frame(Workloads.lockDemo(), at: "racing", width: 80, height: 24)
        _ = frame.state.reduce(.focusNext)
        let buffer = frame.render()
        let layout = frame.state.layout
        #expect(buffer[layout.resources.x, layout.resources.y].style == Theme.color.style(.focusedBorder))
        #expect(buffer[layout.timeline.x, layout.timeline.y].style == Theme.color.style(.paneBorder))
    }

    @Test func monochromeFramesCarryNoColour() {
        let frame = Frame(Workloads.lockDemo(), at: "contention", width: 120, height: 40)
        let buffer = frame.render(theme: .monochrome, glyphs: .ascii)
        let coloured = buffer.cells.filter { $0.style.foreground != .default || $0.style.background != .default }
        #expect(coloured.isEmpty)
        let wide = buffer.cells.filter { !$0.scalar.isASCII }
        #expect(wide.isEmpty, "ASCII glyphs everywhere")
    }
}
