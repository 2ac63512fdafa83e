import Demos
import Foundation
import Interleave
import InterleaveTerminal
import InterleaveApp
import InterleaveUI

/// Decides whether a full-screen UI can run here, before touching the terminal.
enum TerminalCheck {
    static func unusableReason() -> String? {
        TerminalEnvironment.current().fullScreenUnavailableReason()
    }
}

/// Entry points that open the full-screen UI: a demo, the picker, a recording.
enum TUIApp {
    /// The injections apply to `demo` only, not to one chosen afterwards in the picker.
    static func runDemo(_ demo: Demo, options: RunOptions, presentation: Bool = false, injecting injections: [InjectionSpec] = []) throws {
        try withBackend { backend in
            var next: Demo? = demo
            var pending = injections
            while let current = next {
                let session = session(for: current, options: options, backend: backend, presentation: presentation, injecting: pending)
                pending = []
                let outcome = endIfTerminated(session.run())
                next = outcome == .backToPicker ? Picker(backend: backend).choose() : nil
            }
        }
    }

    static func runPicker(options: RunOptions) throws {
        try withBackend { backend in
            while let demo = Picker(backend: backend).choose() {
                if endIfTerminated(session(for: demo, options: options, backend: backend, presentation: false).run()) == .quit { break }
            }
        }
    }

    static func runReplay(_ store: TraceStore, speed: Double) throws {
        try withBackend { backend in
            _ = endIfTerminated(TUISession(backend: backend, live: nil, replay: store, speed: speed, presentation: false).run())
        }
    }

    static func session(
        for demo: Demo, options: RunOptions, backend: NCursesBackend, presentation: Bool, injecting injections: [InjectionSpec] = []
    ) -> TUISession {
        let speed = options.speed(for: demo)
        let live = LiveSource(
            policy: options.policy, speed: speed, startPaused: false, stallDuration: .milliseconds(Int64(options.stall * 1000)),
            captionHold: DemoPace.captionHoldSeconds
        ) { policy in
            // The header records the terminal as it is when this loop starts (a rewind makes a new one).
            options.workload.run(of: demo, terminalSize: (backend.size.width, backend.size.height))
                .makeLoop(policy: policy, scheduling: injections)
        }
        return TUISession(backend: backend, live: live, replay: nil, speed: speed, presentation: presentation)
    }

    /// Exits with the shell's 128 + signal when a signal ended the session (it has given the
    /// terminal back); otherwise passes the outcome on.
    @discardableResult
    static func endIfTerminated(_ outcome: TUISession.Outcome) -> TUISession.Outcome {
        if case .terminated(let signal) = outcome { Foundation.exit(128 + signal) }
        return outcome
    }

    /// Opens the terminal, runs `body`, and always gives the terminal back.
    static func withBackend(_ body: (NCursesBackend) throws -> Void) throws {
        let backend: NCursesBackend
        do { backend = try NCursesBackend() } catch { throw fail("\(error)") }
        defer { backend.restore() }
        try body(backend)
    }
}

/// The demo picker's own small frame loop.
struct Picker {
    let backend: NCursesBackend

    func choose() -> Demo? {
        let entries = Catalogue.all.map { PickerView.Entry(name: $0.name, title: $0.title, summary: $0.summary) }
        let theme = Theme.choose(color: backend.supportsColor, presentation: false)
        var selected = 0
        backend.invalidate()
        while true {
            if let signal = TerminalSignals.takeTermination() {
                backend.restore()
                exit(128 + signal)
            }
            let size = backend.size
            backend.draw(PickerView(entries: entries, selected: selected, theme: theme).render(width: size.width, height: size.height))
            guard let event = backend.nextEvent(timeoutMilliseconds: 250) else { continue }
            switch event {
            case .key(let key):
                switch PickerKeys.outcome(for: key, selected: selected, count: entries.count) {
                case .select(let index): selected = index
                case .run(let index): return Catalogue.all[index]
                case .quit: return nil
                case nil: break
                }
            case .resize: backend.invalidate()
            case .mouse: break
            }
        }
    }
}
