/// `AsyncStream` and `AsyncThrowingStream` of standard Swift code, as the loop sees them: which
/// stream a suspended task waits in, and what a stream holds.
///
/// A consumer suspended in a stream's `next()` has one cancellation handler installed by the
/// stream (`withTaskCancellationHandler` in `_Storage.next()`), whose context holds the stream's
/// storage object. The handler's function is the same for every stream of a kind (the standard
/// library's code is not specialized for the program's element types), so the self-test
/// (`StreamLayoutSelfTest`) learns it from a stream of its own: a record whose function is one
/// of those is a stream's, and nothing else is taken for a stream. What the storage holds is
/// read through `Mirror` (the buffered elements, the buffering policy, whether it finished),
/// not from its memory layout.
enum StandardStreams {
    /// What the self-test learnt.
    struct Layout: Sendable {
        /// The cancellation handlers of `AsyncStream`'s and `AsyncThrowingStream`'s `next()`.
        let cancellationHandlers: Set<UInt>
    }

    /// What a stream holds at one moment.
    struct Snapshot: Equatable, Sendable {
        /// Elements yielded and not consumed yet.
        var buffered: Int
        /// The most elements the buffering policy keeps; 0 when unbounded.
        var capacity: Int
        /// `finish()` was called (or the stream was cancelled): nothing more comes.
        var finished: Bool
        /// Consumers suspended in `next()`.
        var waitingConsumers: Int
    }

    // `CancellationNotificationStatusRecord` (6.3.1): kind 3, function +16, argument +24; the
    // stream's storage sits in the handler's context at +24.
    static let cancellationRecordKind: UInt8 = 3
    static let handlerFunctionOffset = 16
    static let handlerContextOffset = 24
    static let storageOffsetInContext = 24

    static let verdict: Result<Layout, RuntimeTaskLayout.Unusable> = StreamLayoutSelfTest.run()

    /// The learnt layout, or nil when the self-test could not confirm it (streams then show as
    /// plain awaits, as before).
    static var layout: Layout? {
        if case .success(let layout) = verdict { layout } else { nil }
    }

    /// The storage of the stream in whose `next()` the suspended task at `address` waits; nil
    /// when it waits on something else, or when the reads are off. Same conditions as
    /// `StandardTaskWaits.dependency`: the task is alive and nothing runs it meanwhile.
    static func storage(waitedOnByTaskAt address: UInt) -> AnyObject? {
        guard RuntimeTaskLayout.measured != nil, let layout else { return nil }
        return rawStorage(waitedOnByTaskAt: address, handlers: layout.cancellationHandlers)
    }

    /// `storage(waitedOnByTaskAt:)` with the handlers given (the self-test uses it to check them).
    static func rawStorage(waitedOnByTaskAt address: UInt, handlers: Set<UInt>) -> AnyObject? {
        for (kind, record) in RuntimeTaskLayout.records(ofTaskAt: address) where kind == cancellationRecordKind {
            let function = UInt(bitPattern: record.load(fromByteOffset: handlerFunctionOffset, as: UnsafeRawPointer?.self))
            guard handlers.contains(function),
                  let context = record.load(fromByteOffset: handlerContextOffset, as: UnsafeRawPointer?.self),
                  let storage = context.load(fromByteOffset: storageOffsetInContext, as: UnsafeRawPointer?.self) else { continue }
            return Unmanaged<AnyObject>.fromOpaque(storage).takeUnretainedValue()
        }
        return nil
    }

    /// The storage object behind a stream value (`AsyncStream`, `AsyncThrowingStream` or their
    /// continuations), found through `Mirror`.
    static func storage(of stream: Any) -> AnyObject? {
        let mirror = Mirror(reflecting: stream)
        if let storage = child("storage", of: mirror) {
            return unwrap(storage).map { $0 as AnyObject }
        }
        guard let context = child("context", of: mirror) else { return nil }
        return child("storage", of: Mirror(reflecting: context)).flatMap(unwrap).map { $0 as AnyObject }
    }

    /// What `storage` holds now, through `Mirror`; nil when its shape is not the one known
    /// (a later standard library may differ: the stream then shows with no buffer).
    static func snapshot(of storage: AnyObject) -> Snapshot? {
        guard let state = child("state", of: Mirror(reflecting: storage)) else { return nil }
        let fields = Mirror(reflecting: state)
        guard let pending = child("pending", of: fields), let limit = child("limit", of: fields),
              let terminal = child("terminal", of: fields) else { return nil }
        let capacity = Mirror(reflecting: limit).children.first?.value as? Int ?? 0
        let finished: Bool
        if let flag = terminal as? Bool { finished = flag } else { finished = unwrap(terminal) != nil }
        let waiting: Int
        if let consumers = child("continuations", of: fields) {
            waiting = Mirror(reflecting: consumers).children.count
        } else {
            waiting = child("continuation", of: fields).flatMap(unwrap) == nil ? 0 : 1
        }
        return Snapshot(buffered: Mirror(reflecting: pending).children.count, capacity: capacity,
                        finished: finished, waitingConsumers: waiting)
    }

    /// The stream's name for the resource pane: `AsyncStream<Int>`, `AsyncThrowingStream<String, Error>`.
    static func typeName(of storage: AnyObject) -> String {
        var name = String(reflecting: type(of: storage))
        if name.hasSuffix("._Storage") { name.removeLast("._Storage".count) }
        // Each type named without its module: `Swift.AsyncStream<MyApp.Reading>` → `AsyncStream<Reading>`.
        var out = ""
        var token = ""
        func flush() {
            if let dot = token.firstIndex(of: ".") {
                out += token[token.index(after: dot)...]
            } else {
                out += token
            }
            token = ""
        }
        for character in name {
            if "<>, ()[]:".contains(character) { flush(); out.append(character) } else { token.append(character) }
        }
        flush()
        return out
    }

    private static func child(_ label: String, of mirror: Mirror) -> Any? {
        mirror.children.first { $0.label == label }?.value
    }

    /// The wrapped value of an `Optional` seen as `Any`, nil for `.none`, the value itself otherwise.
    private static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
