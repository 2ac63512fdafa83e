import InterleaveTrace
import InterleaveUI
import Testing

/// Predict mode's question box, rendered at 80×24 in ASCII without colour: the words alone
/// must say what is asked, which option was right and which one was chosen.
@Suite struct PredictionOverlayTests {
    /// The lock workload held at its "contention" mark with a question asked there.
    static func frame(presentation: Bool = false) -> Frame {
        var frame = Frame(Workloads.lockDemo(), at: "contention", width: 80, height: 24, replay: true)
        frame.state.presentation = presentation
        let question = PredictionQuestion(
            position: frame.cursor.world.eventCount, kind: .resource, prompt: "Which task gets the lock next?",
            options: ["worker-b", "worker-a", "evil\u{1B}]0;owned\u{07}"], answer: 1,
            explanation: "the lock serves its waiters first come, first served: worker-a has waited longest")
        _ = frame.state.reduce(.predictionsLoaded(PredictionSession(questions: [question])))
        frame.sync()
        return frame
    }

    static func text(_ frame: Frame) -> String {
        frame.render(theme: frame.state.presentation ? .presentation : .monochrome, glyphs: .ascii).text()
    }

    @Test(arguments: [false, true])
    func theQuestionAndItsNumberedOptionsShow(presentation: Bool) {
        let frame = Self.frame(presentation: presentation)
        #expect(frame.state.prediction?.phase == .asking)
        let text = Self.text(frame)
        #expect(text.contains("Predict: question 1 of 1"))
        #expect(text.contains("Which task gets the lock next?"))
        #expect(text.contains(" 1  worker-b"))
        #expect(text.contains(" 2  worker-a"))
        // Escape sequences from the trace are shown as text, never sent to the terminal.
        #expect(text.contains(" 3  evil\\e]0;owned\\a"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("press 1-3"))
        #expect(!text.contains("Score"))
        // The header says what the run waits for (the presentation layout has its own header).
        if !presentation { #expect(text.hasPrefix(" PREDICT ")) }
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func aWrongAnswerShowsTheRightOneTheChoiceWhyAndTheScore() {
        var frame = Self.frame()
        _ = frame.state.reduce(.predictAnswer(1))
        let text = Self.text(frame)
        #expect(text.contains("Not quite: it was 2."))
        #expect(text.contains("<- your answer"))
        #expect(text.contains("<- right"))
        #expect(text.contains("first come, first served"))
        #expect(text.contains("Score: 0 of 1"))
        #expect(text.contains("space goes on"))
    }

    @Test func aRightAnswerSaysSo() {
        var frame = Self.frame()
        _ = frame.state.reduce(.predictAnswer(2))
        let text = Self.text(frame)
        #expect(text.contains("Right!"))
        #expect(!text.contains("your answer"))
        #expect(text.contains("Score: 1 of 1"))
    }

    @Test func theCaptionGivesTheScoreAtTheEnd() {
        var frame = Self.frame()
        _ = frame.state.reduce(.predictAnswer(2))
        _ = frame.state.reduce(.predictContinue)
        frame.cursor.seek(toEvent: frame.store.events.count)
        frame.sync()
        let text = Self.text(frame)
        #expect(text.contains("You predicted 1 of 1 right"))
        #expect(!text.contains("Predict: question"))
    }
}
