import InterleaveTrace

/// Maps virtual time to timeline columns with a round number of nanoseconds per column, and
/// labels the axis at round times.
///
/// The scale only changes when the trace outgrows it, so bars do not wobble from frame to frame.
/// ```swift
/// let scale = TimeScale(span: 2 * nanosecondsPerSecond, columns: 50)
/// scale.column(nanosecondsPerSecond)   // 20 (50 ms per column)
/// ```
public struct TimeScale: Sendable, Equatable {
    public let nanosecondsPerColumn: Int64
    public let columns: Int

    /// A scale on which `span` fits in `columns`, keeping two columns spare for end markers.
    public init(span: Int64, columns: Int) {
        self.columns = max(1, columns)
        let usable = Int64(max(1, self.columns - 2))
        let needed = max(1, max(span, 1).dividedRoundingUp(by: usable))
        // Steps of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (in tenths of `unit`) waste at most a quarter of the width.
        var unit: Int64 = 1
        var chosen: Int64 = 0
        search: while unit <= Int64.max / 1000 {
            for tenths: Int64 in [10, 15, 20, 25, 30, 40, 50, 60, 80] where tenths * unit / 10 >= needed {
                chosen = tenths * unit / 10
                break search
            }
            unit *= 10
        }
        nanosecondsPerColumn = max(1, chosen > 0 ? chosen : needed)
    }

    /// The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `span` ns: the
    /// spans an axis steps through as a run grows (0.1 s, 0.2 s, 0.25 s, 0.5 s, 1 s, …).
    public static func niceSpan(_ span: Int64) -> Int64 {
        let target = max(1, span)
        var power: Int64 = 1
        while power <= Int64.max / 100 {
            for tenths: Int64 in [10, 20, 25, 50] where power * tenths / 10 >= target { return power * tenths / 10 }
            power *= 10
        }
        return target
    }

    /// The column that shows time `t` (clamped to the scale).
    public func column(_ t: Int64) -> Int {
        Int(max(0, min(t / nanosecondsPerColumn, Int64(columns - 1))))
    }

    /// The last column an interval ending (exclusively) at `t` covers, never before `start`.
    public func lastColumn(endingAt t: Int64, start: Int) -> Int {
        let end = t.dividedRoundingUp(by: nanosecondsPerColumn) - 1
        return max(start, Int(max(0, min(end, Int64(columns - 1)))))
    }

    /// Round times and their columns, at least `spacing` columns apart.
    public func ticks(spacing: Int) -> [(column: Int, label: String)] {
        let minimum = nanosecondsPerColumn.saturatingMultiplied(by: Int64(max(1, spacing)))
        var step: Int64 = 1
        search: while step <= Int64.max / 100 {
            for mantissa: Int64 in [1, 2, 5] where mantissa * step >= minimum {
                step *= mantissa
                break search
            }
            step *= 10
        }
        var result: [(column: Int, label: String)] = []
        var t: Int64 = 0
        while t / nanosecondsPerColumn < Int64(columns) {
            result.append((Int(t / nanosecondsPerColumn), Self.label(t, step: step)))
            let (next, overflow) = t.addingReportingOverflow(step)
            if overflow { break }
            t = next
        }
        return result
    }

    /// "0s", "1.5s", "0.25ms": as short as the tick step allows (ASCII, for every terminal).
    static func label(_ t: Int64, step: Int64) -> String {
        if step < 1_000_000, t != 0 {
            return step < 1_000 ? "\(t)ns" : "\(trim(t, per: 1_000_000))ms"
        }
        return "\(trim(t, per: nanosecondsPerSecond))s"
    }

    /// `t / per` with up to three decimals and no trailing zeros.
    private static func trim(_ t: Int64, per: Int64) -> String {
        let whole = t / per
        let milli = (t % per) * 1000 / per
        guard milli != 0 else { return "\(whole)" }
        var fraction = String(milli)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }
}
