import DequeModule
import InterleaveTrace

/// A job waiting to run, and what it must run isolated to.
struct ReadyJob {
    let job: UnownedJob
    let role: Role
    /// The task the job is known to be of, when the loop queued it itself (a wake, a spawn):
    /// `stepBound` then needs no lookup by the job's address, a probe into a table as large as
    /// the tasks alive (a cache miss a job, with many). Checked against the job's address before
    /// use. Not retained: the task is unfinished, so the registry holds it, until this job runs.
    var record: Unmanaged<TaskRecord>? = nil

    enum Role: UInt8 {
        /// A task's job (or an actor's) on the loop as its task executor.
        case task
        /// An actor bound to the loop's actor face (`LoopActorExecutor`).
        case loopActor
        /// A `@MainActor` job taken from Swift's main executor (see `StandardConcurrency`).
        case mainActor
    }
}

/// Decides which of several ready jobs runs next, for a search over schedules (`explore`).
protocol SchedulePicker: AnyObject {
    /// An index into `ready` (in the order the jobs became ready); called only when there are two or more.
    func pick(from ready: Deque<ReadyJob>) -> Int
}

/// The jobs ready to run, and the rule that picks among them. Loop thread only.
///
/// Every pick where more than one job was ready is a choice; unless the rule is FIFO (whose
/// choices are all 0), the choices made are kept, so a run can be saved as a `Schedule`.
struct ReadyQueue {
    private enum Rule {
        case fifo
        case random(SeededGenerator)
        case replay(choices: [Int], next: Int)
        /// Replays `choices`, then waits for `supplyChoice` at each further choice.
        case manual(choices: [Int], next: Int)
        case picker(any SchedulePicker)
        /// Another runtime's order, followed: its picks are not choices (see `follow`).
        case follow(any SchedulePicker)
    }

    private var jobs = Deque<ReadyJob>()
    private var rule: Rule
    /// The choices made so far (not kept under FIFO, where each is 0: see `schedule`).
    private var choicesMade = ChoiceLog()
    /// How many choices FIFO has made (its schedule is that many zeros).
    private var fifoChoices = 0
    /// The job FIFO would have run, when the last pick ran another: the loop records it.
    private(set) var passedOver: UnownedJob?
    /// Under a manual schedule: the jobs offered at the latest choice (in the order they became
    /// ready) and its number, until the loop has recorded them (`offerUnrecorded`).
    private(set) var offered: [UnownedJob] = []
    private(set) var offerNumber = -1
    private(set) var offerUnrecorded = false

    init(policy: SchedulePolicy) {
        switch policy {
        case .fifo: rule = .fifo
        case .random(let seed): rule = .random(SeededGenerator(seed: seed))
        case .replay(let schedule): rule = .replay(choices: schedule.choices, next: 0)
        case .manual(let schedule): rule = .manual(choices: schedule.choices, next: 0)
        }
    }

    /// True when the next pick is the driver's to make and it has not made it: a manual
    /// schedule past its known choices, with more than one job ready.
    var awaitingChoice: Bool {
        guard case .manual(let choices, let next) = rule else { return false }
        return jobs.count > 1 && next >= choices.count
    }

    /// How many choices have been made so far.
    var choiceCount: Int {
        if case .fifo = rule { return fifoChoices }
        return choicesMade.count
    }

    /// The driver's pick for the choice awaited (an index into the ready jobs, clamped).
    mutating func supplyChoice(_ index: Int) {
        guard case .manual(var choices, let next) = rule, next >= choices.count else { return }
        choices.append(min(max(index, 0), max(jobs.count - 1, 0)))
        rule = .manual(choices: choices, next: next)
    }

    /// Drops the manual choices not made yet (after a rewind, the future is the driver's again).
    mutating func forgetUnmadeChoices() {
        guard case .manual(let choices, let next) = rule else { return }
        rule = .manual(choices: Array(choices.prefix(next)), next: next)
    }

    /// Stops waiting for the driver: the rest of the run is FIFO (a manual run being closed).
    mutating func stopAwaitingChoices() {
        guard case .manual(let choices, let next) = rule else { return }
        rule = .replay(choices: choices, next: next)
    }

    /// The loop has recorded the latest offer.
    mutating func markOfferRecorded() { offerUnrecorded = false }

    /// Hands every choice to `picker` from now on (a search's rule for one schedule).
    mutating func choose(with picker: any SchedulePicker) {
        rule = .picker(picker)
        choicesMade = ChoiceLog()
        fifoChoices = 0
    }

    /// Lets `picker` say which job runs from now on, as the order of another runtime the loop
    /// mirrors (`Loop.followForeignOrder`): its picks are neither choices nor preemptions.
    mutating func follow(_ picker: any SchedulePicker) {
        rule = .follow(picker)
    }

    /// Every choice made so far, FIFO's included.
    var schedule: Schedule {
        if case .fifo = rule { return Schedule(Array(repeating: 0, count: fifoChoices)) }
        return Schedule(choicesMade.choices)
    }

    var isEmpty: Bool { jobs.isEmpty }
    var count: Int { jobs.count }

    /// Whether a job with `address` (a task's, see `JobIdentity`) waits to run. A scan: not for
    /// the hot path.
    func contains(jobAt address: UInt) -> Bool {
        jobs.contains { JobIdentity.address(of: $0.job) == address }
    }

    @inline(__always)
    mutating func push(_ job: ReadyJob) { jobs.append(job) }

    @inline(__always)
    mutating func pop() -> ReadyJob? {
        guard jobs.count > 1 else { return jobs.popFirst() }
        if case .fifo = rule {
            fifoChoices += 1
            return jobs.removeFirst()
        }
        if case .follow(let picker) = rule { return take(at: min(max(picker.pick(from: jobs), 0), jobs.count - 1)) }
        guard let pick = choose() else { return nil }
        if pick != 0 { passedOver = jobs[0].job }
        return take(at: pick)
    }

    /// The job the last pick passed over, once.
    mutating func takePassedOver() -> UnownedJob? {
        defer { passedOver = nil }
        return passedOver
    }

    /// The pick for this choice, or nil when a manual schedule waits for the driver's.
    private mutating func choose() -> Int? {
        let count = jobs.count
        let pick: Int
        switch rule {
        case .fifo:
            pick = 0
        case .random(var generator):
            pick = Int(generator.next() % UInt64(count))
            rule = .random(generator)
        case .replay(let choices, let next):
            // A choice beyond the jobs ready (the schedule was edited, or shrunk) takes the last.
            pick = next < choices.count ? min(choices[next], count - 1) : 0
            rule = .replay(choices: choices, next: next + 1)
        case .manual(let choices, let next):
            offer(number: next)
            guard next < choices.count else { return nil }
            pick = min(choices[next], count - 1)
            rule = .manual(choices: choices, next: next + 1)
        case .picker(let picker), .follow(let picker):
            pick = min(max(picker.pick(from: jobs), 0), count - 1)
        }
        choicesMade.append(pick)
        return pick
    }

    /// Notes the jobs offered at choice `number`, once, for the loop to record.
    private mutating func offer(number: Int) {
        guard number != offerNumber else { return }
        offerNumber = number
        offered = Array(jobs.lazy.map(\.job))
        offerUnrecorded = true
    }

    /// Removes the job at `index`, leaving the others in the order they became ready: a
    /// preemption moves one job ahead and nothing else.
    private mutating func take(at index: Int) -> ReadyJob {
        index == 0 ? jobs.removeFirst() : jobs.remove(at: index)
    }
}
