#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Interleave
import InterleaveTrace
import Synchronization

/// The `python3` child running a program for `PythonRun`: commands go to its descriptor 4,
/// events come from its descriptor 3, one JSON object per line (docs/python-protocol.md). Its
/// standard output and error are drained on threads of their own, so a program writing there
/// past the runner's capture can never block on a full pipe; what comes is kept as `leakedOutput`.
final class PythonChild: @unchecked Sendable {
    // Unchecked: the command/event descriptors are used by the loop thread only; the drained
    // output and the exit status are behind their own locks.
    let pid: pid_t
    private let commands: Int32
    private let events: Int32
    private var buffer: [UInt8] = []
    /// Where the lines not taken yet start in `buffer`.
    private var bufferStart = 0
    // Pthread mutexes, not Synchronization.Mutex: ThreadSanitizer (CI's pass) cannot see the
    // latter's futex, and reports the drain threads' writes as races.
    private let leaked = PthreadLocked<[String]>([])
    /// The two drain threads, until each has read its pipe to the end.
    private let draining = DispatchGroup()
    /// Set when the child is being stopped: a read in progress gives up.
    private let stopping = Atomic<Bool>(false)

    struct LaunchError: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `python3 launcher program arguments…` in `directory` with `environment` (plus the
    /// two descriptor numbers), its standard input empty.
    init(launcher: String, program: String, arguments: [String], directory: String, environment: [String: String]) throws {
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0], output: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        // Close-on-exec everywhere: a second child (a rewind starts one while the last is being
        // stopped) must not inherit this one's pipe ends, or neither would ever see its pipes end.
        // The child's own descriptors 0 to 4 are dup2 copies, which exec keeps.
        guard Self.closeOnExecPipe(&toChild), Self.closeOnExecPipe(&fromChild), Self.closeOnExecPipe(&output),
              Self.closeOnExecPipe(&errors) else {
            throw LaunchError(description: "cannot make pipes for python3: \(String(cString: strerror(errno)))")
        }
        // The child's descriptors 0 to 4 are set by dup2 in order: a pipe end numbered 3 or 4
        // here would be overwritten before its own turn (or closed after it), so every end is
        // moved above them first.
        toChild = toChild.map(Self.movedAboveStandardDescriptors)
        fromChild = fromChild.map(Self.movedAboveStandardDescriptors)
        output = output.map(Self.movedAboveStandardDescriptors)
        errors = errors.map(Self.movedAboveStandardDescriptors)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 3)
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 4)
        for descriptor in [toChild[1], fromChild[0], output[0], errors[0]] {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        guard let changeDirectory = Self.addChangeDirectory, changeDirectory(&actions, directory) == 0 else {
            throw LaunchError(description: "cannot start python3 in \(directory): this C library cannot set a child's directory")
        }
        var environment = environment
        environment["INTERLEAVE_EVENTS_FD"] = "3"
        environment["INTERLEAVE_COMMANDS_FD"] = "4"
        let argv = ["python3", launcher, program] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let status = withCStrings(argv) { argv in
            withCStrings(envp) { envp in posix_spawnp(&child, "python3", &actions, nil, argv, envp) }
        }
        for descriptor in [toChild[0], fromChild[1], output[1], errors[1]] { close(descriptor) }
        guard status == 0 else {
            for descriptor in [toChild[1], fromChild[0], output[0], errors[0]] { close(descriptor) }
            throw LaunchError(description: status == ENOENT
                ? "interleave run needs python3 ≥ 3.10, and there is no python3 on the PATH"
                : "cannot start python3: \(String(cString: strerror(status)))")
        }
        pid = child
        _ = Self.live.withLock { $0.insert(child) }
        Self.killLiveChildrenAtExit
        commands = toChild[1]
        events = fromChild[0]
        // A command written after the child died must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        drain(output[0], stream: "stdout")
        drain(errors[0], stream: "stderr")
    }

    /// A pipe whose two ends are closed on exec (Swift's Glibc module has no `pipe2`).
    private static func closeOnExecPipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// `descriptor`, renumbered to 10 or above (the original closed).
    private static func movedAboveStandardDescriptors(_ descriptor: Int32) -> Int32 {
        guard descriptor < 10 else { return descriptor }
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 10)
        guard moved >= 0 else { return descriptor }
        close(descriptor)
        return moved
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which Swift's Glibc
    /// module does not declare.
    private typealias AddChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChangeDirectory: AddChangeDirectory? = {
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "posix_spawn_file_actions_addchdir_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: AddChangeDirectory.self)
    }()

    /// The children not reaped yet, killed if this process exits first (a quit from the view
    /// while a step runs, an error): a python3 must never outlive the run that started it.
    private static let live = PthreadLocked<Set<pid_t>>([])
    private static let killLiveChildrenAtExit: Void = {
        atexit {
            for child in PythonChild.live.withLock({ $0 }) { kill(child, SIGKILL) }
        }
    }()

    /// Sends one command line; false when the child is gone.
    @discardableResult
    func send(_ command: PythonCommand) -> Bool {
        guard let data = try? JSONSerialization.data(withJSONObject: command.fields) else { return false }
        var bytes = [UInt8](data)
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// The next event line, or nil at the end of the child's events (it exited or died) or
    /// when it is being stopped.
    func nextLine(within patience: Duration? = nil) -> [UInt8]? {
        let deadline = patience.map { ContinuousClock.now + $0 }
        while true {
            if let newline = buffer[bufferStart...].firstIndex(of: 0x0A) {
                let line = Array(buffer[bufferStart..<newline])
                bufferStart = newline + 1
                // Lines taken are dropped when the buffer is used up or more must be read:
                // dropping each one at once is quadratic when many come together (running ahead).
                if bufferStart == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    bufferStart = 0
                }
                return line
            }
            if bufferStart > 0 {
                buffer.removeSubrange(..<bufferStart)
                bufferStart = 0
            }
            var descriptor = pollfd(fd: events, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            if stopping.load(ordering: .relaxed) { return nil }
            if let deadline, ContinuousClock.now > deadline { return nil }
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(events, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// What the program wrote to its real standard output or error, past the runner's capture.
    var leakedOutput: [String] { leaked.withLock { $0 } }

    /// Stops the child (a `quit`, then a kill if it lingers) and reaps it; returns its exit status.
    @discardableResult
    func stop() -> Int32 {
        stopping.store(true, ordering: .relaxed)
        send(PythonCommand("quit"))
        close(commands)
        var status: Int32 = 0
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) == pid { return finish(status) }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return finish(status)
    }

    private func finish(_ status: Int32) -> Int32 {
        _ = Self.live.withLock { $0.remove(pid) }
        close(events)
        // The child is gone, so its pipes end: what it wrote last is read within moments.
        _ = draining.wait(timeout: .now() + 1)
        // WIFEXITED / WEXITSTATUS, spelled out (the macros are not imported).
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    private func drain(_ descriptor: Int32, stream: String) {
        draining.enter()
        Thread.detachNewThread { [self] in
            defer { draining.leave() }
            var pending: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                pending.append(contentsOf: chunk[..<count])
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[..<newline], as: UTF8.self)
                    pending.removeSubrange(...newline)
                    self.leaked.withLock { if $0.count < 10_000 { $0.append(line) } }
                }
            }
            if !pending.isEmpty { self.leaked.withLock { $0.append(String(decoding: pending, as: UTF8.self)) } }
            close(descriptor)
        }
    }
}

/// Runs `body` with `strings` as a null-terminated C array.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers = strings.map { strdup($0) }
    pointers.append(nil)
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
