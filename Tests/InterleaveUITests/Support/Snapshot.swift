import Foundation
import InterleaveTrace
import InterleaveUI
import Testing

/// Compares `text` with `Snapshots/<name>.txt` next to the calling test file, or writes that
/// file when `INTERLEAVE_RECORD_SNAPSHOTS=1` (swift-argument-parser's `assertSnapshot`).
func assertSnapshot(
    _ text: String, named name: String, filePath: String = #filePath,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent("\(name).txt")
    let actual = text + "\n"
    let environment = ProcessInfo.processInfo.environment
    if environment["INTERLEAVE_RECORD_SNAPSHOTS"] == "1" {
        // Recording passes by definition: in CI it would hide every difference.
        guard environment["CI"] == nil else {
            Issue.record("INTERLEAVE_RECORD_SNAPSHOTS is refused when CI is set", sourceLocation: sourceLocation)
            return
        }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            try actual.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record(
            "missing snapshot \(file.path); run with INTERLEAVE_RECORD_SNAPSHOTS=1 to record it",
            sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for row in 0..<max(expectedLines.count, actualLines.count) {
        let e = row < expectedLines.count ? String(expectedLines[row]) : "<none>"
        let a = row < actualLines.count ? String(actualLines[row]) : "<none>"
        if e != a { diff.append("row \(row):\n  expected: \(e)\n  actual:   \(a)") }
    }
    let details = diff.prefix(8).joined(separator: "\n")
    Issue.record(
        "snapshot \(name) differs (INTERLEAVE_RECORD_SNAPSHOTS=1 re-records):\n\(details)", sourceLocation: sourceLocation)
}

/// Renders a script at a mark, with the state prepared the way the driver would.
///
/// A live frame sees the trace only up to the mark, as a running demo would; a rewound or
/// replayed frame sees the whole trace with the cursor moved back to the mark.
struct Frame {
    var store: TraceStore
    var cursor: TraceCursor
    var state: AppState

    init(_ script: Script, at mark: String?, width: Int, height: Int, replay: Bool = false, rewound: Bool = false) {
        if let mark, !replay, !rewound {
            store = script.truncated(at: mark)
            cursor = TraceCursor(store: store)
            cursor.catchUp()
        } else {
            store = script.store
            cursor = script.cursor(at: mark)
        }
        state = AppState(replay: replay, width: width, height: height)
        sync()
    }

    /// Sends the world's facts to the state, as the driver does after every move.
    mutating func sync() {
        _ = state.reduce(.worldChanged(WorldFacts(store: store, world: cursor.world, latestStep: cursor.totalSteps)))
    }

    /// The task called `name`.
    func task(_ name: String) -> TaskID {
        return TaskID((0..<store.tasks.count).first { store.tasks[$0].name == name }!)
    }

    mutating func select(_ name: String) {
        state.selected = task(name)
    }

    func render(theme: Theme = .color, glyphs: Glyphs = .unicode) -> Buffer {
        Screen.render(
            store: store, world: cursor.world, state: state, theme: theme, glyphs: glyphs,
            width: state.width, height: state.height)
    }
}
