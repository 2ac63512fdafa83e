import Foundation
import Interleave
@testable import InterleavePython
import InterleaveTrace
import Testing

/// The lessons' own programs, unmodified, under `interleave run`: each prints CPython's lines, in
/// CPython's order, at the virtual second CPython printed them at wall-clock time (±0.05 s), and
/// exits as CPython does. `Lessons/NAME.expected` is CPython's own output, written by
/// `scripts/lesson-oracle.py` (first line `exit STATUS`, then `SECONDS<TAB>out|err<TAB>text`;
/// of a traceback only its last line).
@Suite struct LessonProgramTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Lessons")

    static var programs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: lessons.path)) ?? []
        return names.filter { $0.hasSuffix(".py") && names.contains(String($0.dropLast(3)) + ".expected") }.sorted()
    }

    struct Expected {
        var status: Int32
        var lines: [(seconds: Double, stream: String, text: String)]
    }

    static func expected(for program: String) throws -> Expected {
        let text = try String(contentsOf: lessons.appendingPathComponent(String(program.dropLast(3)) + ".expected"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let status = Int32(lines.removeFirst().dropFirst("exit ".count)) ?? -1
        return Expected(status: status, lines: lines.map { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            return (Double(fields[0]) ?? -1, fields[1], fields.count > 2 ? fields[2] : "")
        })
    }

    /// Runs the program headless; its printed lines with their virtual seconds, and its outcome.
    static func run(_ program: String, runningAhead: Bool = false)
        -> (lines: [(seconds: Double, text: String)], outcome: PythonOutcome, events: [String]) {
        let loop = Loop()
        let outcome = PythonProgram(path: lessons.appendingPathComponent(program).path, directory: lessons.path)
            .start(on: loop, runningAhead: runningAhead)
        loop.runUntilIdle()
        loop.close()
        let store = loop.store
        let lines = store.events.snapshot().filter { $0.kind == .output }.map {
            (Double($0.time) / 1e9, store.string(StringID(rawValue: UInt32($0.arg))))
        }
        let events = store.events.snapshot().map { "\($0.kind) \($0.task.rawValue) \($0.time) \($0.arg) \($0.resource.rawValue)" }
        return (lines, outcome, events)
    }

    /// Running ahead (the Python side steps itself, the loop follows and checks each step)
    /// records the very trace that stepping command by command does, and the same outcome.
    @Test(arguments: programs)
    func runningAheadRecordsTheSameTrace(_ program: String) throws {
        guard PythonProgram.runnerDirectory != nil else { Issue.record("the runner is missing"); return }
        let stepped = Self.run(program)
        let ahead = Self.run(program, runningAhead: true)
        #expect(ahead.outcome.status == stepped.outcome.status, "\(program): \(ahead.outcome.reason ?? "")")
        #expect(ahead.outcome.reason == stepped.outcome.reason, "\(program)")
        #expect(ahead.events.count == stepped.events.count, "\(program)")
        if let index = stepped.events.indices.first(where: { $0 >= ahead.events.count || ahead.events[$0] != stepped.events[$0] }) {
            Issue.record("\(program): event \(index) is \(index < ahead.events.count ? ahead.events[index] : "missing") running ahead, \(stepped.events[index]) stepped")
        }
    }

    @Test(arguments: programs)
    func printsWhatCPythonPrintsAtTheSameVirtualSecond(_ program: String) throws {
        guard PythonProgram.runnerDirectory != nil else { Issue.record("the runner is missing"); return }
        let expected = try Self.expected(for: program)
        let (lines, outcome, _) = Self.run(program)
        #expect(outcome.status == expected.status, "\(program): \(outcome.reason ?? "")")
        // Standard output: the same lines in the same order, each within 0.05 s.
        let wanted = expected.lines.filter { $0.stream == "out" }
        let printed = lines.filter { line in !line.text.hasPrefix("Traceback") }
        var index = 0
        for want in wanted {
            guard let found = printed[index...].firstIndex(where: { $0.text == want.text }) else {
                Issue.record("\(program): missing line \(want.text) (printed: \(printed.map(\.text)))")
                return
            }
            #expect(abs(printed[found].seconds - want.seconds) <= 0.05,
                    "\(program): \(want.text) at \(printed[found].seconds)s, CPython \(want.seconds)s")
            index = found + 1
        }
        // Standard error: each exception line CPython ended with is in the run's output.
        for want in expected.lines where want.stream == "err" && !want.text.hasPrefix("sys:1") {
            #expect(lines.contains { $0.text.contains(want.text) }, "\(program): no line \(want.text) in \(lines.map(\.text))")
        }
    }
}
