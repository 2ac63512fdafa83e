/// The demos a playlist's `demo NAME` lines may name, and the words for a name that is none.
///
/// The `interleave` program fills it from its catalogue; a test can fill it with anything.
/// ```swift
/// let demos = PlaylistDemos(named: { $0 == "nap" ? PlaylistDemos.Entry(title: "A nap", run: napRun) : nil },
///                           unknownNameMessage: { "unknown demo '\($0)'" })
/// ```
public struct PlaylistDemos: Sendable {
    /// One demo: the title an item shows unless the playlist gives one, and the run that makes its trace.
    public struct Entry: Sendable {
        public var title: String
        public var run: HeadlessRun

        public init(title: String, run: HeadlessRun) {
            self.title = title
            self.run = run
        }
    }

    public let named: @Sendable (String) -> Entry?
    public let unknownNameMessage: @Sendable (String) -> String
    /// A `python FILE.py` item's program (the path resolved), or why it cannot run.
    public let program: @Sendable (String) -> Result<Entry, PlaylistLoadError>

    public init(
        named: @escaping @Sendable (String) -> Entry?, unknownNameMessage: @escaping @Sendable (String) -> String,
        program: @escaping @Sendable (String) -> Result<Entry, PlaylistLoadError> = { _ in
            .failure(PlaylistLoadError(message: "Python programs cannot be presented here"))
        }
    ) {
        self.named = named
        self.unknownNameMessage = unknownNameMessage
        self.program = program
    }
}
