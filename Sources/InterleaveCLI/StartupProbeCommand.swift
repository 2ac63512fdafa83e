import ArgumentParser
import InterleaveBench

/// `interleave startup-probe` (hidden): what `interleave demo hello` does up to its first
/// frame, then exit; `bench` times it.
struct StartupProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "startup-probe", shouldDisplay: false)

    func run() throws {
        do { try StartupProbe.firstFrame() } catch { throw fail("\(error)") }
    }
}
