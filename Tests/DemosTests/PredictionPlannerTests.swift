import Demos
import Interleave
import Testing

/// Predict mode's questions, checked against every demo's real trace: the right option is what
/// the run then does, and every other option is a real alternative at that moment.
@Suite struct PredictionPlannerTests {
    /// Every demo's run and its questions, made once per test.
    static func plannedRuns() -> [(name: String, run: DemoRun, questions: [PredictionQuestion])] {
        Catalogue.all.map { demo in
            let run = DemoRun(demo.name)
            return (demo.name, run, PredictionPlanner.questions(in: run.store))
        }
    }

    /// The world after the first `count` events.
    static func world(_ run: DemoRun, after count: Int) -> WorldState {
        var world = WorldState()
        for event in run.events.prefix(count) { world.reduce(event) }
        return world
    }

    /// Names of the tasks in `world` that satisfy `include`.
    static func names(_ run: DemoRun, _ world: WorldState, where include: (TaskSnapshot) -> Bool) -> Set<String> {
        Set(world.tasks.indices.filter { include(world.tasks[$0]) }.map { run.store.taskName(TaskID($0)) })
    }

    @Test func everyQuestionIsWellFormedAndSparse() {
        for (name, _, questions) in Self.plannedRuns() {
            #expect(questions.count <= PredictionPlanner.maximumQuestions, "\(name)")
            #expect(questions.map(\.position) == questions.map(\.position).sorted(), "\(name)")
            #expect(Set(questions.map(\.position)).count == questions.count, "\(name): one question per position")
            for question in questions {
                #expect((2...4).contains(question.options.count), "\(name) at \(question.position)")
                #expect(Set(question.options).count == question.options.count, "\(name): options are distinct")
                #expect(question.options.indices.contains(question.answer), "\(name)")
                #expect(!question.prompt.isEmpty && !question.explanation.isEmpty, "\(name)")
            }
        }
    }

    @Test func theRightOptionIsWhatTheRunDoesNextAndTheOthersAreReal() {
        for (name, run, questions) in Self.plannedRuns() {
            let printed = Set(run.lines.map(\.text))
            for question in questions {
                let world = Self.world(run, after: question.position)
                var next = run.events[question.position]
                if next.kind == .preempted { next = run.events[question.position + 1] }
                let right = question.answerText
                let others = Set(question.options).subtracting([right])
                let place = "\(name) at \(question.position): \(question.prompt)"
                switch question.kind {
                case .nextTask:
                    #expect(next.kind == .taskResumed && run.store.taskName(next.task) == right, "\(place)")
                    let ready = Self.names(run, world) { $0.state == .ready || $0.state == .created }
                    #expect(others.isSubset(of: ready), "\(place): \(others) not all ready")
                case .wakeUp:
                    #expect(next.kind == .taskWoken && run.store.taskName(next.task) == right, "\(place)")
                    #expect(others.isSubset(of: Self.names(run, world) { $0.state == .sleeping }), "\(place)")
                case .resource:
                    #expect(run.store.taskName(next.task) == right, "\(place)")
                    let waiters = Set(world.waiters(of: next.resource).map { run.store.taskName($0) })
                    #expect(waiters.contains(right) && others.isSubset(of: waiters), "\(place)")
                case .output:
                    #expect(next.kind == .output && run.text(next.arg) == right, "\(place)")
                    #expect(others.isSubset(of: printed), "\(place): alternatives were really printed")
                case .failure:
                    let failure = run.events[question.position...].first { $0.kind == .taskFailed || $0.kind == .checkFailed }
                    #expect(failure.map { run.store.taskName($0.task) } == right, "\(place)")
                    #expect(others.isSubset(of: Self.names(run, world) { !$0.state.isFinished }), "\(place)")
                }
            }
        }
    }

    @Test func theCatalogueAsksEveryKindOfQuestion() {
        let kinds = Set(Self.plannedRuns().flatMap { $0.questions.map(\.kind) })
        #expect(kinds == Set(PredictionQuestion.Kind.allCases))
    }

    @Test func theAnswerIsNotAlwaysTheFirstOption() {
        let answers = Self.plannedRuns().flatMap { $0.questions.map(\.answer) }
        #expect(Set(answers).count > 1)
    }

    @Test func gatherAsksWhichTaskRunsFirstAndWhoseSleepEndsFirst() {
        let run = DemoRun("gather")
        let questions = PredictionPlanner.questions(in: run.store)
        let runsNext = questions.first { $0.kind == .nextTask }
        #expect(runsNext?.prompt == "Which task runs next?")
        #expect(runsNext.map { Set($0.options) } == ["task1", "task2"])
        #expect(runsNext?.answerText == "task1")
        #expect(runsNext?.explanation.contains("order they became ready") == true)
        let wakes = questions.first { $0.kind == .wakeUp }
        #expect(wakes?.answerText == "task2")
        #expect(wakes?.explanation.contains("1.000s") == true)
    }

    @Test func questionsAreTheSameEveryTime() {
        let store = DemoRun("semaphore").store
        #expect(PredictionPlanner.questions(in: store) == PredictionPlanner.questions(in: store))
    }

    @Test func questionsAreAtLeastTheGapApart() {
        for (name, run, questions) in Self.plannedRuns() {
            let steps = questions.map { Self.world(run, after: $0.position).step }
            for (a, b) in zip(steps, steps.dropFirst()) {
                #expect(b - a >= PredictionPlanner.minimumStepGap, "\(name): steps \(a) and \(b)")
            }
        }
    }
}
