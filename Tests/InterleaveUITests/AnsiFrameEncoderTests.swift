import InterleaveTrace
import InterleaveUI
import Testing

/// The frame encoder's bytes, replayed into a model terminal, give back exactly the frames.
@Suite struct AnsiFrameEncoderTests {
    static let palette: [Style] = [
        .plain,
        Style(foreground: .green, attributes: .bold),
        Style(foreground: .brightWhite, background: .blue),
        Style(foreground: .black, background: .brightYellow, attributes: [.reverse, .underline]),
        Style(attributes: .dim),
    ]

    /// A frame of random text and styles, the same for the same generator state.
    static func randomFrame(width: Int, height: Int, using rng: inout SeededGenerator) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        let glyphs: [Unicode.Scalar] = ["a", "Z", " ", "█", "░", "─", "│", "é", "✗"]
        for y in 0..<height {
            for x in 0..<width where Int.random(in: 0..<3, using: &rng) > 0 {
                let scalar = glyphs[Int.random(in: 0..<glyphs.count, using: &rng)]
                buffer.set(x, y, Cell(scalar, style: palette[Int.random(in: 0..<palette.count, using: &rng)]))
            }
        }
        return buffer
    }

    /// Small random edits to a frame, as one tick of a replay makes.
    static func edited(_ frame: Buffer, using rng: inout SeededGenerator) -> Buffer {
        var next = frame
        for _ in 0..<Int.random(in: 0..<12, using: &rng) {
            let x = Int.random(in: 0..<frame.width, using: &rng), y = Int.random(in: 0..<frame.height, using: &rng)
            next.write("x#", x: x, y: y, style: palette[Int.random(in: 0..<palette.count, using: &rng)])
        }
        return next
    }

    @Test func theFirstFrameClearsTheScreenAndDrawsEveryCell() {
        var rng = SeededGenerator(seed: 1)
        let frame = Self.randomFrame(width: 30, height: 8, using: &rng)
        var encoder = AnsiFrameEncoder()
        let bytes = encoder.encode(frame)
        #expect(bytes.hasPrefix("\u{1B}[?25l\u{1B}[0m\u{1B}[2J"))
        var terminal = TerminalModel(width: 30, height: 8)
        terminal.feed(bytes)
        #expect(terminal.rejected.isEmpty)
        #expect(terminal.screen == frame)
    }

    @Test func aSequenceOfFramesReplaysToEachFrame() {
        var rng = SeededGenerator(seed: 7)
        var frame = Self.randomFrame(width: 40, height: 12, using: &rng)
        var encoder = AnsiFrameEncoder()
        var terminal = TerminalModel(width: 40, height: 12)
        for index in 0..<200 {
            terminal.feed(encoder.encode(frame))
            #expect(terminal.screen == frame, "frame \(index) differs")
            frame = Self.edited(frame, using: &rng)
        }
        #expect(terminal.rejected.isEmpty)
    }

    @Test func anUnchangedFrameCostsNothingAndOneChangedCellCostsOneMove() {
        var frame = Buffer(width: 20, height: 5)
        frame.write("hello", x: 0, y: 0)
        var encoder = AnsiFrameEncoder()
        _ = encoder.encode(frame)
        #expect(encoder.encode(frame) == "")
        frame.write("J", x: 0, y: 0)
        #expect(encoder.encode(frame) == "\u{1B}[1;1HJ")
        frame.write("!", x: 19, y: 4, style: Style(foreground: .red))
        #expect(encoder.encode(frame) == "\u{1B}[5;20H\u{1B}[0;31m!")
    }

    @Test func stylesBecomeResetThenAttributesThenColours() {
        let style = Style(foreground: .brightRed, background: .blue, attributes: [.bold, .underline, .reverse, .dim])
        #expect(AnsiFrameEncoder.selectGraphicRendition(style) == "\u{1B}[0;1;2;4;7;91;44m")
        #expect(AnsiFrameEncoder.selectGraphicRendition(.plain) == "\u{1B}[0m")
        #expect(AnsiFrameEncoder.selectGraphicRendition(Style(foreground: .white, background: .brightBlack)) == "\u{1B}[0;37;100m")
    }

    @Test func aNewSizeRedrawsEverything() {
        var encoder = AnsiFrameEncoder()
        var small = Buffer(width: 10, height: 3)
        small.write("small", x: 0, y: 0)
        _ = encoder.encode(small)
        var large = Buffer(width: 12, height: 4)
        large.write("large", x: 2, y: 3)
        let bytes = encoder.encode(large)
        #expect(bytes.contains("\u{1B}[2J"))
        var terminal = TerminalModel(width: 12, height: 4)
        terminal.feed(bytes)
        #expect(terminal.screen == large)
    }

    @Test func noControlCharacterOfAFrameReachesTheBytes() {
        var frame = Buffer(width: 16, height: 2)
        frame.write("\u{1B}]0;pwned\u{07}", x: 0, y: 0)
        // Cells set directly bypass the buffer's escaping; the encoder still refuses them.
        frame[0, 1] = Cell("\u{1B}")
        frame[1, 1] = Cell("\u{9B}")
        var encoder = AnsiFrameEncoder()
        let bytes = encoder.encode(frame)
        var terminal = TerminalModel(width: 16, height: 2)
        terminal.feed(bytes)
        #expect(terminal.rejected.isEmpty)
        #expect(terminal.screen.lines()[0].hasPrefix("\\e]0;pwned\\a"))
        #expect(terminal.screen.lines()[1].hasPrefix("??"))
    }

    @Test func aWideCharacterIsFollowedByAMoveToTheNextCell() {
        var frame = Buffer(width: 10, height: 1)
        frame.write("任務ab", x: 0, y: 0)
        var encoder = AnsiFrameEncoder()
        let bytes = encoder.encode(frame)
        #expect(bytes.hasSuffix("\u{1B}[1;1H任\u{1B}[1;2H務\u{1B}[1;3Hab"))
    }

    @Test func finishingResetsTheStyleAndShowsTheCursorOnTheLastRow() {
        var encoder = AnsiFrameEncoder()
        _ = encoder.encode(Buffer(width: 80, height: 24))
        #expect(encoder.finish() == "\u{1B}[0m\u{1B}[24;1H\u{1B}[?25h")
    }
}
