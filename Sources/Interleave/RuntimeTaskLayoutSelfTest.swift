import Dispatch
import Foundation
import Synchronization

/// The one-time check behind `RuntimeTaskLayout.verdict`: on a fresh thread (never inside a
/// running job), tasks are created on a private executor that only collects their jobs, and
/// every read `RuntimeTaskLayout` offers is tried on them against what is known of them.
enum LayoutSelfTest {
    static let probeName = "interleave-probe"
    static let magic = 0x5EED_1234_ABCD

    static func run() -> Result<RuntimeTaskLayout.Measured, RuntimeTaskLayout.Unusable> {
        guard MemoryLayout<UInt>.size == 8 else { return fail("the task layout was measured on 64-bit targets only") }
        guard let version = RuntimeTaskLayout.layoutVersion() else {
            return fail("this Swift runtime does not export _swift_concurrency_debug_internal_layout_version")
        }
        guard version == RuntimeTaskLayout.measuredLayoutVersion else {
            return fail("the Swift runtime's task layout version is \(version), not the "
                + "\(RuntimeTaskLayout.measuredLayoutVersion) Interleave's reads were measured on (\(RuntimeTaskLayout.measuredOn))")
        }
        guard let future = RuntimeTaskLayout.symbolWord("_swift_concurrency_debug_future_adapter"),
              let nonFuture = RuntimeTaskLayout.symbolWord("_swift_concurrency_debug_non_future_adapter"),
              future != 0, nonFuture != 0 else {
            return fail("this Swift runtime does not export its task start adapters")
        }
        return LayoutProbeExecutor.onFreshThread { probe(futureAdapter: future, nonFutureAdapter: nonFuture) }
    }

    private static func fail(_ reason: String) -> Result<RuntimeTaskLayout.Measured, RuntimeTaskLayout.Unusable> {
        .failure(RuntimeTaskLayout.Unusable(reason: "task names and ends cannot be read from this Swift runtime: " + reason))
    }

    private struct ProbeError: Error {}

    private final class ContinuationBox: @unchecked Sendable {
        // Unchecked: set by the probe task and resumed afterwards, on the same thread.
        var continuation: UnsafeContinuation<Void, Never>?
    }

    private static func probe(futureAdapter: UInt, nonFutureAdapter: UInt) -> Result<RuntimeTaskLayout.Measured, RuntimeTaskLayout.Unusable> {
        typealias L = RuntimeTaskLayout
        let executor = LayoutProbeExecutor()
        let magic = Self.magic

        // A named future: its first job, its name, not started, not complete.
        let named = Task<Int, Never>(name: probeName, executorPreference: executor) { magic }
        let address = JobIdentity.address(of: named)
        let firstJobs = executor.take()
        guard firstJobs.count == 1, JobIdentity.address(of: firstJobs[0]) == address else {
            firstJobs.forEach { $0.runSynchronously(on: executor.asUnownedTaskExecutor()) }
            return fail("a new task's first job is not the task itself")
        }
        let flags = L.flags(ofJobAt: address)
        let id = L.pointer(address).load(fromByteOffset: L.idOffset, as: UInt32.self)
        let name = L.rawName(ofTaskAt: address)
        let resume = UInt(bitPattern: L.pointer(address).load(fromByteOffset: L.resumeTaskOffset, as: UnsafeRawPointer?.self))
        let completeBefore = L.statusFlags(ofTaskAt: address) & L.statusComplete != 0
        firstJobs[0].runSynchronously(on: executor.asUnownedTaskExecutor())
        executor.runAll()
        guard flags & L.kindMask == L.taskKind, flags & L.isFutureBit != 0, flags & L.hasInitialNameBit != 0, id != 0 else {
            return fail("a named task's job flags read 0x\(String(flags, radix: 16))")
        }
        guard name == probeName else { return fail("a task named \"\(probeName)\" reads as \(name.map { "\"\($0)\"" } ?? "unnamed")") }
        guard resume == futureAdapter else { return fail("a new task's resume function is not the runtime's start adapter") }
        guard !completeBefore, L.statusFlags(ofTaskAt: address) & L.statusComplete != 0 else {
            return fail("a task's completion flag does not read as expected")
        }
        // Where the future fragment starts: its status is Success, its result type Int, then the value.
        let intMetadata = unsafeBitCast(Int.self as Any.Type, to: UInt.self)
        let base = L.pointer(address)
        let taskSize = stride(from: 128, through: 512, by: 8).first { offset in
            base.load(fromByteOffset: offset, as: UInt.self) == 1
                && base.load(fromByteOffset: offset + 8, as: UInt.self) == intMetadata
                && base.load(fromByteOffset: offset + 24, as: Int.self) == magic
        }
        guard let taskSize else { return fail("a completed task's result was not found where the layout says") }
        let measured = L.Measured(taskSize: taskSize, futureAdapter: futureAdapter, nonFutureAdapter: nonFutureAdapter)
        guard case .returned = L.completion(ofTaskAt: address, measured) else {
            return fail("a task that returned does not read as returned")
        }
        withExtendedLifetime(named) {}

        // An unnamed task that throws.
        let throwing = Task<Int, any Error>(executorPreference: executor) { throw ProbeError() }
        let throwingAddress = JobIdentity.address(of: throwing)
        let unnamed = L.rawName(ofTaskAt: throwingAddress)
        executor.runAll()
        guard unnamed == nil else { return fail("an unnamed task reads as named") }
        guard case .threw(let error) = L.completion(ofTaskAt: throwingAddress, measured), error is ProbeError else {
            return fail("a task that threw does not read as failed with its error")
        }
        withExtendedLifetime(throwing) {}

        // Waits: on a continuation, then on another task.
        let box = ContinuationBox()
        let waiter = Task<Void, Never>(executorPreference: executor) {
            await withUnsafeContinuation { box.continuation = $0 }
        }
        let waiterAddress = JobIdentity.address(of: waiter)
        executor.runAll()
        let onContinuation = StandardTaskWaits.rawDependency(ofTaskAt: waiterAddress)
        let runningThen = L.completion(ofTaskAt: waiterAddress, measured)
        box.continuation?.resume()
        executor.runAll()
        let afterResume = L.completion(ofTaskAt: waiterAddress, measured)
        withExtendedLifetime(waiter) {}
        guard case .running = runningThen, case .returned = afterResume else {
            return fail("a suspended task does not read as still running, or not as returned once resumed")
        }
        let awaited = Task<Int, Never>(executorPreference: executor) { 1 }
        let awaitedAddress = JobIdentity.address(of: awaited)
        let joiner = Task<Int, Never>(executorPreference: executor) { await awaited.value }
        let joinerAddress = JobIdentity.address(of: joiner)
        // Run the joiner first, so it waits on the task that has not run yet.
        let pending = executor.take()
        for job in pending where JobIdentity.address(of: job) == joinerAddress { job.runSynchronously(on: executor.asUnownedTaskExecutor()) }
        let onTask = StandardTaskWaits.rawDependency(ofTaskAt: joinerAddress)
        for job in pending where JobIdentity.address(of: job) != joinerAddress { job.runSynchronously(on: executor.asUnownedTaskExecutor()) }
        executor.runAll()
        withExtendedLifetime((awaited, joiner)) {}
        dependencyReadsVerified.store(
            onContinuation == .continuation && onTask == .task(address: awaitedAddress), ordering: .relaxed)
        return .success(measured)
    }

    /// Whether the self-test read a continuation wait and a task wait right (`StandardTaskWaits`).
    static let dependencyReadsVerified = Atomic<Bool>(false)
}
