import Foundation

/// The file the record key writes: the demo and the local date and time to the minute, which
/// a person can read and sort (`interleave-gather-2026-12-02-0105.itrace`), with `-2`, `-3`, …
/// added when that name is taken, so a recording never replaces another.
///
/// ```swift
/// RecordingFileName.unused(demo: "gather", at: Date())   // "interleave-gather-2026-12-02-0105.itrace"
/// ```
public enum RecordingFileName {
    /// The first candidate name in the current directory that no file has.
    public static func unused(
        demo: String, at date: Date, timeZone: TimeZone = .current,
        exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> String {
        let base = "interleave-\(demo.isEmpty ? "run" : demo)-\(stamp(date, timeZone: timeZone))"
        var attempt = 1
        while true {
            let name = attempt == 1 ? "\(base).itrace" : "\(base)-\(attempt).itrace"
            if !exists(name) { return name }
            attempt += 1
        }
    }

    /// "2026-12-02-0105": local time, to the minute.
    static func stamp(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))-\(two(parts.hour))\(two(parts.minute))"
    }
}
