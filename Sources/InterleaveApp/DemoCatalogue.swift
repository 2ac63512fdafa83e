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
    /// Starts the named demo on its loop thread; nil for a name the catalogue does not have.
    public var open: (String) -> LiveSource?

    /// `highlighting` names the demo the picker highlights first: the one the session opens
    /// on, so that `p` from it lands on it.
    public init(entries: [PickerState.Entry], highlighting name: String? = nil, open: @escaping (String) -> LiveSource?) {
        picker = PickerState(entries: entries, highlighting: name)
        self.open = open
    }
}
