extension ResourceInfo {
    /// The resource as a sentence names it: its kind, then its name, unless the name already says
    /// the kind; demos call their only lock "lock" and their locks "lock A", and "lock lock A"
    /// reads as a typo.
    /// ```swift
    /// ResourceInfo(name: "db", kind: .lock, ...).kindAndName       // "lock db"
    /// ResourceInfo(name: "lock A", kind: .lock, ...).kindAndName   // "lock A"
    /// ```
    public var kindAndName: String {
        nameSaysKind ? name : "\(kind.label) \(name)"
    }

    /// Whether the name already contains the kind's word ("lock A", "event", "work queue").
    public var nameSaysKind: Bool {
        let words = name.lowercased().split { !$0.isLetter }
        let kindWords = kind.label.split(separator: " ")
        // "bounded semaphore" is said by "semaphore" or "sem" alone.
        return kindWords.contains { word in words.contains(word) } || (kind.isSemaphore && words.contains("sem"))
    }
}

extension ResourceKind {
    fileprivate var isSemaphore: Bool { self == .semaphore || self == .boundedSemaphore }
}
