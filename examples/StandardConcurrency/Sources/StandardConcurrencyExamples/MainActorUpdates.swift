// A UI-style view model confined to the main actor, fed by background work. The downloads
// run detached, off the main actor, so they never block it; every change to the model's
// state hops back onto the main actor, one at a time, in the order the hops arrive.

/// This file, for the code pane of `visualize`.
public let mainActorSource = (filePath: #filePath, fileID: #fileID)

/// What a screen would render. `@MainActor` makes the class Sendable: it may be shared with
/// background tasks, but its state can only be touched on the main actor.
@MainActor
final class DownloadsViewModel {
    struct State: CustomStringConvertible {
        var active = 0
        var done: [String] = []
        var description: String { "\(active) active, done: \(done)" }
    }

    var state = State()

    func started(_ file: String) {
        state.active += 1
        render("started \(file)")
    }

    func finished(_ file: String) {
        state.active -= 1
        state.done.append(file)
        render("finished \(file)")
    }

    /// Stands in for redrawing the screen, which must happen on the main thread.
    private func render(_ change: String) { print("[main actor] \(change): \(state)") }
}

/// Three detached downloads report progress to the main-actor view model.
public func mainActorUpdates() async throws {
    let model = DownloadsViewModel()  // its synthesized init is nonisolated: no hop needed
    let files: [(name: String, duration: Duration)] = [
        ("photo.jpg", .milliseconds(300)),
        ("notes.txt", .milliseconds(100)),
        ("movie.mp4", .milliseconds(600)),
    ]
    let downloads = files.map { file in
        // Detached: the download inherits no actor, so it runs off the main actor. (A plain
        // `Task {}` started from @MainActor code would inherit the main actor and run on it.)
        Task.detached(name: "download-\(file.name)") {
            await model.started(file.name)          // calling a @MainActor method hops there
            try await Task.sleep(for: file.duration) // the "download", off the main actor
            await MainActor.run { model.finished(file.name) }
        }
    }
    for download in downloads { try await download.value }
    let summary = await model.state
    print("all downloads finished: \(summary)")
}
