import Interleave
import InterleaveApp
import InterleaveTrace
import Testing

@Suite struct ReplayProgramTests {
    private let program: Explorer.Program = { loop in
        loop.spawn("main") {
            let done = Event("done")
            _ = try await gather(spawn("a") { try await sleep(for: .seconds(1)); done.set() },
                                 spawn("b") { try await done.wait() })
        }
    }

    @Test func theRecordingsPolicyComesFromItsHeader() {
        var header = TraceHeader()
        header.schedule = "fifo"
        #expect(ReplayProgram(header: header, program: program)?.policy == .fifo)
        header.schedule = "random"
        header.seed = 7
        #expect(ReplayProgram(header: header, program: program)?.policy == .random(seed: 7))
        header.schedule = "replay"
        header.choices = [0, 1]
        #expect(ReplayProgram(header: header, program: program)?.policy == .replay(Schedule([0, 1])))
        header.schedule = "something newer"
        #expect(ReplayProgram(header: header, program: program) == nil)
    }

    @Test func aRerunMatchesItsRecordingAndAnotherProgramDoesNot() {
        func record(_ program: Explorer.Program) -> TraceStore {
            let loop = Loop()
            program(loop)
            loop.runUntilIdle()
            loop.close()
            return loop.store
        }
        let recording = record(program), rerun = record(program)
        let events = recording.events.count
        #expect(ReplayProgram.rerun(rerun, matches: recording, throughEvent: events))
        let other = record { loop in loop.spawn("main") { try await sleep(for: .seconds(2)) } }
        #expect(!ReplayProgram.rerun(other, matches: recording, throughEvent: events))
        #expect(!ReplayProgram.rerun(rerun, matches: recording, throughEvent: events + 1), "more events than either holds")
    }
}
