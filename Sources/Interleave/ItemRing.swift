/// A growable FIFO ring of a queue's items, oldest first.
///
/// `Deque` would do, except where it matters most: `Queue<Element>` is generic, and code that
/// uses it from another module (every demo, every user) runs its methods unspecialized. There,
/// each `Deque` call looks up its storage class's metadata in the runtime's cache, which was a
/// third of the cost of a queue hand-off. Raw element pointers need only the element type's
/// value witnesses, which unspecialized code already has.
/// ```swift
/// var ring = ItemRing<String>()
/// ring.append("a"); ring.append("b")
/// ring.removeFirst()  // "a"
/// ```
struct ItemRing<Element>: ~Copyable {
    private var storage: UnsafeMutablePointer<Element>?
    private var capacity = 0
    private var head = 0
    private(set) var count = 0

    init() {}

    deinit {
        guard let storage else { return }
        for offset in 0..<count { (storage + slot(offset)).deinitialize(count: 1) }
        storage.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// Adds an item at the back, doubling the storage when full.
    @inline(__always)
    mutating func append(_ item: Element) {
        if count == capacity { grow() }
        (storage.unsafelyUnwrapped + slot(count)).initialize(to: item)
        count += 1
    }

    /// Removes and returns the oldest item; the ring must not be empty.
    @inline(__always)
    mutating func removeFirst() -> Element {
        precondition(count > 0, "removeFirst from an empty queue")
        let item = (storage.unsafelyUnwrapped + head).move()
        head = head + 1 == capacity ? 0 : head + 1
        count -= 1
        return item
    }

    /// The items, oldest first (for tests and inspection).
    var elements: [Element] {
        (0..<count).map { storage.unsafelyUnwrapped[slot($0)] }
    }

    private func slot(_ offset: Int) -> Int {
        let index = head + offset
        return index >= capacity ? index - capacity : index
    }

    private mutating func grow() {
        let newCapacity = max(8, capacity * 2)
        let newStorage = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if let storage {
            // Move the wrapped-around halves into order at the start of the new storage.
            let firstPart = min(count, capacity - head)
            newStorage.moveInitialize(from: storage + head, count: firstPart)
            (newStorage + firstPart).moveInitialize(from: storage, count: count - firstPart)
            storage.deallocate()
        }
        storage = newStorage
        capacity = newCapacity
        head = 0
    }
}
