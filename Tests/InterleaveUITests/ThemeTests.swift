import InterleaveTrace
import InterleaveUI
import Testing

/// Themes and glyphs: states must differ without colour, and monochrome must use no colour.
@Suite struct ThemeTests {
    @Test(arguments: [Glyphs.unicode, Glyphs.ascii])
    func everyStateHasItsOwnGlyph(glyphs: Glyphs) {
        let all = TaskState.allCases.map { glyphs.state($0) }
        #expect(Set(all).count == TaskState.allCases.count)
    }

    @Test func asciiGlyphsAreSevenBit() {
        let g = Glyphs.ascii
        let scalars: [Unicode.Scalar] = TaskState.allCases.map { g.state($0) } + [
            g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.tick, g.barFull,
            g.barEmpty, g.marker, g.nowMarker, g.recordingDot, g.ellipsis,
        ]
        let words = g.times + g.separator + g.upDown + g.leftArrow + g.rightArrow
        let wide = (scalars + Array(words.unicodeScalars)).filter { !$0.isASCII }
        #expect(wide.isEmpty)
    }

    @Test func monochromeUsesAttributesOnly() {
        for role in Role.allCases {
            let style = Theme.monochrome.style(role)
            #expect(style.foreground == .default && style.background == .default, "\(role) has a colour")
        }
    }

    @Test func monochromeStillTellsTheImportantRolesApart() {
        let mono = Theme.monochrome
        #expect(mono.style(.selection) != mono.style(.laneLabel))
        #expect(mono.style(.diagnostic) != mono.style(.caption))
        #expect(mono.style(.lockContended) != mono.style(.lockFree))
        #expect(mono.style(.focusedBorder) != mono.style(.paneBorder))
    }

    @Test func colourThemeColoursEveryTaskState() {
        let styles = TaskState.allCases.filter { $0 != .created }.map { Theme.color.style(for: $0) }
        let coloured = styles.filter { $0.foreground != .default }
        #expect(coloured.count == styles.count)
    }

    @Test func choosePicksMonochromeWithoutColour() {
        #expect(Theme.choose(color: false, presentation: true) == .monochrome)
        #expect(Theme.choose(color: true, presentation: true) == .presentation)
        #expect(Theme.choose(color: true, presentation: false) == .color)
    }
}
