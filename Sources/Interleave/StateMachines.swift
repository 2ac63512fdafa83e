import DequeModule

/// The pure logic of a FIFO-fair lock: who holds it and who waits, with no I/O and no tasks.
///
/// ```swift
/// var lock = LockStateMachine<Int>()
/// lock.tryAcquire(1)          // true: 1 holds it
/// lock.tryAcquire(2)          // false: 2 must wait
/// lock.enqueue(2)
/// lock.release()              // .handOff(to: 2)
/// ```
public struct LockStateMachine<Waiter: Equatable> {
    public private(set) var holder: Waiter?
    public private(set) var waiters = Deque<Waiter>()
    public init() {}

    public enum ReleaseAction: Equatable {
        /// Ownership passes straight to this waiter (FIFO), so no newcomer can barge in.
        case handOff(to: Waiter)
        case unlocked
        /// Release of a lock nobody holds.
        case notLocked
    }

    /// Takes the lock if it is free and nobody queues for it.
    public mutating func tryAcquire(_ waiter: Waiter) -> Bool {
        guard holder == nil, waiters.isEmpty else { return false }
        holder = waiter
        return true
    }

    public mutating func enqueue(_ waiter: Waiter) { waiters.append(waiter) }

    public mutating func release() -> ReleaseAction {
        guard holder != nil else { return .notLocked }
        if let next = waiters.popFirst() {
            holder = next
            return .handOff(to: next)
        }
        holder = nil
        return .unlocked
    }

    /// Forgets a waiter whose wait was aborted; false if it was not waiting.
    @discardableResult
    public mutating func remove(_ waiter: Waiter) -> Bool {
        guard let index = waiters.firstIndex(of: waiter) else { return false }
        waiters.remove(at: index)
        return true
    }
}

/// The pure logic of a counting semaphore with FIFO waiters and direct hand-off of permits.
///
/// ```swift
/// var sem = SemaphoreStateMachine<Int>(permits: 1)
/// sem.tryAcquire()   // true, 0 left
/// sem.tryAcquire()   // false
/// ```
public struct SemaphoreStateMachine<Waiter: Equatable> {
    public let initialPermits: Int
    public let bounded: Bool
    public private(set) var available: Int
    public private(set) var waiters = Deque<Waiter>()

    public init(permits: Int, bounded: Bool = false) {
        initialPermits = permits
        available = permits
        self.bounded = bounded
    }

    public var inUse: Int { initialPermits - available }

    public enum ReleaseAction: Equatable {
        case handOff(to: Waiter)
        case returned
        /// A bounded semaphore released more often than acquired (asyncio raises ValueError).
        case overReleased
    }

    public mutating func tryAcquire() -> Bool {
        guard available > 0, waiters.isEmpty else { return false }
        available -= 1
        return true
    }

    public mutating func enqueue(_ waiter: Waiter) { waiters.append(waiter) }

    public mutating func release() -> ReleaseAction {
        if let next = waiters.popFirst() { return .handOff(to: next) }
        if bounded && available >= initialPermits { return .overReleased }
        available += 1
        return .returned
    }

    @discardableResult
    public mutating func remove(_ waiter: Waiter) -> Bool {
        guard let index = waiters.firstIndex(of: waiter) else { return false }
        waiters.remove(at: index)
        return true
    }
}

/// The pure logic of a bounded FIFO queue with blocked putters and getters.
///
/// It counts items rather than holding them, so that it stays free of the item type: the queue
/// keeps the items themselves. Items and slots are reserved for woken waiters, so a task that
/// arrives later cannot take what was promised to one already woken: nothing is lost,
/// duplicated, or overtaken.
/// ```swift
/// var q = QueueStateMachine<Int>(capacity: 1)
/// q.tryPut()     // true: the caller stores its item
/// q.tryPut()     // false: full
/// ```
public struct QueueStateMachine<Waiter: Equatable> {
    public let capacity: Int
    /// Items in the queue, including those reserved for woken getters.
    public private(set) var count = 0
    public private(set) var getters = Deque<Waiter>()
    public private(set) var putters = Deque<Waiter>()
    /// Items already promised to woken getters.
    public private(set) var reservedItems = 0
    /// Slots already promised to woken putters.
    public private(set) var reservedSlots = 0
    /// Items put and not yet marked done (for `join`).
    public private(set) var unfinished = 0

    /// A capacity of 0 means unbounded, as in asyncio.
    public init(capacity: Int) { self.capacity = max(0, capacity) }

    var isFull: Bool { capacity > 0 && count + reservedSlots >= capacity }

    /// True (and the item counted) if there is room and no putter is ahead of the caller.
    public mutating func tryPut() -> Bool {
        guard !isFull, putters.isEmpty else { return false }
        count += 1
        unfinished += 1
        return true
    }

    /// Completes a woken putter's put into its reserved slot.
    public mutating func putReserved() {
        reservedSlots -= 1
        count += 1
        unfinished += 1
    }

    /// The first getter to wake now that an item is available, reserving that item.
    public mutating func getterToWake() -> Waiter? {
        guard count > reservedItems, let getter = getters.popFirst() else { return nil }
        reservedItems += 1
        return getter
    }

    /// True (and the item uncounted) if an item free of reservations can be taken now.
    public mutating func tryGet() -> Bool {
        guard count > reservedItems, getters.isEmpty else { return false }
        count -= 1
        return true
    }

    /// Completes a woken getter's get from its reserved item.
    public mutating func getReserved() {
        reservedItems -= 1
        count -= 1
    }

    /// The first putter to wake now that a slot is free, reserving that slot.
    public mutating func putterToWake() -> Waiter? {
        guard !isFull, let putter = putters.popFirst() else { return nil }
        reservedSlots += 1
        return putter
    }

    public mutating func enqueueGetter(_ waiter: Waiter) { getters.append(waiter) }
    public mutating func enqueuePutter(_ waiter: Waiter) { putters.append(waiter) }

    /// Marks one item done; false if more were marked than were put (asyncio raises ValueError).
    public mutating func taskDone() -> Bool {
        guard unfinished > 0 else { return false }
        unfinished -= 1
        return true
    }

    @discardableResult
    public mutating func remove(_ waiter: Waiter) -> Bool {
        if let index = getters.firstIndex(of: waiter) { getters.remove(at: index); return true }
        if let index = putters.firstIndex(of: waiter) { putters.remove(at: index); return true }
        return false
    }
}
