import InterleaveUI

/// The demos a session's picker offers, and how to start one live.
///
/// The executable knows the demos; the session knows only their names, and asks `open` for a
/// running source when the user picks one.
/// ```swift
/// let catalogue = DemoCatalogue(entries: entries, highlighting: "lock") { name in makeSource(name) }
/// TUISession(backend: backend, catalogue: catalogue, opening: nil, presentation: false).run()
/// ```
public struct DemoCatalogue {
    /// The list as the picker first shows it.
    public var picker: PickerState
    /// Starts the named demo (or challenge) on its loop thread, scheduled by hand when the
    /// flag says so (a challenge always is); nil for a name the catalogue does not have.
    public var open: (_ name: String, _ manual: Bool) -> LiveSource?
    /// What the UI shows of the named challenge; nil for a demo.
    public var challenge: (String) -> ChallengeInfo?

    /// `highlighting` names the demo the picker highlights first: the one the session opens
    /// on, so that `p` from it lands on it.
    public init(
        entries: [PickerState.Entry], highlighting name: String? = nil,
        challenge: @escaping (String) -> ChallengeInfo? = { _ in nil },
        open: @escaping (_ name: String, _ manual: Bool) -> LiveSource?
    ) {
        picker = PickerState(entries: entries, highlighting: name)
        self.challenge = challenge
        self.open = open
    }
}
