import Demos
import Interleave

/// How many schedules a second `explore` searches, tracing off, on the `bank` demo: a fresh
/// loop, the demo's three tasks and its check, per schedule (`explore_bank`), and the same
/// with the default strategy (PCT) picking.
///
/// Loom, the Rust peer, manages roughly 7,000 iterations a second on real code (an estimate
/// from a report of 20 M iterations in 45 minutes); there is no loom here to run side by side.
struct ExploreBenchmark {
    let scale: Double
    let output: (String) -> Void

    func run() {
        let demo = Catalogue.named("bank")!
        let schedules = max(200, Int(50_000 * scale))
        for (name, strategy) in [("explore_bank", ExploreStrategy.random), ("explore_bank_pct", .default)] {
            let explorer = Explorer(options: ExploreOptions(strategy: strategy)) { loop in
                demo.start(on: loop, options: DemoOptions())
            }
            _ = explorer.survey(schedules: schedules / 10)  // warm up
            let (failing, time) = explorer.survey(schedules: schedules)
            output(BenchLine.rate("interleave", name, schedules, time.seconds))
            output("interleave \(name) failing \(failing)")
        }
    }
}
