import InterleaveTrace
import InterleaveUI
import Testing

/// The "terminal too small" screen must itself fit: shorter wording as the window shrinks.
@Suite struct TooSmallViewTests {
    @Test(arguments: [(40, 12), (33, 5), (21, 2), (10, 3), (10, 1), (9, 1)])
    func theMessageIsNeverCutOff(width: Int, height: Int) {
        let lines = TooSmallView.message(width: width, height: height)
        let frame = Frame(Workloads.lockDemo(), at: "racing", width: width, height: height)
        let text = frame.render().text()
        #expect(!text.contains("…"), "cut off at \(width)×\(height):\n\(text)")
        if lines.allSatisfy({ $0.unicodeScalars.count <= width }) {
            for line in lines { #expect(text.contains(line), "\(width)×\(height) lacks \"\(line)\":\n\(text)") }
        }
    }

    @Test func theFullWordingWhenThereIsRoom() {
        #expect(TooSmallView.message(width: 60, height: 20) == [
            "Terminal too small: need 80×24, have 60×20", "Enlarge the window, or press q to quit.",
        ])
        #expect(TooSmallView.message(width: 10, height: 3) == ["Need 80×24", "q quits"])
    }
}
