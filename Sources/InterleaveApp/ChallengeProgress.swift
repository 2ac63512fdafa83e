import Foundation

/// Which challenges a learner has solved, and their best (fewest) choices for each, kept in
/// `$XDG_STATE_HOME/interleave/challenges.json` (by default `~/.local/state/interleave`).
///
/// Progress is a nicety, never a condition for playing: a missing, unreadable or corrupt file
/// reads as nothing solved, and a failed save is the caller's to mention in one line.
/// ```swift
/// var progress = ChallengeProgress.load()
/// progress.recordSolved(name: "overdraw", choices: 3)
/// try progress.save()
/// progress.best(for: "overdraw")   // 3
/// ```
public struct ChallengeProgress: Equatable, Sendable {
    /// Best choices per solved challenge, by name.
    public private(set) var best: [String: Int]
    /// Where it is kept; nil when the environment names no home to keep it in.
    public let path: String?

    public init(best: [String: Int] = [:], path: String?) {
        self.best = best
        self.path = path
    }

    /// The file's place per the XDG base directory spec: `$XDG_STATE_HOME` when it is an
    /// absolute path (the spec says to ignore a relative one), else `$HOME/.local/state`.
    public static func path(environment: [String: String]) -> String? {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"], !home.isEmpty {
            base = (home as NSString).appendingPathComponent(".local/state")
        } else {
            return nil
        }
        return (base as NSString).appendingPathComponent("interleave/challenges.json")
    }

    /// The progress saved so far, or none when there is no readable, well-formed file.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChallengeProgress {
        let path = path(environment: environment)
        guard let path, let data = FileManager.default.contents(atPath: path),
              let file = try? JSONDecoder().decode(File.self, from: data) else {
            return ChallengeProgress(path: path)
        }
        // A hand-edited count below one is no score.
        return ChallengeProgress(best: file.solved.compactMapValues { $0.bestChoices > 0 ? $0.bestChoices : nil }, path: path)
    }

    /// Whether the challenge has been solved.
    public func isSolved(_ name: String) -> Bool { best[name] != nil }

    /// The fewest choices it has been solved in.
    public func best(for name: String) -> Int? { best[name] }

    /// Notes a win; true when it is the first or beats the best so far (only then is it kept).
    @discardableResult
    public mutating func recordSolved(name: String, choices: Int) -> Bool {
        if let known = best[name], known <= choices { return false }
        best[name] = choices
        return true
    }

    /// Writes the progress all at once (a temporary file renamed into place), creating its
    /// directory as needed. Throws `ChallengeProgressError` with a one-line reason.
    public func save() throws {
        guard let path else { throw ChallengeProgressError(reason: "no HOME or XDG_STATE_HOME to keep it in") }
        let file = File(version: 1, solved: best.mapValues { File.Entry(bestChoices: $0) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            let directory = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try encoder.encode(file).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ChallengeProgressError(reason: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The file's shape, versioned so a later one can change it.
    private struct File: Codable {
        struct Entry: Codable { var bestChoices: Int }
        var version: Int
        var solved: [String: Entry]
    }
}

/// Why progress could not be saved, in one line.
public struct ChallengeProgressError: Error, CustomStringConvertible, Equatable {
    public var reason: String
    public var description: String { "progress not saved: \(reason)" }
}
