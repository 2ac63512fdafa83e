import Interleave
import InterleaveApp
import Testing

/// `--inject` text read into specs: every verb, every time format, and every way to get it wrong.
@Suite struct InjectionSpecTests {
    @Test(arguments: [
        ("fail task2 at 1.5s", InjectionSpec(fault: .fail, taskName: "task2", time: .milliseconds(1500))),
        ("cancel t at 1", InjectionSpec(fault: .cancel, taskName: "t", time: .seconds(1))),
        ("io t at 250ms", InjectionSpec(fault: .ioFailure, taskName: "t", time: .milliseconds(250))),
        ("io-failure t at 0s", InjectionSpec(fault: .ioFailure, taskName: "t", time: .zero)),
        ("stall t at 0.5s for 2s", InjectionSpec(fault: .stall(.seconds(2)), taskName: "t", time: .milliseconds(500))),
    ])
    func eachVerbReads(text: String, expected: InjectionSpec) throws {
        #expect(try InjectionSpec(parsing: text) == expected)
    }

    @Test(arguments: [
        "",                             // no words
        "fail task2",                   // too few
        "fail task2 at",                // five words is neither form
        "fail task2 on 1s",             // "at" missing
        "fail task2 at soon",           // unreadable time
        "fail task2 at -1s",            // negative time
        "fail task2 at 1e10",           // absurdly far
        "explode task2 at 1s",          // unknown verb
        "stall t at 1s",                // a stall needs its duration
        "stall t at 1s during 2s",      // "for" missing
        "stall t at 1s for ever",       // unreadable duration
        "fail t at 1s for 2s",          // only a stall takes "for"
    ])
    func badTextIsOneErrorQuotingIt(text: String) {
        #expect(throws: InjectionError.self) { try InjectionSpec(parsing: text) }
        do {
            _ = try InjectionSpec(parsing: text)
        } catch {
            #expect(error.description.hasPrefix("cannot read injection '\(text)'"))
            #expect(error.description.contains("'stall task1 at 0.5s for 2s'"), "the message shows the forms")
        }
    }

    @Test func durationsReadSecondsMillisecondsAndBareNumbers() {
        #expect(InjectionSpec.duration("1.5s") == .milliseconds(1500))
        #expect(InjectionSpec.duration("1.5") == .milliseconds(1500))
        #expect(InjectionSpec.duration("250ms") == .milliseconds(250))
        #expect(InjectionSpec.duration("-1ms") == nil)
        #expect(InjectionSpec.duration("1e9ms") == nil)
        #expect(InjectionSpec.duration("ms") == nil)
        #expect(InjectionSpec.duration("s") == nil)
    }
}
