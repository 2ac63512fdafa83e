import InterleaveTrace

/// Everything the UI remembers between frames: mode, selection, focus, scroll, speed, overlays.
///
/// A plain value changed only by `reduce(_:)`, so every key's behaviour is testable without a
/// terminal, a runtime or a trace. Views read it; they never change it.
/// ```swift
/// var state = AppState(width: 120, height: 40)
/// let effects = state.reduce(.togglePause)   // [.pause]
/// state.mode                                  // .paused
/// ```
public struct AppState: Sendable, Equatable {
    /// Whether the trace is advancing, and what drives it.
    public enum Mode: Sendable, Hashable, CaseIterable {
        /// A runtime is running the demo and the view follows it.
        case live
        /// Nothing advances until the user steps or resumes.
        case paused
        /// A recorded trace is playing back.
        case replay
        /// The demo picker is showing; no run is open.
        case picker
    }

    /// The modes in which a run (live or recorded) is on screen.
    public static let runModes: Set<Mode> = [.live, .paused, .replay]

    /// The panes that can hold keyboard focus, in Tab order.
    public enum Pane: Int, Sendable, Hashable, CaseIterable {
        case timeline, resources, log, output, code

        public var title: String {
            switch self {
            case .timeline: "Timeline"
            case .resources: "Resources"
            case .log: "Events"
            case .output: "Output"
            case .code: "Code"
            }
        }
    }

    /// Speed limits as powers of two (the shared `PlaybackSpeed` range).
    public static let speedExponents = PlaybackSpeed.exponents

    public var mode: Mode
    /// True when showing a recorded trace with no runtime behind it (no faults, no live edge).
    public var isReplay: Bool
    /// True for a recording whose program the session can rerun (a demo's trace): `e` explores
    /// its other schedules.
    public var replayCanExplore = false
    /// Copied from the world: a deadlock was detected.
    public var deadlocked = false
    /// Copied from the world: the run is over.
    public var ended = false
    public var selected: TaskID?
    public var focus: Pane = .timeline
    /// Per-pane scroll: first lane (timeline), first row (resources), rows up from the newest
    /// (log), rows away from the followed line (code).
    public var scroll = ScrollOffsets()
    /// Speed as a power of two (0 means 1×).
    public var speedExponent = 0
    public var showHelp = false
    public var showDetail = false
    /// The step the view was moved back to while the run is further ahead, if any.
    public var rewoundTo: Int?
    public var recording: Bool
    /// Simplified, high-contrast layout with big bars and a prominent caption.
    public var presentation: Bool
    /// The playlist's progress, when presenting one (`interleave present`).
    public var deck: PresentationDeck?
    /// Set by `.quit`; the driver leaves its loop when it sees it.
    public var shouldQuit = false
    /// The catalogue this session can go back to (p or Esc in a run); nil when it has none (a
    /// replay, a presentation, your own `visualize` workload).
    public var picker: PickerState?
    /// The run was chosen in the picker, so `q` goes back there instead of ending the program.
    public var returnsToPicker = false
    /// Feedback for the last action, shown in the caption bar until the driver clears it.
    public var status: StatusNote?
    /// The step a search for a failing continuation (`e`) went on from, while it runs.
    public var exploringFrom: Int?
    public var width: Int
    public var height: Int
    /// Copied from the latest `WorldFacts`.
    public var step = 0
    public var latestStep = 0
    /// The furthest virtual time this run has reached, which the timeline's axis covers. It only
    /// grows (stepping back or rewinding keeps it), so the axis holds still while the user steps
    /// through a run; a restart starts it again.
    public var timeAxisSpan: Int64 = 0
    public var taskOrder: [TaskID] = []
    public var eventCount = 0
    public var resourceCount = 0
    /// Copied from the latest `WorldFacts`: each task's state, by index.
    public var taskStates: [TaskState] = []
    /// The run stops at each choice between ready tasks for the user to make (`--schedule
    /// manual`, `m`, a challenge).
    public var manualSchedule = false
    /// Copied from the latest `WorldFacts`: the tasks offered at the pending choice, and the
    /// choices made so far.
    public var choiceOffer: [TaskID] = []
    public var choicesMade = 0
    /// The challenge being played, if the run is one (`interleave challenge`).
    public var challenge: ChallengeState?
    /// The item number typed so far in a presentation (digit keys), until another key.
    public var typedItemNumber: Int?
    /// Predict mode's questions and score, when the run asks the class to predict its steps.
    public var prediction: PredictionSession?
    /// The lanes the timeline makes room for: a presented item's whole trace, else the most
    /// tasks seen so far.
    public var laneBudget = 0

    /// Creates the state for a live run (`replay: false`) or a recorded trace (`replay: true`).
    public init(
        replay: Bool = false, width: Int = 80, height: Int = 24, speed: Double = 1,
        presentation: Bool = false, recording: Bool = false
    ) {
        isReplay = replay
        mode = replay ? .replay : .live
        self.width = width
        self.height = height
        self.presentation = presentation
        self.recording = recording
        speedExponent = Self.exponent(for: speed)
    }

    /// Creates the state for a session that opens on the demo picker.
    public init(picker: PickerState, width: Int = 80, height: Int = 24, presentation: Bool = false) {
        self.init(width: width, height: height, presentation: presentation)
        self.picker = picker
        mode = .picker
    }

    /// Virtual seconds per wall second.
    public var speed: Double { Double(sign: .plus, exponent: speedExponent, significand: 1) }

    /// "1×", "4×", "1/2×".
    public func speedLabel(times: String = "×") -> String {
        speedExponent >= 0 ? "\(1 << speedExponent)\(times)" : "1/\(1 << -speedExponent)\(times)"
    }

    /// The mode to return to when unpausing.
    public var runningMode: Mode { isReplay ? .replay : .live }

    /// The screen layout for the current size and presentation flag.
    public var layout: Layout {
        Layout(
            width: width, height: height, presentation: presentation, presentationFooter: showHelp, lanes: laneBudget)
    }

    /// The nearest power of two to `speed`, within `speedExponents`.
    static func exponent(for speed: Double) -> Int {
        guard speed > 0, speed.isFinite else { return 0 }
        var exponent = 0
        var value = 1.0
        while value * 1.5 < speed, exponent < speedExponents.upperBound { value *= 2; exponent += 1 }
        while value / 1.5 > speed, exponent > speedExponents.lowerBound { value /= 2; exponent -= 1 }
        return exponent
    }
}

/// Scroll positions of the panes.
public struct ScrollOffsets: Sendable, Equatable {
    private var offsets = [Int](repeating: 0, count: AppState.Pane.allCases.count)
    public init() {}
    public subscript(pane: AppState.Pane) -> Int {
        get { offsets[pane.rawValue] }
        set { offsets[pane.rawValue] = newValue }
    }
}
