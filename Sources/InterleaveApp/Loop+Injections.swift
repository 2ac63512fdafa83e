import Interleave
import InterleaveTrace

extension Loop {
    /// The newest unfinished task with this name, as seen in the trace so far. It replays the
    /// whole trace, so it is for the few lookups of an injection, not for a loop.
    func newestUnfinishedTask(named name: String) -> TaskID? {
        var world = WorldState()
        store.events.withRuns(in: 0..<store.events.count) { run, _ in for e in run { world.reduce(e) } }
        for index in stride(from: store.tasks.count - 1, through: 0, by: -1)
        where store.tasks[index].name == name && index < world.tasks.count && !world.tasks[index].state.isFinished {
            return TaskID(index)
        }
        return nil
    }

    /// Runs headless to the end, injecting each fault at its virtual time (earliest first).
    /// Throws, leaving the run where it stopped, when no unfinished task has the name at that time.
    func runInjecting(_ injections: [InjectionSpec]) throws(InjectionError) {
        for spec in injections.sorted(by: { $0.time < $1.time }) {
            run(until: spec.time)
            guard let task = newestUnfinishedTask(named: spec.taskName) else {
                throw InjectionError(message: "no running task named '\(spec.taskName)' at \(spec.time)")
            }
            inject(spec.fault, into: task)
        }
        runUntilIdle()
    }

    /// Arranges each fault for its virtual time on a loop that has not run yet (a live run,
    /// whose clock follows the wall clock: the task is looked up when the moment comes).
    func schedule(_ injections: [InjectionSpec]) {
        for spec in injections { scheduleFault(spec.fault, intoTaskNamed: spec.taskName, at: spec.time) }
    }
}
