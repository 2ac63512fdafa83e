import Demos
import Interleave
import InterleaveTrace
import InterleaveUI
import Testing

/// Every challenge played through the reducer as a learner plays it: the run stops at each
/// choice, a digit key makes the solution's choice, and the success screen comes up with the
/// solution's score. The driver's part (running the loop, turning `.choose` into `Loop.choose`)
/// is done here by hand, headless.
@Suite struct ChallengePlaythroughTests {
    static func info(_ challenge: Challenge, minimum: Int?) -> ChallengeInfo {
        ChallengeInfo(
            name: challenge.name, title: challenge.demo.title, goal: challenge.goal, difficulty: challenge.difficulty.label,
            hints: challenge.hints, lesson: challenge.lesson, minimumChoices: minimum)
    }

    /// Tells the reducer where the loop's run stands, as the driver does after every move.
    static func report(_ loop: Loop, to state: inout AppState) -> [Effect] {
        let cursor = TraceCursor(store: loop.store)
        cursor.catchUp()
        return state.reduce(.worldChanged(WorldFacts(store: loop.store, world: cursor.world, latestStep: cursor.totalSteps)))
    }

    @Test(arguments: Challenges.all.map(\.name))
    func theSolutionPlayedByKeyReachesTheSuccessScreen(name: String) throws {
        let challenge = try #require(Challenges.named(name))
        let solution = try #require(challenge.solve(), "\(name) has a solution")
        let loop = Loop(policy: .manual(.fifo))
        challenge.demo.start(on: loop, options: DemoOptions())
        var state = AppState(width: 80, height: 24)
        _ = state.reduce(.challengeOpened(Self.info(challenge, minimum: solution.choices)))
        var solved: [Effect] = []
        var made = 0
        loop.runUntilIdle()
        while true {
            let effects = Self.report(loop, to: &state)
            if state.challenge?.solvedWith != nil {
                solved = effects
                break
            }
            try #require(state.awaitingChoice, "\(name) stopped after \(made) choices without reaching its goal")
            let pick = made < solution.schedule.choices.count ? solution.schedule.choices[made] : 0
            let digit = min(pick, state.choiceOffer.count - 1) + 1
            let key = try #require(KeyMap().action(for: .character(Character(String(digit))), mode: state.mode))
            #expect(state.reduce(key) == [.choose(digit - 1)])
            loop.choose(digit - 1)
            loop.runUntilIdle()
            made += 1
        }
        #expect(solved.contains(.challengeSolved(name: name, choices: solution.choices)))
        #expect(state.challenge?.solvedWith == solution.choices)
        let cursor = TraceCursor(store: loop.store)
        cursor.catchUp()
        let screen = Screen.render(
            store: loop.store, world: cursor.world, state: state, theme: .monochrome, glyphs: .ascii, width: 80, height: 24
        ).text()
        #expect(screen.contains("Challenge solved"))
        let score = "in \(solution.choices) choice\(solution.choices == 1 ? "" : "s")"
        #expect(screen.contains("Solved: "), "\(screen)")
        #expect(state.challenge?.scoreText?.hasPrefix(score + ":") == true, "the shortest way there")
        #expect(screen.contains(" goal: "), "the goal stays in the header")
        loop.close()
    }
}
