import Interleave
import InterleaveTrace

/// The program behind a recording, so that a replay can explore its other schedules: the
/// workload, and the schedule policy the recording was made with (read from its header).
///
/// ```swift
/// if let program = ReplayProgram(header: store.header, program: { demo.start(on: $0, options: options) }) { … }
/// ```
public struct ReplayProgram: Sendable {
    public let program: Explorer.Program
    public let policy: SchedulePolicy

    /// Nil when the header names a policy this version cannot rerun.
    public init?(header: TraceHeader, program: @escaping Explorer.Program) {
        switch header.schedule {
        case "fifo": policy = .fifo
        case "random": policy = .random(seed: header.seed)
        case "replay": policy = .replay(Schedule(header.choices))
        default: return nil
        }
        self.program = program
    }

    /// True when `rerun` is the recording's own run up to `events` events: the same events by
    /// kind, task, resource, argument and time. A recording made with options the header does
    /// not keep (`--tasks`) reruns differently, and then nothing found from it would be true.
    public static func rerun(_ rerun: TraceStore, matches recording: TraceStore, throughEvent events: Int) -> Bool {
        guard rerun.events.count >= events, recording.events.count >= events else { return false }
        for index in 0..<events {
            let a = rerun.events[index], b = recording.events[index]
            guard a.kind == b.kind, a.task == b.task, a.resource == b.resource, a.arg == b.arg, a.time == b.time else {
                return false
            }
        }
        return true
    }
}
