extension ExploreReport {
    /// The one line `interleave explore` prints, e.g. "explore bank: overdraft: balance -60
    /// after 3 schedules (0.002 s, 1,500 schedules/s); shrunk to 1 preemption, 12 steps; saved
    /// bank-failure.itrace — interleave replay bank-failure.itrace".
    public func summary(program name: String, strategy: ExploreStrategy) -> String {
        let pace = "\(Self.secondsText(searchSeconds)) s, \(formatGrouped(Int(schedulesPerSecond.rounded()))) schedules/s"
        guard let failure, let schedule else {
            let scope = exhausted ? "every schedule \(strategy.boundText)" : "\(formatGrouped(schedulesRun)) schedules"
            let count = exhausted ? " (\(formatGrouped(schedulesRun)))" : ""
            return "explore \(name): no failure in \(scope)\(count) (\(pace))"
        }
        let plural = schedule.preemptions == 1 ? "" : "s"
        var line = "explore \(name): \(failure) after \(formatGrouped(foundAt ?? schedulesRun)) schedule"
            + "\((foundAt ?? schedulesRun) == 1 ? "" : "s") (\(pace)); shrunk to \(schedule.preemptions) preemption\(plural), "
            + "\(steps) steps"
        if let tracePath { line += "; saved \(tracePath) — interleave replay \(tracePath)" }
        return line
    }

    /// Two significant decimals for short searches, fewer for long ones: 0.04, 1.3, 12.
    static func secondsText(_ seconds: Double) -> String {
        let places = seconds < 1 ? 3 : seconds < 10 ? 1 : 0
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (seconds * scale).rounded() / scale
        return places == 0 ? String(Int(rounded)) : String(rounded)
    }
}

extension ExploreStrategy {
    /// "within 2 preemptions" for a bounded search; empty for the others.
    var boundText: String {
        if case .dfs(let bound) = self { return "within \(bound) preemption\(bound == 1 ? "" : "s")" }
        return ""
    }
}
