#if canImport(Runtime) && !canImport(Darwin)
import Runtime
import InterleaveTrace

/// Where an unnamed standard task was created, as a short lane name: "fanOut@FanOut.swift:31",
/// the function that created it and the line of the `Task {}`, `addTask` or `async let`.
///
/// A new task's first enqueue runs synchronously in its creator's call stack, so a backtrace
/// taken there (frame pointers only, about a microsecond with a shared image map) holds the
/// creating line. It is symbolicated (about half a millisecond) only when the task is adopted,
/// once per distinct backtrace: later tasks from the same site cost a dictionary lookup.
/// Only loops that route standard jobs take them (see `Loop.noteCreator`).
enum TaskCreationSite {
    /// The process's images, captured once: without it each capture takes 200 µs.
    static let images = ImageMap.capture()

    /// The creator's stack, taken in the enqueue of a new task.
    @inline(never)
    static func capture() -> Backtrace? {
        try? Backtrace.capture(algorithm: .fast, limit: 24, offset: 1, top: 0, images: images)
    }

    /// Lane names by the return addresses of their backtraces (nil: no user frame was found).
    private static let names = PthreadLocked<[[Backtrace.Address]: String?]>([:])

    /// The lane name of the site `backtrace` was taken at, or nil when none of its frames is the
    /// program's own code with a source location.
    static func name(of backtrace: Backtrace) -> String? {
        let key = backtrace.frames.map(\.originalProgramCounter)
        if let known = names.withLock({ $0[key] }) { return known }
        let name = symbolicate(backtrace)
        names.withLock { $0[key] = name }
        return name
    }

    /// The directory of Interleave's own sources: its frames (the executor's enqueue) are not the site.
    private static let ownSources: String = {
        let path = #filePath
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[...slash])
    }()

    private static func symbolicate(_ backtrace: Backtrace) -> String? {
        guard let frame = programFrame(in: backtrace) else { return nil }
        return laneName(function: frame.function, path: frame.path, line: frame.line)
    }

    /// A frame of the program's own code: not Interleave's, nor the standard library's, nor a thunk.
    struct ProgramFrame: Sendable {
        let function: String
        let path: String
        let line: Int
    }

    /// The innermost frame of `backtrace` that is the program's own code with a source location,
    /// taken in Interleave's code called from the running task. Frames below the next frame of
    /// Interleave's own (the loop running the job, then whoever drives the loop) are not the
    /// task's: when the task's own frames hold no program code, there is none.
    static func programFrame(in backtrace: Backtrace) -> ProgramFrame? {
        guard let symbolicated = backtrace.symbolicated(with: images, options: .default) else { return nil }
        // Interleave's frames on top (with thunks between them), then the task's, then the loop
        // that runs the task's job: the task's part starts at the first frame of another image
        // or of the program's own code.
        var inTasksFrames = false
        for frame in symbolicated.frames {
            let path = frame.symbol?.sourceLocation?.path ?? ""
            if path.hasPrefix(ownSources) {
                if inTasksFrames { return nil }
                continue
            }
            if frame.isSwiftThunk || path.isEmpty && !frame.isSystem { continue }
            inTasksFrames = true
            guard let symbol = frame.symbol, !frame.isSwiftThunk, !frame.isSystem,
                  let location = symbol.sourceLocation, location.path.hasPrefix("/"),
                  !isStandardLibrary(location.path) else { continue }
            return ProgramFrame(function: symbol.name, path: location.path, line: location.line)
        }
        return nil
    }

    /// Code of the Swift standard library inlined into the program (`Task.init`, `addTask`).
    private static func isStandardLibrary(_ path: String) -> Bool {
        path.contains("/stdlib/public/") || path.contains("/swift/stdlib/")
    }

    /// Lane names longer than this are shortened (lanes are 12 to 20 columns wide).
    static let preferredLength = 20

    /// "fanOut@FanOut.swift:31" from "closure #1 (inout TaskGroup<()>) async -> () in fanOut()";
    /// when that is long, "fanOut@FanOut:31", then "FanOut.swift:31", then "FanOut:31".
    static func laneName(function: String, path: String, line: Int) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.hasSuffix(".swift") ? String(file.dropLast(6)) : file
        let base = shortFunctionName(function)
        let at = line > 0 ? ":\(line)" : ""
        var candidates = base.isEmpty ? [] : ["\(base)@\(file)\(at)", "\(base)@\(stem)\(at)"]
        candidates += ["\(file)\(at)", "\(stem)\(at)"]
        return candidates.first { $0.count <= preferredLength } ?? candidates[candidates.count - 1]
    }

    /// The innermost named function of a demangled symbol, without its type, arguments or
    /// generic parameters: "fanOut" from "specialized closure #2 in Bank.transfer(amount:)".
    static func shortFunctionName(_ symbol: String) -> String {
        var name = Substring(symbol)
        if let inRange = name.range(of: " in ", options: .backwards) { name = name[inRange.upperBound...] }
        if let paren = name.firstIndex(of: "(") { name = name[..<paren] }
        if let generic = name.firstIndex(of: "<") { name = name[..<generic] }
        if let space = name.lastIndex(of: " ") { name = name[name.index(after: space)...] }
        if let dot = name.lastIndex(of: ".") { name = name[name.index(after: dot)...] }
        let short = String(name)
        return short.count > 16 ? String(short.prefix(15)) + "…" : short
    }
}

/// The backtraces taken at new tasks' first enqueue, until the loop adopts them.
struct CreationSites {
    private var pending: [UInt: Backtrace] = [:]

    mutating func capture(at address: UInt) {
        guard pending[address] == nil, let backtrace = TaskCreationSite.capture() else { return }
        pending[address] = backtrace
    }

    /// The lane name for the task at `address`, if a site was captured for it (forgotten after).
    mutating func take(at address: UInt) -> String? {
        guard let backtrace = pending.removeValue(forKey: address) else { return nil }
        return TaskCreationSite.name(of: backtrace)
    }

    mutating func forget(_ address: UInt) { pending[address] = nil }
    var count: Int { pending.count }
}
#else
/// Creation sites need the `Runtime` module's backtraces (Linux, Swift 6.2 and later here).
struct CreationSites {
    mutating func capture(at address: UInt) {}
    mutating func take(at address: UInt) -> String? { nil }
    mutating func forget(_ address: UInt) {}
    var count: Int { 0 }
}
#endif
