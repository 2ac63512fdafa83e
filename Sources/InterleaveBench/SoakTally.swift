import Interleave

/// What the soak's workers saw: operation counts, the queue ledger, and any broken promise.
///
/// Used only by tasks of one loop, which never run at the same time, so it needs no lock.
final class SoakTally: @unchecked Sendable {
    private(set) var violations: [String] = []
    private(set) var violationCount = 0
    var failed = 0
    var cancelled = 0
    /// `withTimeout` calls, each of which spawns a child task.
    var timedCalls = 0
    var waves = 0
    private(set) var itemsPut = 0
    private(set) var itemsGot = 0
    private(set) var lockEntries = 0
    private(set) var permitsTaken = 0
    private var lockHolders = [Int](repeating: 0, count: SoakWorkload.locks)
    private var permitsInUse = [Int](repeating: 0, count: SoakWorkload.semaphores)
    /// Items put and not yet got.
    private var outstanding = Set<Int>()

    /// How many violations the summary lists; the rest are only counted.
    static let listedViolations = 20

    func violation(_ text: String) {
        violations(CollectionOfOne(text), count: 1)
    }

    /// Adds `count` violations, of which `listed` are described.
    func violations(_ listed: some Collection<String>, count: Int) {
        violationCount += count
        violations += listed.prefix(max(0, Self.listedViolations - violations.count))
    }

    func enterLock(_ index: Int) {
        lockEntries += 1
        lockHolders[index] += 1
        if lockHolders[index] > 1 { violation("lock\(index) held by \(lockHolders[index]) tasks at once") }
    }

    func leaveLock(_ index: Int) { lockHolders[index] -= 1 }

    func takePermit(_ index: Int) {
        permitsTaken += 1
        permitsInUse[index] += 1
        if permitsInUse[index] > SoakWorkload.permits {
            violation("sem\(index) has \(permitsInUse[index]) permits in use, more than \(SoakWorkload.permits)")
        }
    }

    func returnPermit(_ index: Int) { permitsInUse[index] -= 1 }

    func put(_ item: Int) {
        itemsPut += 1
        if !outstanding.insert(item).inserted { violation("item \(item) put twice") }
    }

    func got(_ item: Int) {
        itemsGot += 1
        if outstanding.remove(item) == nil { violation("item \(item) got but not outstanding (duplicated or never put)") }
    }

    /// At the end of a wave every item put must have been got exactly once.
    func checkLedgerClosed() {
        if !outstanding.isEmpty {
            violation("\(outstanding.count) queue item(s) lost, e.g. \(outstanding.sorted().prefix(3))")
            outstanding.removeAll()
        }
        if lockHolders.contains(where: { $0 != 0 }) { violation("a lock is still marked held after its wave: \(lockHolders)") }
        if permitsInUse.contains(where: { $0 != 0 }) { violation("permits still marked in use after the wave: \(permitsInUse)") }
    }
}
