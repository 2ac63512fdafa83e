import Testing
@testable import Interleave
import InterleaveTrace

/// Unnamed standard tasks are named after the line that created them (`TaskCreationSite`).
@Suite struct TaskCreationSiteTests {
    @Test func shortFunctionNamesComeFromTheInnermostNamedFunction() {
        #expect(TaskCreationSite.shortFunctionName("closure #1 (inout TaskGroup<()>) async -> () in fanOut()") == "fanOut")
        #expect(TaskCreationSite.shortFunctionName("specialized Bank.transfer(from:to:amount:)") == "transfer")
        #expect(TaskCreationSite.shortFunctionName("static Pipeline.run<A>(_:)") == "run")
        #expect(TaskCreationSite.shortFunctionName("main") == "main")
    }

    @Test func laneNamesStayShort() {
        #expect(TaskCreationSite.laneName(function: "fanOut()", path: "/x/FanOut.swift", line: 31) == "fanOut@FanOut:31")
        #expect(TaskCreationSite.laneName(function: "timeoutRace()", path: "/x/TimeoutRace.swift", line: 46)
            == "TimeoutRace.swift:46")
        #expect(TaskCreationSite.laneName(function: "go()", path: "/x/A.swift", line: 0) == "go@A.swift")
    }

    @Test func unnamedTasksAreNamedAfterTheLineThatCreatedThem() throws {
        let (loop, lines) = try withExclusiveRouting {
            let loop = Loop(routesStandardJobs: true)
            let lines = try loop.run("main") { () -> [Int] in
                let line = #line + 1
                let first = Task { try? await Task.sleep(for: .seconds(1)) }
                let second = Task { try? await Task.sleep(for: .seconds(1)) }
                await first.value
                await second.value
                async let third: Void = Task.yield()
                await third
                return [line, line + 1, line + 4]
            }
            return (loop, lines)
        }
        let names = taskNames(loop)
        let file = "TaskCreationSiteTests.swift"
        // Created in `closure #N in unnamedTasksAreNamedAfterTheLineThatCreatedThem()`: too long
        // a name for a lane, so the file and line only.
        #expect(names.contains { $0 == "\(file.dropLast(6)):\(lines[0])" }, "\(names)")
        #expect(names.contains { $0.hasSuffix(":\(lines[1])") }, "\(names)")
        #expect(names.contains { $0.hasSuffix(":\(lines[2])") }, "\(names)")
        #expect(!names.contains { $0.hasPrefix("main.") }, "no numbered fallback: \(names)")
        #expect(loop.standardJobs.creationSites.count == 0, "every site taken was used")
    }

    @Test func tasksFromTheSameLineAreNumbered() throws {
        let loop = try withExclusiveRouting {
            let loop = Loop(routesStandardJobs: true)
            try loop.run("main") {
                for _ in 0..<3 { await Task { await Task.yield() }.value }
            }
            return loop
        }
        let names = taskNames(loop).filter { $0 != "main" }
        #expect(names.count == 3, "\(names)")
        #expect(names.count == Set(names).count, "\(names)")
        #expect(names.dropFirst().allSatisfy { $0.hasPrefix(names[0] + "#") }, "\(names)")
    }
}
