import CNCurses
import InterleaveUI
import Testing
@testable import InterleaveTerminal

@Suite struct CursesPaletteTests {
    @Test func sixteenColoursMapOneToOne() {
        let palette = CursesPalette(colorCount: 256, usesTerminalDefaults: true)
        #expect(palette.number(for: .black, asForeground: true) == 0)
        #expect(palette.number(for: .white, asForeground: true) == 7)
        #expect(palette.number(for: .brightBlack, asForeground: false) == 8)
        #expect(palette.number(for: .brightWhite, asForeground: true) == 15)
        #expect(!palette.needsBold(.brightRed))
    }

    @Test func eightColourTerminalsShowBrightForegroundsAsBold() {
        let palette = CursesPalette(colorCount: 8, usesTerminalDefaults: true)
        #expect(palette.number(for: .brightRed, asForeground: true) == 1)
        #expect(palette.number(for: .brightBlue, asForeground: false) == 4)
        #expect(palette.needsBold(.brightRed))
        #expect(!palette.needsBold(.red))
        #expect(!palette.needsBold(.default))
    }

    @Test func defaultColourIsTheTerminalsOwnWhenAvailable() {
        let withDefaults = CursesPalette(colorCount: 8, usesTerminalDefaults: true)
        #expect(withDefaults.number(for: .default, asForeground: true) == -1)
        #expect(withDefaults.defaultPair == .init(foreground: -1, background: -1))
        let without = CursesPalette(colorCount: 8, usesTerminalDefaults: false)
        #expect(without.defaultPair == .init(foreground: 7, background: 0))
    }
}

@Suite struct ColorPairCacheTests {
    private let terminalDefaults = ColorPairCache.Colors(foreground: -1, background: -1)

    @Test func pairsAreNumberedInOrderOfFirstUseAndReused() {
        var cache = ColorPairCache(defaultColors: terminalDefaults, pairLimit: 64)
        let red = ColorPairCache.Colors(foreground: 1, background: -1)
        let onBlue = ColorPairCache.Colors(foreground: -1, background: 4)
        #expect(cache.lookup(red) == .new(1))
        #expect(cache.lookup(onBlue) == .new(2))
        #expect(cache.lookup(red) == .existing(1))
        #expect(cache.lookup(onBlue) == .existing(2))
        #expect(cache.count == 2)
    }

    @Test func defaultColoursArePairZeroWithoutDefiningIt() {
        var cache = ColorPairCache(defaultColors: terminalDefaults, pairLimit: 64)
        #expect(cache.lookup(terminalDefaults) == .existing(0))
        #expect(cache.count == 0)
    }

    @Test func runningOutOfPairsFallsBackToPairZero() {
        var cache = ColorPairCache(defaultColors: terminalDefaults, pairLimit: 3)
        #expect(cache.lookup(.init(foreground: 1, background: -1)) == .new(1))
        #expect(cache.lookup(.init(foreground: 2, background: -1)) == .new(2))
        #expect(cache.lookup(.init(foreground: 3, background: -1)) == .exhausted)
        #expect(cache.lookup(.init(foreground: 1, background: -1)) == .existing(1))
    }

    @Test func everyUIColourComboFitsInA256PairTerminal() {
        let palette = CursesPalette(colorCount: 256, usesTerminalDefaults: true)
        var cache = ColorPairCache(defaultColors: palette.defaultPair, pairLimit: 65536)
        var exhausted = 0
        for foreground in Color.allCases {
            for background in Color.allCases {
                let colors = ColorPairCache.Colors(
                    foreground: palette.number(for: foreground, asForeground: true),
                    background: palette.number(for: background, asForeground: false))
                if cache.lookup(colors) == .exhausted { exhausted += 1 }
            }
        }
        #expect(exhausted == 0)
        #expect(cache.count == 17 * 17 - 1)
    }
}

@Suite struct StyleEncoderTests {
    @Test func attributesMapToCursesBits() {
        #expect(StyleEncoder.attributes([]) == cncurses_attribute_normal())
        let all = StyleEncoder.attributes([.bold, .dim, .reverse, .underline])
        for bit in [cncurses_attribute_bold(), cncurses_attribute_dim(),
                    cncurses_attribute_reverse(), cncurses_attribute_underline()] {
            #expect(all & bit == bit)
        }
    }

    @Test func eachPairIsDefinedOnceAcrossStyles() {
        var styles = StyleEncoder(palette: CursesPalette(colorCount: 256, usesTerminalDefaults: true), pairLimit: 256)
        var defined: [Int16] = []
        let boldRed = styles.encode(Style(foreground: .red, attributes: .bold)) { number, _ in defined.append(number) }
        let plainRed = styles.encode(Style(foreground: .red)) { number, _ in defined.append(number) }
        let plain = styles.encode(.plain) { number, _ in defined.append(number) }
        #expect(defined == [1])
        #expect(boldRed.pair == 1 && plainRed.pair == 1 && plain.pair == 0)
        #expect(boldRed.attributes == cncurses_attribute_bold())
    }

    @Test func withoutColoursOnlyAttributesRemain() {
        var styles = StyleEncoder(palette: nil, pairLimit: 256)
        var defined = 0
        let look = styles.encode(Style(foreground: .brightRed, background: .blue, attributes: .underline)) { _, _ in
            defined += 1
        }
        #expect(defined == 0)
        #expect(look == .init(attributes: cncurses_attribute_underline(), pair: 0))
    }

    @Test func brightForegroundOnEightColoursAddsBold() {
        var styles = StyleEncoder(palette: CursesPalette(colorCount: 8, usesTerminalDefaults: true), pairLimit: 64)
        let look = styles.encode(Style(foreground: .brightGreen)) { _, _ in }
        #expect(look.attributes & cncurses_attribute_bold() != 0)
    }
}
