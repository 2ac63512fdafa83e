import Foundation

/// The `interleave` executable run without a terminal, under a cap on its address space.
///
/// With the cap, a program that tried to allocate what a hostile file claims (gigabytes) would
/// fail instead of exiting 2 with its one-line error. (Measuring the child's peak instead does
/// not work: Linux carries the spawning process's peak, here the whole test run, into the
/// child's `ru_maxrss` across exec.) Sanitizer builds reserve terabytes of shadow memory, so
/// under a sanitizer the cap is left off.
/// ```swift
/// let result = try MeasuredRun(["replay", "huge.itrace"])
/// result.status   // 2
/// ```
struct MeasuredRun {
    var status: Int32
    var output: String
    var errors: String
    /// The address-space cap: several times what the program needs, far below any refused claim.
    static let addressSpaceLimitKilobytes = 1024 * 1024
    init(_ arguments: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-run-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputPath = directory.appendingPathComponent("stdout").path
        let errorsPath = directory.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let path = "/bin/sh"
        let cap = Sanitizer.isActive ? "" : "ulimit -v \(Self.addressSpaceLimitKilobytes) || exit 99; "
        let argv = ([path, "-c", cap + "exec \"$0\" \"$@\"", CLIBinary.url.path] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environment)
        guard spawned == 0 else { throw TmuxSession.Failure(description: "cannot run \(path): error \(spawned)") }

        var rawStatus: Int32 = 0
        var usage = rusage()
        while wait4(pid, &rawStatus, 0, &usage) < 0 {
            guard errno == EINTR else { throw TmuxSession.Failure(description: "wait4 failed: error \(errno)") }
        }
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        status = rawStatus & 0x7F == 0 ? (rawStatus >> 8) & 0xFF : 128 + (rawStatus & 0x7F)
        output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        errors = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
    }
}
