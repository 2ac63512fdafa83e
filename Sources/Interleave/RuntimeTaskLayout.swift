#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads of a Swift task's memory that no API offers: its name (SE-0469), whether it has
/// completed and how, and what it waits on. The one place that knows the runtime's private
/// layout of `AsyncTask` (besides `JobIdentity`'s "a task is its own job").
///
/// **Measured on Swift 6.3.1, Linux x86_64** (`_swift_concurrency_debug_internal_layout_version`
/// 1), from `include/swift/ABI/Task.h`, `TaskStatus.h` and `Concurrency/TaskPrivate.h` of that
/// release. 64-bit offsets:
///
/// | what | where |
/// | --- | --- |
/// | `Job.Flags` (kind = low byte; bit 24 child, 25 future, 26 group child, 30 has a name) | +32 |
/// | `Job.Id` (low 32 bits of the task id) | +36 |
/// | `Job.ResumeTask` (the start adapter until the task first runs) | +56 |
/// | `AsyncTask.ResumeContext` | +64 |
/// | `ActiveTaskStatus.Flags` (0x100 cancelled, 0x2000 complete, 0x4000 has a dependency) | +96 |
/// | `ActiveTaskStatus.Record` (innermost status record: kind byte +0, parent +8) | +104 |
/// | `TaskNameStatusRecord` (kind 6): `const char *Name` | record +16 |
/// | `TaskDependencyStatusRecord` (kind 0): `DependentOn` +16, `DependencyKind` u32 +32 | record |
/// | `FutureFragment` (after the task, its child and group-child fragments): status in the low 2 bits of the wait queue +0, result type +8, error +16, result +24 | task + `futureFragmentOffset` |
///
/// `sizeof(AsyncTask)` (where the fragments start) depends on the platform's mutex size: 208 on
/// Linux x86_64. The self-test measures it rather than assuming it.
///
/// Every read is guarded: the runtime's layout version must be 1, and a one-time self-test
/// (`verdict`) creates a named task on a private executor, reads its name, runs it, and reads
/// its completion, its result and, for one that throws, its error. Should any of that disagree,
/// every read here answers nil and `unavailableReason` says why. Reading without the runtime's
/// status-record lock is safe only while the task is not running on another thread, which on
/// the single loop thread holds at enqueue time and right after the task's job returns.
enum RuntimeTaskLayout {
    /// The layout version these offsets were measured against.
    static let measuredLayoutVersion: UInt32 = 1
    static let measuredOn = "Swift 6.3.1, Linux x86_64"

    // Job / AsyncTask header (64-bit).
    static let flagsOffset = 32
    static let idOffset = 36
    static let resumeTaskOffset = 56
    static let resumeContextOffset = 64
    static let statusFlagsOffset = 96
    static let innermostRecordOffset = 104
    /// `sizeof(AsyncTask)` on Linux x86_64; the self-test measures the real one.
    static let expectedTaskSize = 208
    static let childFragmentSize = 16
    static let groupChildFragmentSize = 8

    // Job flags.
    static let kindMask: UInt32 = 0xFF
    static let taskKind: UInt32 = 0
    static let isChildBit: UInt32 = 1 << 24
    static let isFutureBit: UInt32 = 1 << 25
    static let isGroupChildBit: UInt32 = 1 << 26
    static let isAsyncLetBit: UInt32 = 1 << 28
    static let hasInitialNameBit: UInt32 = 1 << 30

    // ActiveTaskStatus flags.
    static let statusCancelled: UInt32 = 0x100
    static let statusComplete: UInt32 = 0x2000
    static let statusHasDependency: UInt32 = 0x4000

    // Status records.
    static let nameRecordKind: UInt8 = 6
    static let dependencyRecordKind: UInt8 = 0
    static let recordParentOffset = 8
    static let nameOffsetInRecord = 16
    static let dependentOnOffset = 16
    static let dependencyKindOffset = 32

    // FutureFragment.
    static let futureStatusMask: UInt = 0x3
    static let futureErrorOffset = 16

    /// The verdict of the guards, taken once: the layout to use, or why there is none.
    static let verdict: Result<Measured, Unusable> = LayoutSelfTest.run()

    /// What the self-test measured.
    struct Measured: Sendable {
        /// Where the future fragment of a task with neither a child nor a group-child fragment
        /// starts: `sizeof(AsyncTask)`.
        let taskSize: Int
        /// The runtime's start adapters: a task whose `ResumeTask` is one of them has not run yet.
        let futureAdapter: UInt
        let nonFutureAdapter: UInt
    }

    struct Unusable: Error, Sendable { let reason: String }

    /// The measured layout, or nil when the guards failed.
    @inline(__always)
    static var measured: Measured? {
        if case .success(let measured) = verdict { measured } else { nil }
    }

    /// Why the task reads are off, or nil when they are on.
    static var unavailableReason: String? {
        if case .failure(let unusable) = verdict { unusable.reason } else { nil }
    }

    // MARK: Raw reads (no guard: callers check `measured` first)

    @inline(__always)
    static func pointer(_ address: UInt) -> UnsafeRawPointer { UnsafeRawPointer(bitPattern: address)! }

    @inline(__always)
    static func flags(ofJobAt address: UInt) -> UInt32 {
        pointer(address).load(fromByteOffset: flagsOffset, as: UInt32.self)
    }

