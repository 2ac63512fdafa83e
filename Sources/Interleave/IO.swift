import InterleaveTrace
import Synchronization

/// Awaiting real I/O (sockets, files, threads) from a loop task, deterministically.
///
/// Real I/O completes on other threads at wall-clock moments. To keep runs repeatable the loop
/// counts I/O that is *due* — a request not yet acknowledged, a response not yet delivered —
/// and never moves virtual time while any is due. Latency is modelled in virtual time by the
/// other side calling `respond(to:after:)`, so pausing or slowing the demo holds responses too.
/// ```swift
/// let body = try await awaitIO("GET /slow") { completion in
///     client.get("/slow") { result in completion.resume(with: result) }   // any thread
/// }
/// ```
public func awaitIO<Success: Sendable>(
    _ what: String, file: StaticString = #fileID, line: UInt = #line,
    _ start: @Sendable (IOCompletion<Success>) -> Void
) async throws -> Success {
    let loop = requireLoop()
    let me = loop.currentRecord()
    try loop.checkInterrupt(me)
    let location = loop.recorder.location(file, line)
    let channel = loop.ioChannel
    if loop.recorder.isEnabled {
        loop.recorder.record(.ioStarted, task: me.id, resource: channel.resource,
                             arg: Int64(loop.recorder.intern(what).rawValue), at: loop.nowNanoseconds, location: location)
    }
    if me.pendingIOFailure {
        me.pendingIOFailure = false
        loop.recorder.record(.ioFinished, task: me.id, resource: channel.resource,
                             arg: Int64(loop.recorder.intern("injected I/O failure").rawValue) + 1, at: loop.nowNanoseconds)
        throw InjectedIOFailure()
    }
    loop.noteWait(me, on: channel.resource, .io, file: file, line: line)
    var completion: IOCompletion<Success>?
    try await loop.suspend(me, on: channel) {
        // Counted only once the wait really begins, so an interrupted wait starts no I/O.
        let token = loop.beginIO()
        let started = IOCompletion<Success>(loop: loop, task: me, generation: me.waitGeneration, token: token)
        completion = started
        start(started)
    }
    guard let completion else { throw CancellationError() }
    let result = completion.take()
    loop.recorder.record(.ioFinished, task: me.id, resource: channel.resource, arg: result.errorStringArg(loop),
                         at: loop.nowNanoseconds)
    return try result.get()
}

/// Completes an `awaitIO` from any thread, exactly once.
public final class IOCompletion<Success: Sendable>: Sendable {
    let loop: Loop
    let task: TaskRecord
    let generation: UInt64
    /// Identifies this I/O to the far side: pass it with the request so that the server can
    /// hand it to `Loop.respond(to:after:_:)`.
    public let token: UInt64
    private let slot = Mutex<Result<Success, any Error>?>(nil)
    private let completed = Atomic<Bool>(false)

    init(loop: Loop, task: TaskRecord, generation: UInt64, token: UInt64) {
        self.token = token
        self.loop = loop
        self.task = task
        self.generation = generation
    }

    /// Delivers the result; later calls are ignored.
    public func resume(with result: Result<Success, any Error>) {
        guard !completed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        slot.withLock { $0 = result }
        loop.inbox.post { [task, generation, token] loop in
            loop.endIO(token)
            // The waiter may have been cancelled meanwhile: then only the counts change.
            if task.waitGeneration == generation, task.parkedAt === loop.ioChannel {
                loop.wake(task, by: .none, source: loop.ioChannel.resource)
            }
        }
    }

    public func resume(returning value: Success) { resume(with: .success(value)) }
    public func resume(throwing error: any Error) { resume(with: .failure(error)) }

    func take() -> Result<Success, any Error> {
        slot.withLock { $0 } ?? .failure(CancellationError())
    }
}

extension Loop {
    func beginIO() -> UInt64 { io.begin() }

    func endIO(_ token: UInt64) { io.end(token) }

    /// Called by the far side of an I/O (a test server) when the request with `token` arrives:
    /// the response is released `latency` of virtual time from now, then `deliver` runs on the
    /// loop thread (it should hand the response to the I/O thread). Safe from any thread.
    ///
    /// A request with an unknown or missing token (another client, a late duplicate) is
    /// answered the same way but does not take part in the loop's accounting.
    public func respond(to token: UInt64?, after latency: Duration, _ deliver: @escaping @Sendable () -> Void) {
        inbox.post { loop in
            loop.io.requestArrived(token)
            loop.addTimer(at: loop.nowNanoseconds &+ max(0, latency.nanoseconds), .run { [unowned loop] in
                loop.io.responseReleased(token)
                deliver()
            })
        }
    }
}

/// The wait source of tasks awaiting I/O, and the resource that stands for "the network".
final class IOChannel: WaitSource {
    let resource: ResourceID
    init(resource: ResourceID) { self.resource = resource }
    var traceResource: ResourceID { resource }
    func abandon(_ task: TaskRecord) {}
}

extension Result {
    func errorStringArg(_ loop: Loop) -> Int64 {
        guard case .failure(let error) = self, loop.recorder.isEnabled else { return 0 }
        return Int64(loop.recorder.intern(loop.describe(error)).rawValue) + 1
    }
}
