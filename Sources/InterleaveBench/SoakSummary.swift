import Foundation
import Interleave

/// The soak's closing report: what ran, what was checked, memory, and any violation.
struct SoakSummary {
    let tally: SoakTally
    let checker: SoakChecker
    let seconds: Double
    let keepEvents: Int

    var text: String {
        let world = checker.world
        let events = world.eventCount
        var lines = [
            "soak: \(world.tasks.count) tasks, \(events) events, \(world.step) steps in \(format(seconds)) s "
                + "(\(Int(Double(events) / max(seconds, 1e-9))) events/s), virtual time \(format(Double(world.time) / 1e9)) s",
            "  outcomes: \(world.finishedTasks - world.failedTasks - world.cancelledTasks) returned, "
                + "\(world.failedTasks) failed, \(world.cancelledTasks) cancelled; "
                + "injected faults ended \(tally.failed) worker(s) by failure and \(tally.cancelled) by cancellation",
            "  checked: \(tally.lockEntries) lock entries (one holder each), \(tally.permitsTaken) permits "
                + "(never over \(SoakWorkload.permits)), \(tally.itemsPut) items put and \(tally.itemsGot) got (none lost or duplicated)",
            "  memory: peak RSS \(peakResidentMegabytes().map { "\($0) MB" } ?? "unknown"), "
                + (keepEvents > 0 ? "newest \(keepEvents) events kept (at most \(checker.peakHeldEvents) held)"
                                  : "all events kept"),
        ]
        if tally.violationCount == 0 {
            lines.append("  result: every invariant held")
        } else {
            lines.append("  result: \(tally.violationCount) violation(s):")
            lines += tally.violations.map { "    - \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The process's peak resident set size (VmHWM), from /proc on Linux.
    private func peakResidentMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }
}
