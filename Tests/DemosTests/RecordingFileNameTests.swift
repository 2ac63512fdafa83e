import Foundation
import InterleaveApp
import Testing

/// The record key's file names: readable local time, never an existing file.
@Suite struct RecordingFileNameTests {
    /// 2026-12-02 01:05:30 UTC.
    let date = Date(timeIntervalSince1970: 1_796_173_530)
    let utc = TimeZone(identifier: "UTC")!

    @Test func namesTheDemoAndTheLocalMinute() {
        #expect(RecordingFileName.unused(demo: "gather", at: date, timeZone: utc, exists: { _ in false })
            == "interleave-gather-2026-12-02-0105.itrace")
        let paris = TimeZone(identifier: "Europe/Paris")!
        #expect(RecordingFileName.unused(demo: "", at: date, timeZone: paris, exists: { _ in false })
            == "interleave-run-2026-12-02-0205.itrace")
    }

    @Test func neverReusesATakenName() {
        let taken: Set = ["interleave-lock-2026-12-02-0105.itrace", "interleave-lock-2026-12-02-0105-2.itrace"]
        #expect(RecordingFileName.unused(demo: "lock", at: date, timeZone: utc, exists: taken.contains)
            == "interleave-lock-2026-12-02-0105-3.itrace")
    }
}
