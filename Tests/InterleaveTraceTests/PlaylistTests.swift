import Testing
@testable import InterleaveTrace

/// The playlist format: what it accepts, and each refusal with the line it names.
@Suite struct PlaylistTests {
    @Test func aFileWithEveryFeatureParses() throws {
        let playlist = try Playlist.parse("""
            # Week 3: locks
            demo hello
              demo gather   speed=2 title=Running tasks together:  gather!\r
            trace talks/lock.itrace speed=1/4 stop=1.5s,250ms,step:40,captions
            demo race stop=none title=  The lost update
            """)
        #expect(playlist.items == [
            Playlist.Item(source: .demo("hello"), line: 2),
            Playlist.Item(source: .demo("gather"), speed: 2, title: "Running tasks together:  gather!", line: 3),
            Playlist.Item(
                source: .trace("talks/lock.itrace"), speed: 0.25,
                stops: Playlist.Stops(atCaptions: true, times: [250_000_000, 1_500_000_000], steps: [40]), line: 4),
            Playlist.Item(source: .demo("race"), stops: .none, title: "The lost update", line: 5),
        ])
    }

    @Test func aByteOrderMarkAndWindowsLineEndingsAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("demo hello\r\ndemo gather speed=0.5\r\n".utf8)
        let playlist = try Playlist.parse(bytes: bytes)
        #expect(playlist.items.map(\.source) == [.demo("hello"), .demo("gather")])
        #expect(playlist.items[1].speed == 0.5)
    }

    @Test(arguments: [
        ("demo hello\nfilm x", 2, PlaylistError.Kind.unknownItemKind("film")),
        ("demo", 1, .missingTarget(kind: "demo")),
        ("\n\ntrace   ", 3, .missingTarget(kind: "trace")),
        ("demo hello speed", 1, .expectedOption("speed")),
        ("demo hello sped=2", 1, .unknownOption("sped")),
        ("demo hello speed=2 speed=3", 1, .repeatedOption("speed")),
        ("demo hello speed=100", 1, .invalidSpeed("100")),
        ("demo hello speed=0", 1, .invalidSpeed("0")),
        ("demo hello speed=1/0", 1, .invalidSpeed("1/0")),
        ("demo hello speed=inf", 1, .invalidSpeed("inf")),
        ("demo hello speed=1e1", 1, .invalidSpeed("1e1")),
        ("demo hello speed=-1", 1, .invalidSpeed("-1")),
        ("demo hello stop=soon", 1, .invalidStop("soon")),
        ("demo hello stop=1.5", 1, .invalidStop("1.5")),
        ("demo hello stop=captions,,2s", 1, .invalidStop("")),
        ("demo hello stop=none,2s", 1, .invalidStop("none")),
        ("demo hello stop=step:-1", 1, .invalidStop("step:-1")),
        ("demo hello stop=step:99999999999", 1, .invalidStop("step:99999999999")),
        ("demo hello stop=99999999999999s", 1, .invalidStop("99999999999999s")),
        ("demo hello title=   ", 1, .emptyTitle),
        ("demo he\u{1B}]0;x\u{07}llo", 1, .invalidTarget("he\u{1B}]0;x\u{07}llo")),
        ("# only a comment", 0, .noItems),
        ("", 0, .noItems),
    ])
    func eachMistakeIsNamedWithItsLine(text: String, line: Int, kind: PlaylistError.Kind) {
        #expect(throws: PlaylistError(line: line, kind)) { try Playlist.parse(text) }
    }

    @Test func limitsAreRefusedBeforeAnythingIsBuilt() {
        let big = String(repeating: "# padding\n", count: Playlist.maximumBytes / 10 + 1)
        #expect(throws: PlaylistError(line: 0, .tooLarge(bytes: big.utf8.count))) { try Playlist.parse(big) }

        let longLine = "demo hello title=" + String(repeating: "x", count: Playlist.maximumLineBytes)
        #expect(throws: PlaylistError(line: 1, .lineTooLong(bytes: longLine.utf8.count))) { try Playlist.parse(longLine) }

        let items = String(repeating: "demo hello\n", count: Playlist.maximumItems + 1)
        #expect(throws: PlaylistError(line: Playlist.maximumItems + 1, .tooManyItems)) { try Playlist.parse(items) }

        let stops = "demo hello stop=" + Array(repeating: "1s", count: Playlist.maximumStops + 1).joined(separator: ",")
        #expect(throws: PlaylistError(line: 1, .tooManyStops)) { try Playlist.parse(stops) }

        let title = "demo hello title=" + String(repeating: "é", count: Playlist.maximumTitleLength + 1)
        #expect(throws: PlaylistError(line: 1, .titleTooLong(characters: Playlist.maximumTitleLength + 1))) {
            try Playlist.parse(title)
        }
    }

    @Test func bytesThatAreNotUTF8AreRefusedOnTheirLine() {
        let bytes = Array("demo hello\ndemo ".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        #expect(throws: PlaylistError(line: 2, .invalidUTF8)) { try Playlist.parse(bytes: bytes) }
    }

    @Test func errorMessagesAreOneLineWithTheFileTextEscaped() {
        let error = PlaylistError(line: 7, .unknownItemKind("\u{1B}[2J\n" + String(repeating: "a", count: 100)))
        let text = error.description
        #expect(text.hasPrefix("line 7: '\\u{1b}[2J\\u{a}aaa"))
        #expect(text.contains("…'"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
        #expect(PlaylistError(line: 0, .noItems).description == "the playlist lists no demo or trace")
    }

    @Test func arbitraryBytesNeverTrap() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("demo trace speed=stop=title=captions none step:1.5s ms,/#\n\r\t é".utf8) + [0, 0x1B, 0xFF, 0xC3]
        for _ in 0..<2000 {
            let count = Int.random(in: 0..<200, using: &generator)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
            do {
                let playlist = try Playlist.parse(bytes: bytes)
                #expect(!playlist.items.isEmpty)
            } catch {
                #expect(!error.description.contains("\n"))
            }
        }
    }
}

