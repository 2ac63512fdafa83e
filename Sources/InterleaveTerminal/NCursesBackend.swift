#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses
import InterleaveUI

/// The real terminal, through ncursesw: draws buffers by writing only the cells that changed,
/// and reads keys, mouse clicks and resizes.
///
/// Only one can be live at a time (ncurses has one current screen). Call `restore()` before
/// printing anything else; it is idempotent and also runs on deinit.
/// ```swift
/// let backend = try NCursesBackend()          // installs TerminalGuard if nobody did
/// defer { backend.restore() }
/// backend.draw(buffer)
/// if let event = backend.nextEvent(timeoutMilliseconds: 50) { … }
/// ```
public final class NCursesBackend: TerminalBackend {
    public internal(set) var size: (width: Int, height: Int)
    public let supportsUnicode: Bool
    public let supportsColor: Bool

    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private let files: TerminalFiles
    private let ownsGuard: Bool
    private var styles: StyleEncoder
    /// The frame on screen; nil forces the next draw to repaint everything.
    var lastDrawn: Buffer?
    /// Events made up by the backend itself (the repaint after Ctrl-Z), served before real input.
    var queuedEvents: [InputEvent] = []
    private(set) var isRestored = false
    /// How long to wait for the rest of an escape sequence after an ESC: short, so that a lone
    /// Escape acts promptly, yet long enough for a sequence sent in one write to arrive whole.
    static let escapeDelayMilliseconds: Int32 = 25
    static let escapeCode: wint_t = 27
    /// How many cells the last `draw` handed to ncurses: what tests check the diffing with.
    private(set) var cellsWrittenByLastDraw = 0
    /// Allocated once the terminal is open: an initializer that throws runs no deinit to free it.
    private let wideCharacter: UnsafeMutablePointer<wchar_t>
    private var run: [cchar_t] = []

    /// Takes over the terminal on `input` and `output` (standard input and output by default).
    ///
    /// - Parameters:
    ///   - terminalType: a terminfo name; nil reads `TERM`.
    ///   - installGuard: installs `TerminalGuard` first unless it already is, and uninstalls it in `restore()`.
    /// - Throws: `TerminalError` when the terminal cannot be opened, e.g. TERM has no terminfo entry.
    public init(
        terminalType: String? = nil,
        input: Int32 = STDIN_FILENO,
        output: Int32 = STDOUT_FILENO,
        installGuard: Bool = true
    ) throws(TerminalError) {
        TerminalEnvironment.adoptUserLocale()
        let files = try TerminalFiles(input: input, output: output)
        ownsGuard = installGuard && TerminalGuard.install(input: input, output: output)
        let term = (terminalType ?? TerminalEnvironment.environmentValue("TERM")).map(SafeText.escape)
        guard let screen = newterm(terminalType, files.output, files.input) else {
            if ownsGuard { TerminalGuard.uninstall() }
            files.close()
            throw TerminalError(term.map { "no terminfo entry for TERM=\($0)" } ?? "TERM is not set")
        }
        // ncurses accepts terminals that cannot move the cursor (TERM=dumb) and then prints
        // every frame as one long line.
        guard Self.canMoveCursor() else {
            endwin()
            delscreen(screen)
            if ownsGuard { TerminalGuard.uninstall() }
            files.close()
            throw TerminalError("TERM=\(term ?? "") cannot show a full-screen view")
        }
        self.screen = screen
        self.files = files
        wideCharacter = .allocate(capacity: 2)
        window = cncurses_stdscr()
        TerminalGuard.setScreenActive(true)

        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        leaveok(window, true)
        curs_set(0)
        // A lone Escape would otherwise wait a whole second for the rest of an escape sequence.
        set_escdelay(Self.escapeDelayMilliseconds)
        mousemask(KeyDecoder.mouseMask, nil)
        mouseinterval(0)

        var palette: CursesPalette?
        if has_colors(), !TerminalEnvironment.noColorRequested {
            start_color()
            let usesDefaults = use_default_colors() == OK
            palette = CursesPalette(colorCount: Int(cncurses_colors()), usesTerminalDefaults: usesDefaults)
        }
        supportsColor = palette != nil
        styles = StyleEncoder(palette: palette, pairLimit: Int(cncurses_color_pairs()))
        supportsUnicode = TerminalEnvironment.isUTF8(codeset: TerminalEnvironment.localeCodeset)
        size = (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    deinit {
        restore()
        wideCharacter.deallocate()
    }

    /// Shows `buffer`, sending the terminal only the cells that differ from the last frame.
    public func draw(_ buffer: Buffer) {
        guard !isRestored else { return }
        let repaintsAll = lastDrawn.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
        if repaintsAll { werase(window) }
        cellsWrittenByLastDraw = 0
        for change in buffer.changes(since: repaintsAll ? nil : lastDrawn) {
            put(change.cells, x: change.x, y: change.y)
        }
        wnoutrefresh(window)
        doupdate()
        lastDrawn = buffer
    }

    /// Gives the terminal back: leaves full-screen mode, shows the cursor, restores the tty modes.
    public func restore() {
        guard !isRestored else { return }
        isRestored = true
        TerminalGuard.setScreenActive(false)
        curs_set(1)
        endwin()
        delscreen(screen)
        files.close()
        if ownsGuard { TerminalGuard.uninstall() } else { TerminalGuard.restoreSavedModes() }
    }

    /// Forgets what is on screen, so the next draw repaints every cell.
    public func invalidate() {
        guard !isRestored else { return }
        lastDrawn = nil
        clearok(window, true)
    }

    /// Whether the current terminal has cursor addressing (terminfo `cup`).
    private static func canMoveCursor() -> Bool {
        // tigetstr answers nil for a missing capability and -1 for a name that is not a string one.
        guard let sequence = tigetstr("cup") else { return false }
        return Int(bitPattern: sequence) != -1
    }

    /// The window's size as ncurses knows it now.
    func currentSize() -> (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Writes one run of cells with a single `mvwadd_wchnstr`, which also fills the bottom-right
    /// cell without scrolling the screen.
    private func put(_ cells: ArraySlice<Cell>, x: Int, y: Int) {
        run.removeAll(keepingCapacity: true)
        cellsWrittenByLastDraw += cells.count
        for cell in cells {
            let look = styles.encode(cell.style) { number, colors in
                init_pair(number, colors.foreground, colors.background)
            }
            wideCharacter[0] = wchar_t(bitPattern: displayable(cell.scalar).value)
            wideCharacter[1] = 0
            var character = cchar_t()
            setcchar(&character, wideCharacter, look.attributes, look.pair, nil)
            run.append(character)
        }
        run.append(cchar_t())
        let count = Int32(cells.count)
        let window = self.window
        run.withUnsafeBufferPointer { characters in
            _ = mvwadd_wchnstr(window, Int32(y), Int32(x), characters.baseAddress, count)
        }
    }

    /// The scalar to send for a cell: one column wide, and ASCII unless the locale is UTF-8,
    /// so that no cell can shift the rest of its row.
    private func displayable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if SafeText.isControl(scalar) { return "?" }
        if scalar.isASCII { return scalar }
        guard supportsUnicode, wcwidth(wchar_t(bitPattern: scalar.value)) == 1 else { return "?" }
        return scalar
    }
}
