import Foundation
import Synchronization

/// An append-only sequence for one writer thread and any number of reader threads.
///
/// The writer fills fixed-size chunks and then publishes the new count with release ordering;
/// readers load the count with acquire ordering and may read every element below it without a
/// lock, because published elements never move or change. Appending never copies old elements,
/// so a trace of tens of millions of events grows at constant cost per event.
/// ```swift
/// let log = ChunkedLog<Int>()
/// log.append(7)            // writer thread only
/// log.count                // 1, from any thread
/// log[0]                   // 7
/// ```
public final class ChunkedLog<Element>: @unchecked Sendable {
    @inlinable static var chunkShift: Int { 14 }
    @inlinable static var chunkSize: Int { 1 << chunkShift }
    @inlinable static var maxChunks: Int { 1 << 18 }

    @usableFromInline let directory: UnsafeMutablePointer<UnsafeMutablePointer<Element>?>
    @usableFromInline let published = Atomic<Int>(0)
    /// The writer's own count; equal to `published` except between an append and its publish.
    @exclusivity(unchecked) @usableFromInline var writerCount = 0
    /// The first chunk still held; those before it were given back by `discard(below:)`.
    @exclusivity(unchecked) private var firstHeldChunk = 0
    /// Where chunks come from when one is held, and go back to.
    @usableFromInline let spares: SpareChunks

    public init(spares: SpareChunks = .shared) {
        self.spares = spares
        // calloc, not allocate + initialize(repeating: nil): nil is all-zero bits, and calloc's
        // fresh pages cost nothing until a chunk is stored, where initializing 2^18 entries
        // through unspecialised generic code made every new store (each restart, rewind and
        // loaded file) take milliseconds and 2 MB per table. (Once glibc serves the 2 MB from
        // its heap it clears it with memset: `explore`, which runs thousands of schedules,
        // empties one store with `removeAll` instead of making new ones.) Heap memory, too,
        // is what the leak checker scans for the chunks' pointers; a mapped directory hid them.
        let stride = MemoryLayout<UnsafeMutablePointer<Element>?>.stride
        directory = calloc(Self.maxChunks, stride)!.bindMemory(to: UnsafeMutablePointer<Element>?.self, capacity: Self.maxChunks)
    }

    deinit {
        deinitializeElements()
        var chunk = firstHeldChunk
        while chunk < Self.maxChunks, let base = directory[chunk] {
            giveBack(base)
            chunk += 1
        }
        free(directory)
    }

    /// Deinitializes every element still held (chunks stay allocated).
    private func deinitializeElements() {
        let n = writerCount
        var chunk = firstHeldChunk
        while chunk * Self.chunkSize < n {
            directory[chunk].unsafelyUnwrapped.deinitialize(count: min(Self.chunkSize, n - chunk * Self.chunkSize))
            chunk += 1
        }
    }

    /// Empties the log but keeps its chunks, for a writer that fills it again and again
    /// (`explore` runs thousands of untraced schedules on one store). Writer thread only, and
    /// only while no other thread reads the log: a reader could be inside an element.
    public func removeAll() {
        deinitializeElements()
        // Chunks given back by `discard(below:)` are nil and are allocated again on demand;
        // the first held chunk is where allocated chunks start.
        if firstHeldChunk > 0, directory[firstHeldChunk] != nil {
            directory[0] = directory[firstHeldChunk]
            directory[firstHeldChunk] = nil
            var next = firstHeldChunk + 1
            var slot = 1
            while next < Self.maxChunks, let base = directory[next] {
                directory[slot] = base
                directory[next] = nil
                next += 1
                slot += 1
            }
        }
        firstHeldChunk = 0
        writerCount = 0
        published.store(0, ordering: .releasing)
    }

    /// The number of published elements (acquire load).
    @inlinable public var count: Int { published.load(ordering: .acquiring) }

    /// The largest number of elements this log can hold.
    public static var capacity: Int { maxChunks * chunkSize }