    @inline(__always)
    static func isTask(_ address: UInt) -> Bool { flags(ofJobAt: address) & kindMask == taskKind }

    @inline(__always)
    static func statusFlags(ofTaskAt address: UInt) -> UInt32 {
        // The status word is updated atomically by the runtime; a plain load of the flags half
        // is what lldb does too, and suffices on the thread that just ran (or enqueued) the task.
        pointer(address).load(fromByteOffset: statusFlagsOffset, as: UInt32.self)
    }

    /// The status records of the task, innermost first (at most `limit`).
    static func records(ofTaskAt address: UInt, limit: Int = 32) -> [(kind: UInt8, record: UnsafeRawPointer)] {
        var out: [(kind: UInt8, record: UnsafeRawPointer)] = []
        var next = pointer(address).load(fromByteOffset: innermostRecordOffset, as: UnsafeRawPointer?.self)
        while let record = next, out.count < limit {
            out.append((record.load(as: UInt8.self), record))
            next = record.load(fromByteOffset: recordParentOffset, as: UnsafeRawPointer?.self)
        }
        return out
    }

    /// The name given with `Task(name:)`, read from the task's name record.
    static func rawName(ofTaskAt address: UInt) -> String? {
        let flags = flags(ofJobAt: address)
        guard flags & kindMask == taskKind, flags & hasInitialNameBit != 0 else { return nil }
        var next = pointer(address).load(fromByteOffset: innermostRecordOffset, as: UnsafeRawPointer?.self)
        var hops = 0
        while let record = next, hops < 32 {
            if record.load(as: UInt8.self) == nameRecordKind,
               let name = record.load(fromByteOffset: nameOffsetInRecord, as: UnsafePointer<CChar>?.self) {
                return String(cString: name)
            }
            next = record.load(fromByteOffset: recordParentOffset, as: UnsafeRawPointer?.self)
            hops += 1
        }
        return nil
    }

    /// True while the task has not run yet: its resume function is still the runtime's start
    /// adapter (so an enqueue now is its first, in its creator's call stack).
    static func isUnstarted(_ address: UInt, _ measured: Measured) -> Bool {
        let resume = UInt(bitPattern: pointer(address).load(fromByteOffset: resumeTaskOffset, as: UnsafeRawPointer?.self))
        return resume != 0 && (resume == measured.futureAdapter || resume == measured.nonFutureAdapter)
    }

    /// The task's future fragment, when it is a future.
    static func futureFragment(ofTaskAt address: UInt, taskSize: Int) -> UnsafeRawPointer? {
        let flags = flags(ofJobAt: address)
        guard flags & kindMask == taskKind, flags & isFutureBit != 0 else { return nil }
        var offset = taskSize
        if flags & isChildBit != 0 { offset += childFragmentSize }
        if flags & isGroupChildBit != 0 { offset += groupChildFragmentSize }
        return pointer(address) + offset
    }

    /// How a task ended, read after its job returned.
    enum Completion {
        /// Not complete: it suspended, or is queued again.
        case running
        case returned
        /// It threw `error` (retained: ours to keep).
        case threw(any Error)
    }

    /// Whether the task at `address` has completed, and how. The caller must keep the task
    /// alive across the read (see `StandardTaskEnds`).
    static func completion(ofTaskAt address: UInt, _ measured: Measured) -> Completion {
        guard statusFlags(ofTaskAt: address) & statusComplete != 0 else { return .running }
        guard let fragment = futureFragment(ofTaskAt: address, taskSize: measured.taskSize) else { return .returned }
        let status = fragment.load(as: UInt.self) & futureStatusMask
        guard status == 2, let error = fragment.load(fromByteOffset: futureErrorOffset, as: UnsafeRawPointer?.self) else {
            return .returned
        }
        // A SwiftError box is the representation of `any Error`; take our own reference to it.
        _ = Unmanaged<AnyObject>.fromOpaque(error).retain()
        return .threw(unsafeBitCast(error, to: (any Error).self))
    }

    /// Keeps the task at `address` alive until `release` (a no-op for an `async let` task,
    /// whose reference count is immortal: it lives in its parent's frame).
    @inline(__always)
    static func retain(_ address: UInt) {
        _ = Unmanaged<AnyObject>.fromOpaque(pointer(address)).retain()
    }

    @inline(__always)
    static func release(_ address: UInt) {
        Unmanaged<AnyObject>.fromOpaque(pointer(address)).release()
    }

    /// Cancels the task at `address`, as `Task.cancel()` would (`swift_task_cancel`).
    static func cancel(_ address: UInt) {
        guard let cancel = taskCancel else { return }
        cancel(pointer(address))
    }

    private typealias TaskCancel = @convention(thin) (UnsafeRawPointer) -> Void
    private static let taskCancel: TaskCancel? = {
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "swift_task_cancel") else { return nil }
        return unsafeBitCast(symbol, to: TaskCancel.self)
    }()

    /// A data symbol of the process holding a pointer-sized value.
    static func symbolWord(_ name: String) -> UInt? {
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, name) else { return nil }
        return symbol.load(as: UInt.self)
    }

    static func layoutVersion() -> UInt32? {
        guard let process = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(process, "_swift_concurrency_debug_internal_layout_version") else { return nil }
        return symbol.load(as: UInt32.self)
    }
}
