#if canImport(Runtime) && !canImport(Darwin)
import Foundation
import Runtime

/// Where a standard task stands in the program's source, for the code pane and the event log:
/// the line of the await it is at.
///
/// Swift's awaits record no source line, but the loop's code runs in the task's own call stack at
/// several points: a sleep's enqueue, `Task.yield()`, a `print`, a wake-up or task creation it
/// causes. A backtrace taken there (following the task's async frames) holds the program's line;
/// a wait's line is read from the suspended task's async frames instead
/// (`location(ofSuspendedTaskAt:)`). Each distinct backtrace is symbolicated once (tens of
/// milliseconds in a debug build, far more in a large test binary) and looked up after that.
enum StandardCallSite {
    /// Frames kept: the program's frame is within the first few (the loop's and the standard
    /// library's come first), and fewer frames make fewer distinct backtraces to symbolicate.
    static let depth = 16

    /// The running task's stack, with its async callers.
    @inline(never)
    static func capture() -> Backtrace? {
        try? Backtrace.capture(algorithm: .auto, limit: depth, offset: 1, top: 0, images: TaskCreationSite.images)
    }

    /// Program locations by the return addresses of their backtraces (nil: no program frame).
    private static let locations = PthreadLocked<[[Backtrace.Address]: Location?]>([:])

    struct Location: Hashable, Sendable {
        let path: String
        let line: Int
    }

    /// The line a suspended standard task waits at: its async frames, read from the task (its
    /// resume function, then each caller's resume point up the chain of async contexts), made
    /// into a backtrace and looked up like the others. Same conditions as
    /// `StandardTaskWaits.dependency`: the task is alive and nothing runs it meanwhile.
    static func location(ofSuspendedTaskAt address: UInt) -> Location? {
        guard RuntimeTaskLayout.measured != nil, asyncFramesVerified,
              let backtrace = asyncBacktrace(ofSuspendedTaskAt: address) else { return nil }
        return location(of: backtrace)
    }

    /// The resume points of the suspended task's async frames, innermost first (at most `depth`).
    static func asyncResumePoints(ofSuspendedTaskAt address: UInt) -> [UInt64] {
        let task = RuntimeTaskLayout.pointer(address)
        let resume = task.load(fromByteOffset: RuntimeTaskLayout.resumeTaskOffset, as: UInt.self)
        guard resume != 0 else { return [] }
        var points = [UInt64(resume)]
        var context = task.load(fromByteOffset: RuntimeTaskLayout.resumeContextOffset, as: UnsafeRawPointer?.self)
        // `AsyncContext`: the parent context at +0, the parent's resume point at +8.
        while let current = context, points.count < depth {
            let resumeParent = current.load(fromByteOffset: 8, as: UInt.self)
            guard resumeParent != 0 else { break }
            points.append(UInt64(resumeParent))
            context = current.load(as: UnsafeRawPointer?.self)
        }
        return points
    }

    static func asyncBacktrace(ofSuspendedTaskAt address: UInt) -> Backtrace? {
        backtrace(ofAsyncResumePoints: asyncResumePoints(ofSuspendedTaskAt: address))
    }

    /// A backtrace of the given async resume points, made through `Backtrace`'s `Codable` form:
    /// the frames in the Compact Backtrace Format (version 0, 64-bit: an info byte, then for each
    /// frame "async resume point, absolute, 8 bytes" and the address, most significant byte
    /// first, then "end"), with the process's image map.
    static func backtrace(ofAsyncResumePoints points: [UInt64]) -> Backtrace? {
        guard !points.isEmpty, var fields = template else { return nil }
        var bytes: [UInt8] = [0x02]
        for point in points {
            bytes.append(0b0011_1000 | 7)
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: point >> UInt64(shift))) }
        }
        bytes.append(0)
        fields["backtrace"] = Data(bytes).base64EncodedString()
        guard let data = try? JSONSerialization.data(withJSONObject: fields) else { return nil }
        return try? JSONDecoder().decode(Backtrace.self, from: data)
    }

    /// The fields of an encoded backtrace of this process (its architecture and image map).
    private static let template: [String: String]? = {
        guard let captured = try? Backtrace.capture(algorithm: .fast, limit: 1, images: TaskCreationSite.images),
              let data = try? JSONEncoder().encode(captured),
              let fields = try? JSONSerialization.jsonObject(with: data) as? [String: String],
              fields["backtrace"] != nil else { return nil }
        return fields
    }()

    /// Whether reading async frames works on this runtime: a task suspended in
    /// `asyncFrameProbe` reads back as a backtrace naming that function.
    static let asyncFramesVerified: Bool = {
        guard RuntimeTaskLayout.measured != nil else { return false }
        return LayoutProbeExecutor.onFreshThread {
            let executor = LayoutProbeExecutor()
            let box = AsyncFrameProbeBox()
            let task = Task(executorPreference: executor) { await asyncFrameProbe(box) }
            executor.runAll()
            let names = asyncBacktrace(ofSuspendedTaskAt: JobIdentity.address(of: task))?
                .symbolicated(with: TaskCreationSite.images, options: [])?.frames.compactMap { $0.symbol?.name } ?? []
            box.continuation?.resume()
            executor.runAll()
            withExtendedLifetime(task) {}
            return names.contains { $0.contains("asyncFrameProbe") }
        }
    }()

    private final class AsyncFrameProbeBox: @unchecked Sendable {
        // Unchecked: set by the probe task and resumed afterwards, on the same thread.
        var continuation: UnsafeContinuation<Void, Never>?
    }

    @inline(never)
    private static func asyncFrameProbe(_ box: AsyncFrameProbeBox) async {
        await withUnsafeContinuation { box.continuation = $0 }
        await asyncFrameProbeTail()
    }

    @inline(never)
    private static func asyncFrameProbeTail() async {}

    /// The program's line in `backtrace`, if one of its frames is the program's own code.
    static func location(of backtrace: Backtrace) -> Location? {
        let key = backtrace.frames.map(\.originalProgramCounter)
        if let known = locations.withLock({ $0[key] }) { return known }
        let location = TaskCreationSite.programFrame(in: backtrace).map { Location(path: $0.path, line: $0.line) }
        locations.withLock { $0[key] = location }
        return location
    }
}
#endif
