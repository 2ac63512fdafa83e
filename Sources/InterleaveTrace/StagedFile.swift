import Foundation

/// A file that appears at its path whole or not at all: written under a temporary name in the
/// same folder, then renamed over the path once complete.
///
/// A command that fails halfway (an injection that finds no task, a full disk, a bad input)
/// discards the temporary file, so it leaves nothing at the path and does not clobber a file
/// that was there. The rename is atomic because both names are in one folder, so on one
/// file system. A path that is a device or a pipe (`/dev/full`, `/dev/stdout`) is written
/// directly: renaming over it would replace the device with a file, and nothing partial stays
/// on a device anyway. A symlink to a file has its target replaced, and stays a symlink.
/// ```swift
/// let file = StagedFile(path: "run.itrace")
/// // … write everything to file.writingPath …
/// try file.commit()    // or file.discard() on failure
/// ```
public struct StagedFile: Sendable {
    /// The path asked for, as error messages name it.
    public let path: String
    /// Where the bytes go until `commit`: a hidden name next to the destination, or the
    /// destination itself when it cannot be replaced by a rename.
    public let writingPath: String
    /// The file `commit` renames over (the symlink's target for a symlink).
    private let destination: String

    /// True when writes go to a temporary file, which should then be opened exclusively.
    public var isStaged: Bool { writingPath != destination }

    public init(path: String) {
        self.path = path
        var destination = path
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            destination = String(cString: resolved)
            free(resolved)
        }
        self.destination = destination
        if stat(destination, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            writingPath = destination
            return
        }
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        // Hidden and unique: no listing shows it mid-write, and two commands never share one.
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        writingPath = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).\(getpid())-\(suffix).partial")
    }

    /// Why the finished file could not be put at its path, as the system says it.
    public struct CommitError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Puts the finished file at the path; on failure removes it and throws a `CommitError`.
    public func commit() throws {
        guard isStaged else { return }
        guard rename(writingPath, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw CommitError(path: path, reason: reason)
        }
    }

    /// Removes the temporary file, leaving the path as it was before the command.
    public func discard() {
        guard isStaged else { return }
        unlink(writingPath)
    }
}
