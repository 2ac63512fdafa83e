import Testing
@testable import Interleave

/// The loop finds a task's record from its jobs by address (`JobIdentity`). If a Swift release
/// changes what a task's job address is, these fail loudly, before any lane goes missing.
@Suite struct JobIdentityTests {
    @Test func aSpawnedTaskRunsUnderTheAddressItsRecordWasGiven() throws {
        let loop = Loop()
        let seen = Box<[UInt]>([])
        let given = Box<[UInt]>([])
        try loop.run("main") {
            let worker = spawn("worker") {
                seen.value.append(JobIdentity.currentTaskAddress())
                try await sleep(for: .seconds(1))
                // Resumed after a suspension: still the same task, so still the same address.
                seen.value.append(JobIdentity.currentTaskAddress())
            }
            given.value.append(worker.record.address)
            try await worker.value
        }
        #expect(seen.value.count == 2)
        #expect(seen.value.allSatisfy { $0 == given.value.first && $0 != 0 })
    }

    @Test func everySpawnedTaskIsFollowedWithoutFallingBackToAdoption() throws {
        let loop = Loop()
        try loop.run("main") {
            let tasks = (0..<20).map { n in spawn("t\(n)") { try await sleep(for: .milliseconds(n)) } }
            _ = try await gather(tasks)
        }
        // The fallback adopts a job it cannot place as an "untracked-" task, with a lint.
        #expect(!loop.store.tasks.snapshot().contains { $0.name.hasPrefix("untracked-") })
        #expect(Transcript.lints(loop.store).isEmpty)
        let resumed = Set(loop.store.events(.taskResumed).map(\.task))
        #expect(resumed.count == 21, "main and its 20 tasks each ran as themselves")
    }

    /// The registry's cheap hash must still spread addresses the allocator hands out (16 bytes
    /// apart, low bits always zero) over a dictionary's buckets, which take the low bits.
    @Test func fastHashKeysSpreadAlignedAddressesOverTheLowBits() {
        let base: UInt = 0x7F3A_1C00_0000
        let buckets = 4096
        let used = Set((0..<buckets).map { n in
            FastHashKey(base + UInt(n) * 16)._rawHashValue(seed: 0) & (buckets - 1)
        })
        // Random placement of n keys in n buckets fills 1 - 1/e of them (63 %); keeping the
        // address's own low bits would fill 1/16.
        #expect(used.count > buckets / 2)
        var table: [FastHashKey: Int] = [:]
        for n in 0..<1000 { table[FastHashKey(base + UInt(n) * 48)] = n }
        #expect((0..<1000).allSatisfy { table[FastHashKey(base + UInt($0) * 48)] == $0 })
    }
}
