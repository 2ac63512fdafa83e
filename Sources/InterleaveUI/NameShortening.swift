import InterleaveTrace

/// Cuts task and resource names to a width by taking out their middle, so that names that
/// differ only at the end stay distinct: demos number their tasks (`philosopher1`…`5`,
/// `download1`…`8`), and cutting the end would turn five names into five identical strings.
///
/// ```swift
/// NameShortening.shorten("philosopher3", to: 8, ellipsis: "…")   // "philo…r3"
/// NameShortening.shorten("download7", to: 7, ellipsis: "…")      // "down…d7"
/// NameShortening.shorten("task2", to: 8, ellipsis: "…")          // "task2"
/// ```
public enum NameShortening {
    /// `name` if it fits in `width` cells, else its start, the ellipsis and its end.
    ///
    /// The end keeps a third of the room, and always the whole trailing number and the
    /// character before it, since that is what tells numbered siblings apart.
    public static func shorten(_ name: String, to width: Int, ellipsis: Unicode.Scalar) -> String {
        let scalars = Array(name.unicodeScalars)
        guard width > 0 else { return "" }
        guard scalars.count > width else { return name }
        let room = width - 1
        guard room > 0 else { return String(ellipsis) }
        let tail = min(room, max(tailLength(of: scalars), room / 3, 1))
        var out = String.UnicodeScalarView(scalars.prefix(room - tail))
        out.append(ellipsis)
        out.append(contentsOf: scalars.suffix(tail))
        return String(out)
    }

    /// The trailing number plus one character ("r3" of "philosopher3", "_a" of "download_a").
    private static func tailLength(of scalars: [Unicode.Scalar]) -> Int {
        let digits = scalars.reversed().prefix { $0.properties.numericType != nil }.count
        return min(scalars.count, digits + 1)
    }
}

extension ViewContext {
    /// A task or resource name cut to `width` cells in the middle (see `NameShortening`);
    /// escaped first so that the count matches what `Buffer.write` will show.
    func fitName(_ name: String, _ width: Int) -> String {
        NameShortening.shorten(SafeText.escape(name), to: width, ellipsis: glyphs.ellipsis)
    }
}

extension ViewContext {
    /// A sentence cut to `width` cells: first the names in it give way in their middle (down to
    /// six cells each), so that "held by philosopher1" becomes "held by philo…r1" rather than
    /// "held by ph…"; only then is the end cut.
    func fitSentence(_ text: String, naming names: [String], _ width: Int) -> String {
        let sentence = SafeText.escape(text)
        let excess = sentence.unicodeScalars.count - width
        guard excess > 0 else { return sentence }
        // Longest first, so that "worker1" is not replaced inside "worker10".
        let found = Set(names.map(SafeText.escape))
            .filter { $0.unicodeScalars.count > Self.shortestNameInSentence }
            .sorted { ($0.unicodeScalars.count, $0) > ($1.unicodeScalars.count, $1) }
            .map { (name: $0, occurrences: sentence.ranges(of: $0).count) }
            .filter { $0.occurrences > 0 }
        let occurrences = found.map(\.occurrences).reduce(0, +)
        guard occurrences > 0 else { return fit(sentence, width) }
        // Every name gives up the same share, so that none is cut to nothing.
        let share = (excess + occurrences - 1) / occurrences
        var shortened = sentence
        for (name, _) in found {
            let cut = max(Self.shortestNameInSentence, name.unicodeScalars.count - share)
            shortened = shortened.replacing(name, with: NameShortening.shorten(name, to: cut, ellipsis: glyphs.ellipsis))
        }
        // Cut names only when that makes the sentence whole; if its end is lost anyway, the
        // names might as well stay readable.
        return fit(shortened.unicodeScalars.count <= width ? shortened : sentence, width)
    }

    /// The task names a sentence about `event` can contain, which may give way when it is cut.
    func taskNames(in event: TraceEvent) -> [String] {
        switch event.kind {
        case .taskCreated, .taskWoken, .taskCancelRequested, .deadlock:
            return [store.taskName(event.task), store.taskName(event.argTask)]
        case .taskWaiting where event.waitReason == .join:
            return [store.taskName(event.task), store.taskName(event.awaitedTask)]
        default:
            return [store.taskName(event.task)]
        }
    }

    /// In a sentence a name gives way only when longer than this, and down to this: cutting
    /// "reporter" to "repo…r" saves two cells and costs the reader the name.
    static let shortestNameInSentence = 8
}
