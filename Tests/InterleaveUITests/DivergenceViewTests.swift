import InterleaveTrace
import InterleaveUI
import Testing

/// A replayed failure's schedule leaving FIFO: the caption says where, the timeline marks it,
/// the log and the plain report list it.
@Suite struct DivergenceViewTests {
    static let sizes = [(80, 24), (120, 40)]

    /// A paused replay of the divergence workload at `mark`, as `interleave replay` shows it.
    static func frame(at mark: String, width: Int = 80, height: Int = 24) -> Frame {
        var frame = Frame(Workloads.divergenceDemo(), at: mark, width: width, height: height, replay: true)
        _ = frame.state.reduce(.togglePause)
        return frame
    }

    static func caption(_ frame: Frame) -> CaptionView.Message {
        CaptionView(context: ViewContext(
            store: frame.store, world: frame.cursor.world, state: frame.state, theme: .color, glyphs: .unicode)).message
    }

    @Test(arguments: sizes)
    func theCaptionSaysWhatDiffersAtTheFirstDivergence(width: Int, height: Int) {
        let frame = Self.frame(at: "first", width: width, height: height)
        let expected = "Here bob runs ahead of alice: the 1st of 2 choices that differ from FIFO"
        #expect(Self.caption(frame) == CaptionView.Message(text: expected, isDiagnostic: false))
        #expect(frame.render().text().contains(" " + expected))
        // Still so while bob's job is the latest one run.
        #expect(Self.caption(Self.frame(at: "bob-ran")).text == expected)
    }

    @Test func aLaterDivergenceCountsItsPlace() {
        let expected = "Here carol runs ahead of bob: the 2nd of 2 choices that differ from FIFO"
        #expect(Self.caption(Self.frame(at: "second")).text == expected)
    }

    @Test func onceAnotherJobRunsTheScriptOrADiagnosticTakesOver() {
        #expect(Self.caption(Self.frame(at: "alice-ran")).text == "Three customers check the balance, then take 80 each")
        let check = Self.caption(Self.frame(at: "check"))
        #expect(check == CaptionView.Message(text: "CHECK FAILED in bob: overdraft: balance -60", isDiagnostic: true))
    }

    @Test func aNarrowBarGetsTheCompactSentence() {
        var frame = Self.frame(at: "first")
        _ = frame.state.reduce(.resize(width: 60, height: 24))
        #expect(Self.caption(frame).text == "Here bob runs ahead of alice (1 of 2 choices unlike FIFO)")
        // A status note takes room from the bar too.
        frame = Self.frame(at: "first")
        frame.state.status = .message("a status note that takes up a good part of the bar")
        #expect(Self.caption(frame).text.hasSuffix("(1 of 2 choices unlike FIFO)"))
    }

    @Test func theSentenceCoversEveryTotal() {
        let store = Workloads.divergenceDemo().store
        let bob = TaskID(2), alice = TaskID(1)
        func caption(passedOver: TaskID = alice, ordinal: Int = 1, total: Int?, compact: Bool = false) -> String {
            ScheduleDivergence(eventIndex: 0, chosen: bob, passedOver: passedOver, ordinal: ordinal, total: total)
                .caption(in: store, compact: compact)
        }
        #expect(caption(total: 1) == "Here bob runs ahead of alice: the only choice that differs from FIFO")
        #expect(caption(total: 1, compact: true) == "Here bob runs ahead of alice (the one choice unlike FIFO)")
        #expect(caption(ordinal: 3, total: 12) == "Here bob runs ahead of alice: the 3rd of 12 choices that differ from FIFO")
        #expect(caption(total: nil) == "Here bob runs ahead of alice: a choice that differs from FIFO")
        #expect(caption(passedOver: .none, total: nil, compact: true) == "Here bob runs out of FIFO order (unlike FIFO)")
    }

    @Test(arguments: sizes)
    func theTimelineMarksEachPreemptionOnTheLaneThatRanAhead(width: Int, height: Int) throws {
        let frame = Self.frame(at: "check", width: width, height: height)
        let buffer = frame.render()
        let text = buffer.text()
        assertSnapshot(text, named: "divergence-\(width)x\(height)")
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // One marker on bob's lane, one on carol's, none elsewhere; each in the preemption style.
        func markers(_ name: String) throws -> [Int] {
            let y = try #require(rows.firstIndex { $0.contains("─ Timeline") == false && $0.contains(" \(name) ") })
            return (0..<buffer.width).filter { buffer[$0, y].scalar == "»" && buffer[$0, y].style == Theme.color.style(.preemption) }
        }
        let bob = try markers("bob"), carol = try markers("carol")
        #expect(bob.count == 1 && carol.count == 1)
        #expect(bob[0] < carol[0], "bob's choice at 0.2s comes before carol's at 0.5s")
        #expect(try markers("alice").isEmpty && markers("main").isEmpty)
        #expect(text.contains("»ahead"), "the legend explains the marker")
    }

    @Test func theLegendLeavesTheMarkerOutWithoutPreemptions() {
        let text = Frame(Workloads.lockDemo(), at: "end", width: 120, height: 40).render().text()
        #expect(!text.contains("ahead"))
        #expect(!text.contains("»"))
    }

    @Test func asciiMarksPreemptionsToo() {
        let frame = Self.frame(at: "second")
        let text = frame.render(theme: .monochrome, glyphs: .ascii).text()
        #expect(text.contains(">ahead"))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func theLogShowsThePreemptionLikeADiagnostic() throws {
        let frame = Self.frame(at: "first", width: 120, height: 40)
        var buffer = Buffer(width: 60, height: 6)
        let context = ViewContext(store: frame.store, world: frame.cursor.world, state: frame.state, theme: .color, glyphs: .unicode)
        EventLogView(context: context).draw(in: buffer.bounds, into: &buffer)
        let rows = buffer.text().split(separator: "\n").map(String.init)
        let y = try #require(rows.firstIndex { $0.contains("the schedule runs bob ahead of alice") })
        let x = try #require(rows[y].range(of: "the schedule")).lowerBound.utf16Offset(in: rows[y])
        #expect(buffer[x, y].style == Theme.color.style(.lockContended))
    }

    @Test func thePlainReportListsTheChoicesThatDifferFromFIFO() {
        let report = PlainReport(store: Workloads.divergenceDemo().store).render()
        #expect(report.contains("""
            schedule: 2 choices differ from FIFO:
              0.200s  step 5: the schedule runs bob ahead of alice
              0.500s  step 7: the schedule runs carol ahead of bob
            """))
        let fifo = PlainReport(store: Workloads.lockDemo().store).render()
        #expect(!fifo.contains("schedule:"))
    }
}