    /// Appends and publishes one element. Writer thread only. Returns the new element's index.
    @inlinable @inline(__always) @discardableResult
    public func append(_ element: Element) -> Int {
        let index = writerCount
        let chunk = index >> Self.chunkShift
        let base: UnsafeMutablePointer<Element>
        if let existing = directory[chunk] {
            base = existing
        } else {
            base = addChunk(chunk)
        }
        (base + (index & (Self.chunkSize - 1))).initialize(to: element)
        writerCount = index + 1
        published.store(index + 1, ordering: .releasing)
        return index
    }

    /// Storage for chunk number `chunk`, reused from `spares` where it holds one. Out of
    /// line: once every 2^14 appends.
    @usableFromInline @inline(never)
    func addChunk(_ chunk: Int) -> UnsafeMutablePointer<Element> {
        precondition(chunk < Self.maxChunks, "trace is full (\(Self.capacity) entries)")
        precondition(MemoryLayout<Element>.alignment <= SpareChunks.alignment)
        let raw = spares.take(bytes: Self.chunkBytes) ?? SpareChunks.allocate(bytes: Self.chunkBytes)
        let base = raw.bindMemory(to: Element.self, capacity: Self.chunkSize)
        directory[chunk] = base
        return base
    }

    /// Hands a chunk whose elements are deinitialized to `spares`, which keeps or frees it.
    private func giveBack(_ base: UnsafeMutablePointer<Element>) {
        spares.give(UnsafeMutableRawPointer(base), bytes: Self.chunkBytes)
    }

    static var chunkBytes: Int { chunkSize * MemoryLayout<Element>.stride }

    /// The element at `index`, which must be below `count`.
    @inlinable public subscript(index: Int) -> Element {
        directory[index >> Self.chunkShift].unsafelyUnwrapped[index & (Self.chunkSize - 1)]
    }

    /// Calls `body` with contiguous runs of elements in `range`, chunk by chunk, for fast scans.
    @inlinable
    public func withRuns(in range: Range<Int>, _ body: (UnsafeBufferPointer<Element>, Int) throws -> Void) rethrows {
        var i = range.lowerBound
        while i < range.upperBound {
            let chunkEnd = min(range.upperBound, ((i >> Self.chunkShift) + 1) << Self.chunkShift)
            let base = directory[i >> Self.chunkShift].unsafelyUnwrapped + (i & (Self.chunkSize - 1))
            try body(UnsafeBufferPointer(start: base, count: chunkEnd - i), i)
            i = chunkEnd
        }
    }

    /// An array copy of the published elements still held (for small logs and tests).
    public func snapshot() -> [Element] {
        let n = count
        var result: [Element] = []
        result.reserveCapacity(n)
        withRuns(in: firstHeldIndex..<n) { run, _ in result.append(contentsOf: run) }
        return result
    }

    /// Bytes allocated for element storage.
    public var allocatedBytes: Int {
        (((writerCount + Self.chunkSize - 1) >> Self.chunkShift) - firstHeldChunk) * Self.chunkSize
            * MemoryLayout<Element>.stride
    }

    /// The lowest index still readable: 0 unless older elements were discarded.
    public var firstHeldIndex: Int { firstHeldChunk << Self.chunkShift }

    /// Gives back the storage of whole chunks that lie entirely below `index`, keeping indices
    /// stable.
    ///
    /// This bounds the memory of a run that only looks forward (a soak test folding events as
    /// they come). Writer thread only, and only while no other thread reads the log: a reader
    /// could still be inside a freed chunk. Elements below `firstHeldIndex` may not be read.
    public func discard(below index: Int) {
        let end = min(index, writerCount) >> Self.chunkShift
        while firstHeldChunk < end {
            let base = directory[firstHeldChunk].unsafelyUnwrapped
            base.deinitialize(count: Self.chunkSize)
            giveBack(base)
            directory[firstHeldChunk] = nil
            firstHeldChunk += 1
        }
    }
}