/// Where a presentation holds in a trace.
@Suite struct PlaylistStopTests {
    /// Events: created, resumed (step 1), caption, sleep until 1 s, resumed at 1 s (step 2), caption, returned.
    static func store() -> TraceStore {
        let store = TraceStore()
        let task = TaskID(rawValue: 0)
        let second: Int64 = 1_000_000_000
        for event in [
            TraceEvent(time: 0, kind: .taskCreated, task: task),
            TraceEvent(time: 0, kind: .taskResumed, task: task),
            TraceEvent(time: 0, kind: .caption, task: task),
            TraceEvent(time: 0, kind: .taskSleeping, task: task, arg: second),
            TraceEvent(time: second, kind: .taskResumed, task: task),
            TraceEvent(time: second, kind: .caption, task: task),
            TraceEvent(time: second, kind: .taskReturned, task: task),
        ] { _ = store.events.append(event) }
        return store
    }

    @Test func captionsHoldRightAfterTheirEventAndTheEndAlwaysHolds() {
        // The caption at 1 s is followed only by main returning at 1 s: the end holds for both.
        #expect(Playlist.Stops.captions.positions(in: Self.store()) == [3, 7])
        #expect(Playlist.Stops.none.positions(in: Self.store()) == [7])
    }

    @Test func aCaptionBeforeTheLastInstantKeepsItsOwnStop() {
        let store = Self.store()
        _ = store.events.append(TraceEvent(time: 2_000_000_000, kind: .taskCreated, task: TaskID(1)))
        #expect(Playlist.Stops.captions.positions(in: store) == [3, 6, 8])
    }

    @Test func timesHoldAfterEveryEventAtOrBeforeThem() {
        let stops = Playlist.Stops(atCaptions: false, times: [0, 500_000_000, 5_000_000_000])
        #expect(stops.positions(in: Self.store()) == [4, 7])
    }

    @Test func stepsHoldWhereTheNextStepBegins() {
        let stops = Playlist.Stops(atCaptions: false, steps: [0, 1, 2, 9])
        #expect(stops.positions(in: Self.store()) == [1, 4, 7])
    }

    @Test func anInjectedFaultHoldsAtTheEndOfItsInstantWithCaptionsOnly() {
        let store = TraceStore()
        let task = TaskID(rawValue: 0)
        let second: Int64 = 1_000_000_000
        for event in [
            TraceEvent(time: 0, kind: .taskCreated, task: task),
            TraceEvent(time: 0, kind: .caption, task: task),
            TraceEvent(time: second, kind: .faultInjected, task: task),
            TraceEvent(time: second, kind: .taskFailed, task: task),
            TraceEvent(time: 2 * second, kind: .taskCreated, task: TaskID(1)),
            TraceEvent(time: 3 * second, kind: .taskReturned, task: TaskID(1)),
        ] { _ = store.events.append(event) }
        #expect(Playlist.Stops.captions.positions(in: store) == [2, 4, 6], "after the fault and its failure")
        #expect(Playlist.Stops.none.positions(in: store) == [6])
    }

    @Test func anEmptyTraceHoldsOnceAtItsStart() {
        #expect(Playlist.Stops.captions.positions(in: TraceStore()) == [0])
    }
}
