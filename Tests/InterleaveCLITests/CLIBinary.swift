import Foundation

/// The `interleave` executable built next to the test bundle, run as a user would.
enum CLIBinary {
    static let url: URL = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("interleave")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return here.appendingPathComponent("interleave")
    }()

    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: url.path) }

    /// Runs the CLI to completion with no terminal; returns exit status, stdout and stderr.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// A shell command line that records `stty -g` before and after running the CLI.
    static func commandRecordingTTY(_ arguments: String, in directory: URL) -> String {
        let before = directory.appendingPathComponent("stty-before").path
        let after = directory.appendingPathComponent("stty-after").path
        return "stty -g > '\(before)'; '\(url.path)' \(arguments); status=$?; stty -g > '\(after)'; exit $status"
    }
}
