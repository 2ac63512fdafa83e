import Foundation
import InterleaveTerminal
import InterleaveTrace
import InterleaveUI

/// One playlist item, ready for the session: what to call it, how fast to play it, where to
/// hold, and how to get its trace.
public struct PresentationItem: Sendable {
    public var title: String
    /// Virtual seconds per wall second (rounded to a power of two, as the speed keys step).
    public var speed: Double
    public var stops: Playlist.Stops
    /// Asks the class to predict the item's steps (`predict=on`).
    public var predict: Bool
    /// Produces the trace: a demo run headless in virtual time, or a recording already read.
    public var makeTrace: @Sendable () -> TraceStore

    public init(
        title: String, speed: Double, stops: Playlist.Stops, predict: Bool = false,
        makeTrace: @escaping @Sendable () -> TraceStore
    ) {
        self.title = title
        self.speed = speed
        self.stops = stops
        self.predict = predict
        self.makeTrace = makeTrace
    }
}

/// The presentation side of a session: the items, their traces once made, and the autoplay timer.
///
/// Every item is shown as a trace, demos included (run headless first, in milliseconds of wall
/// time): a stop then lands exactly on its event, and going back is a seek, not a re-run.
final class PresentationDriver {
    let items: [PresentationItem]
    /// Seconds to hold at each stop before moving on by itself; nil waits for the presenter.
    let autoplay: Double?
    private var traces: [Int: TraceStore] = [:]
    /// When the view started holding, and where (item, event count): moving elsewhere restarts the timer.
    private var holding: (item: Int, position: Int, since: Date)?

    init(items: [PresentationItem], autoplay: Double?) {
        self.items = items
        self.autoplay = autoplay
    }

    /// The trace of item `index`, made once and kept so that going back is instant.
    func trace(at index: Int) -> TraceStore {
        if let trace = traces[index] { return trace }
        let trace = items[index].makeTrace()
        traces[index] = trace
        return trace
    }

    /// True once the view has held at the same stop for the autoplay time.
    func autoplayIsDue(_ deck: PresentationDeck?, now: Date = Date()) -> Bool {
        guard let autoplay, let deck, deck.waiting else {
            holding = nil
            return false
        }
        guard let holding, holding.item == deck.itemIndex, holding.position == deck.position else {
            holding = (deck.itemIndex, deck.position, now)
            return false
        }
        guard now.timeIntervalSince(holding.since) >= autoplay else { return false }
        self.holding = nil
        return true
    }
}

extension TUISession {
    /// Opens a session that presents `items` in order (`interleave present`).
    public convenience init(backend: NCursesBackend, presenting items: [PresentationItem], autoplay: Double?) {
        self.init(
            backend: backend, live: nil, replay: TraceStore(), speed: items.first?.speed ?? 1, presentation: true,
            presenter: PresentationDriver(items: items, autoplay: autoplay))
    }

    /// Puts item `index` on screen, playing from its start, or held at its end when going back.
    func loadPresentationItem(_ index: Int, atEnd: Bool) {
        guard let presenter, presenter.items.indices.contains(index) else { return }
        let item = presenter.items[index]
        let trace = presenter.trace(at: index)
        cursor = TraceCursor(store: trace)
        cursor.indexAll()
        let deck = PresentationDeck(
            itemIndex: index, itemCount: presenter.items.count, title: item.title,
            stops: item.stops.positions(in: trace), autoplay: presenter.autoplay != nil, laneCount: trace.tasks.count)
        for effect in state.reduce(.presentationItemLoaded(deck, speed: item.speed)) { _ = perform(effect) }
        // Autoplay has no class at the keys to answer, so it plays a predicting item straight through.
        let predict = item.predict && presenter.autoplay == nil
        _ = state.reduce(.predictionsLoaded(Self.predictions(for: trace, predict: predict, atEnd: atEnd)))
        if atEnd { cursor.seek(toEvent: trace.events.count) }
        player.playing = !atEnd
        refreshFacts()
    }

    /// With autoplay, moves on after the presenter's time at a stop; returns how the session ends, if it does.
    func autoplayIfDue() -> Outcome? {
        guard let presenter, presenter.autoplayIsDue(state.deck) else { return nil }
        for effect in state.reduce(.presentNext) {
            if let outcome = perform(effect) { return outcome }
        }
        return nil
    }
}
