/// Where a presentation stands: which playlist item is on screen, where it holds, and whether
/// it is holding now, waiting for the presenter (or the autoplay timer) to move on.
///
/// The driver fills it in when it loads an item; the reducer moves through it like a slide deck.
/// ```swift
/// let deck = PresentationDeck(itemIndex: 0, itemCount: 3, title: "Coroutines", stops: [4, 17, 30])
/// deck.nextStop(after: 4)       // 17
/// deck.previousStop(before: 4)  // nil: the previous item comes next
/// ```
public struct PresentationDeck: Sendable, Equatable {
    public var itemIndex: Int
    public var itemCount: Int
    /// The item's title, from the playlist or the demo (untrusted: views escape it).
    public var title: String
    /// Event counts at which the item holds, ascending; the last one is the end of its trace.
    public var stops: [Int]
    /// Moves on by itself after a while at each stop, and quits after the last item.
    public var autoplay: Bool
    /// The event count the view shows, as last reported by the driver (-1 before the first report).
    public var position = -1
    /// Holding at a stop.
    public var waiting = false
    /// Past the end of the last item: the screen says so until the presenter quits.
    public var finished = false
    /// Tasks in the item's whole trace: its timeline is sized for all of them from the start.
    public var laneCount: Int

    public init(itemIndex: Int, itemCount: Int, title: String, stops: [Int], autoplay: Bool = false, laneCount: Int = 0) {
        self.itemIndex = itemIndex
        self.itemCount = itemCount
        self.title = title
        self.stops = stops.isEmpty ? [0] : stops
        self.autoplay = autoplay
        self.laneCount = laneCount
    }

    /// The end of the item's trace.
    public var end: Int { stops.last ?? 0 }

    /// True when the view shows the whole item.
    public var atItemEnd: Bool { position >= end }

    public var isLastItem: Bool { itemIndex + 1 >= itemCount }

    /// The first stop after `position`, if any.
    public func nextStop(after position: Int) -> Int? { stops.first { $0 > position } }

    /// The last stop before `position`, if any.
    public func previousStop(before position: Int) -> Int? { stops.last { $0 < position } }

    /// Which stop the view is at or past (1-based; 0 before the first), for "stop 2/5".
    public var stopsPassed: Int { stops.count { $0 <= position } }
}
