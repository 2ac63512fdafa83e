import Demos
import Interleave
import InterleaveApp
import InterleaveUI

extension TUIApp {
    /// Opens a challenge's program live under a manual schedule, which stops at every choice
    /// for the learner to make (the picker stays reachable with `p`).
    static func runChallenge(_ challenge: Challenge) throws {
        let options = try RunOptions.parse([])
        try withBackend { backend in
            let demo = challenge.demo
            let run = options.workload.run(of: demo)
            let source = LiveSource(
                policy: .manual(.fifo), speed: options.speed(for: demo), startPaused: false,
                stallDuration: .milliseconds(Int64(options.stall * 1000)),
                captionHold: DemoPace.captionHoldSeconds, program: run.start
            ) { policy in
                options.workload.run(of: demo, terminalSize: (backend.size.width, backend.size.height)).makeLoop(policy: policy)
            }
            let catalogue = catalogue(options: options, backend: backend)
            endIfTerminated(TUISession(backend: backend, catalogue: catalogue, opening: source, presentation: false).run())
        }
    }
}
