import Demos
import Interleave
import InterleaveApp
import InterleaveTrace
import InterleaveUI
import Testing

/// The plain report as a handout: every lane ends in the glyph of how its task ended, the
/// diagnostics name every failure, cancellation, fault and deadlock, and `--captions` puts
/// the narration among the output in time order.
@Suite struct PlainHandoutTests {
    /// The report of `name` run with `injections`, as `interleave demo NAME --plain` prints it.
    func report(_ name: String, injecting injections: [String] = [], captions: Bool = false) throws -> String {
        let specs = try injections.map { try InjectionSpec(parsing: $0) }
        let store = try DemoRun.run(of: name).run(injecting: specs).store
        return PlainReport(store: store, includesCaptions: captions).render()
    }

    /// The timeline bar of the lane named `task`, between its bars.
    func lane(_ task: String, in report: String) -> String? {
        for line in report.split(separator: "\n") {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 3, parts[0].trimmingCharacters(in: .whitespaces) == task { return String(parts[1]) }
        }
        return nil
    }

    @Test func aFailedTaskEndsItsLaneWithAnX() throws {
        let text = try report("gather", injecting: ["fail task2 at 0.5s"])
        let bar = try #require(lane("task2", in: text), "\(text)")
        #expect(bar.last == "x", "task2 failed:\n\(text)")
    }

    @Test func aCancellationAtTheLastInstantShowsAsCNotAsARun() throws {
        // timeout cancels slow_query at 1 s, the run's last instant.
        let text = try report("timeout")
        let bar = try #require(lane("slow_query", in: text), "\(text)")
        #expect(bar.last == "c", "slow_query was cancelled at the end:\n\(text)")
    }

    @Test func everyLaneEndsInHowItsTaskEnded() throws {
        for name in ["gather", "task-group", "timeout", "errors"] {
            let run = DemoRun(name)
            let store = run.store
            let text = run.plain
            let world = run.world
            for (index, task) in world.tasks.enumerated() {
                let glyph: Character? = switch task.state {
                case .failed: "x"
                case .cancelled: "c"
                default: nil
                }
                guard let glyph else { continue }
                let info = store.task(TaskID(index))
                let label = SafeText.escape(info.name)
                let bar = try #require(lane(label, in: text), "\(name): \(label)")
                #expect(bar.last == glyph, "\(name): \(info.name) ends in \(glyph):\n\(text)")
            }
        }
    }

    @Test func diagnosticsListCancellationsFailuresAndFaults() throws {
        let text = try report("gather", injecting: ["cancel task1 at 0.5s"])
        let diagnostics = try #require(text.components(separatedBy: "diagnostics:").last)
        #expect(diagnostics.contains("you cancelled task1"))
        #expect(diagnostics.contains("task1 cancelled"))
        let group = try report("task-group")
        #expect(group.contains("download_a cancelled") && group.contains("download_b failed"))
    }

    @Test func captionsAreInterleavedInTimeOrderWhenAsked() throws {
        let without = try report("lock")
        let with = try report("lock", captions: true)
        let store = DemoRun("lock").store
        let captions = store.events.snapshot().filter { $0.kind == .caption }
        try #require(!captions.isEmpty)
        for caption in captions {
            let text = SafeText.escape(store.string(StringID(rawValue: UInt32(truncatingIfNeeded: caption.arg))))
            #expect(with.contains("\(formatSeconds(caption.time))  >> \(text)"), "caption shown: \(text)")
            #expect(!without.contains(text))
        }
        // The printed section stays in time order with the captions in it.
        let printed = with.components(separatedBy: "\n\n").first ?? ""
        let times = printed.split(separator: "\n").compactMap { Double($0.prefix { $0 != "s" }) }
        #expect(times == times.sorted() && times.count > captions.count)
    }
}
