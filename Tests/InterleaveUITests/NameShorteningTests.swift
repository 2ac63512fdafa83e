@testable import InterleaveUI
import InterleaveTrace
import Testing

/// Names cut in the middle keep the end that tells numbered siblings apart.
@Suite struct NameShorteningTests {
    @Test(arguments: [
        ("philosopher3", 8, "philo…r3"),
        ("coroutine1", 8, "corou…e1"),
        ("download7", 7, "down…d7"),
        ("download12", 7, "dow…d12"),
        ("download_b", 7, "down…_b"),
        ("task2", 8, "task2"),
        ("task2", 5, "task2"),
        ("task12", 5, "t…k12"),
        ("philosopher3", 17, "philosopher3"),
        ("a-very-long-worker-name", 15, "a-very-lon…name"),
        ("philosopher3", 3, "…r3"),
        ("philosopher3", 1, "…"),
        ("philosopher3", 0, ""),
    ])
    func cutsTheMiddle(name: String, width: Int, expected: String) {
        #expect(NameShortening.shorten(name, to: width, ellipsis: "…") == expected)
    }

    @Test func theResultFitsTheWidth() {
        for width in 0...30 {
            let cut = NameShortening.shorten("downloader-with-a-long-name-42", to: width, ellipsis: "~")
            #expect(cut.unicodeScalars.count <= width)
        }
    }

    @Test(arguments: [5, 6, 7, 8, 9, 12])
    func numberedSiblingsStayDistinct(width: Int) {
        for prefix in ["philosopher", "download", "unlocked", "coroutine", "worker-"] {
            let names = (1...12).map { "\(prefix)\($0)" }
            let cut = names.map { NameShortening.shorten($0, to: width, ellipsis: "…") }
            #expect(Set(cut).count == names.count, "\(cut)")
        }
    }

    @Test func asciiUsesItsOwnEllipsis() {
        #expect(NameShortening.shorten("philosopher3", to: 8, ellipsis: "~") == "philo~r3")
    }
}

/// Sentences too long for the event log cut their names before their end.
@Suite struct SentenceFittingTests {
    static func context() -> ViewContext {
        let store = TraceStore()
        var world = WorldState()
        for event in store.events.snapshot() { world.reduce(event) }
        return ViewContext(store: store, world: world, state: AppState(width: 80, height: 24), theme: .color, glyphs: .unicode)
    }

    @Test func namesGiveWayBeforeTheEnd() {
        let text = "DEADLOCK: philosopher0 waits for fork 1 held by philosopher1"
        let fitted = Self.context().fitSentence(text, naming: ["philosopher0", "philosopher1"], 52)
        #expect(fitted == "DEADLOCK: philo…r0 waits for fork 1 held by philo…r1")
    }

    @Test func aSentenceThatFitsIsLeftAlone() {
        let text = "task2 woken by task1"
        #expect(Self.context().fitSentence(text, naming: ["task2", "task1"], 40) == text)
    }

    @Test func namesAreCutOnlyWhenThatMakesTheSentenceWhole() {
        let text = "philosopher0 waits for fork 1 held by philosopher1"
        // Whole with both names at 8 cells: cut them.
        #expect(Self.context().fitSentence(text, naming: ["philosopher0", "philosopher1"], 42)
                == "philo…r0 waits for fork 1 held by philo…r1")
        // Its end is lost anyway: the names stay readable.
        #expect(Self.context().fitSentence(text, naming: ["philosopher0", "philosopher1"], 20) == "philosopher0 waits …")
    }

    @Test func shortNamesAreNotCutInASentence() {
        let text = "reporter waits to get from jobs (empty)"
        #expect(Self.context().fitSentence(text, naming: ["reporter"], 30) == "reporter waits to get from jo…")
    }
}
