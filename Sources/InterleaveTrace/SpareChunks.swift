/// Chunks of element storage that `ChunkedLog`s gave back, kept for the next log to fill.
///
/// Why: a chunk of a log's storage is written once, and fresh memory costs a page fault a page
/// (about 3 µs a 4 KB page on the machines we measure on, 0.7 ns a byte). For a busy workload
/// that was as much as everything else tracing costs. A process makes new traces again and again
/// (each rewind and restart, each demo of a playlist, each run of `bench`), and glibc returns
/// chunks this large to the system when they are freed, so every trace paid that cost afresh.
/// Reused chunks are already in memory. What is held is capped at `capacityBytes`; past that,
/// chunks are freed as before.
///
/// ```swift
/// let bytes = 1 << 19
/// let chunk = SpareChunks.shared.take(bytes: bytes) ?? SpareChunks.allocate(bytes: bytes)
/// SpareChunks.shared.give(chunk, bytes: bytes)   // kept, or freed if the cap is reached
/// ```
public final class SpareChunks: Sendable {
    /// The pool every `ChunkedLog` uses.
    public static let shared = SpareChunks(capacityBytes: 64 << 20)

    /// Alignment of every chunk: enough for any element a log holds (checked at allocation).
    static let alignment = 16

    /// Most bytes held at once.
    public let capacityBytes: Int

    /// Held chunks' addresses by size in bytes; no one else refers to their memory. Behind a
    /// pthread mutex, not `Synchronization.Mutex`: logs on several threads give and take
    /// chunks, and ThreadSanitizer cannot see the futex that `Mutex` parks on (`PthreadLocked`).
    private let held = PthreadLocked<Shelf>(Shelf())

    private struct Shelf {
        var chunksBySize: [Int: [UInt]] = [:]
        var bytes = 0
    }

    public init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    deinit {
        held.withLock { shelf in
            for chunks in shelf.chunksBySize.values { for chunk in chunks { Self.pointer(chunk).deallocate() } }
        }
    }

    /// New, unpooled storage of `bytes`, aligned for any element.
    public static func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        .allocate(byteCount: bytes, alignment: alignment)
    }

    /// A held chunk of exactly `bytes`, now the caller's, or nil if none is held.
    public func take(bytes: Int) -> UnsafeMutableRawPointer? {
        let address = held.withLock { (shelf: inout Shelf) -> UInt? in
            guard let chunk = shelf.chunksBySize[bytes]?.popLast() else { return nil }
            shelf.bytes -= bytes
            return chunk
        }
        return address.map(Self.pointer)
    }

    /// Takes back a chunk of `bytes` from `allocate` or `take`, whose elements are deinitialized:
    /// kept for reuse while under the cap, else freed.
    public func give(_ chunk: UnsafeMutableRawPointer, bytes: Int) {
        let kept = held.withLock { shelf in
            guard shelf.bytes + bytes <= capacityBytes else { return false }
            shelf.chunksBySize[bytes, default: []].append(UInt(bitPattern: chunk))
            shelf.bytes += bytes
            return true
        }
        if !kept { chunk.deallocate() }
    }

    private static func pointer(_ address: UInt) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(bitPattern: address).unsafelyUnwrapped
    }

    /// Bytes held for reuse.
    public var heldBytes: Int { held.withLock { $0.bytes } }
}
