/// An in-memory grid of styled cells: views draw here, backends copy it to a terminal.
///
/// Every write is clipped to the grid and every string is passed through `SafeText`, so no
/// view can write outside its area or put a control character on the screen.
/// ```swift
/// var buffer = Buffer(width: 20, height: 2)
/// buffer.write("hello", x: 0, y: 0, style: Style(attributes: .bold))
/// buffer.lines()[0]   // "hello               "
/// ```
public struct Buffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Sets one cell if it lies inside the grid (and inside `clip`, if given).
    public mutating func set(_ x: Int, _ y: Int, _ cell: Cell, clip: Rect? = nil) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        if let clip, !clip.contains(x: x, y: y) { return }
        var cell = cell
        if SafeText.isControl(cell.scalar) { cell.scalar = "?" }
        cells[y * width + x] = cell
    }

    /// Writes text from (x, y) to the right, at most `maxWidth` cells; returns the cells used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(maxWidth ?? Int.max, width - x)
        guard limit > 0 else { return 0 }
        var column = 0
        for scalar in SafeText.escape(text).unicodeScalars {
            if column >= limit { break }
            if isZeroWidth(scalar) { continue }
            set(x + column, y, Cell(scalar, style: style))
            column += 1
        }
        return column
    }

    /// Fills a rect with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { cells[y * width + x] = cell } }
    }

    /// Changes the style of every cell in a rect, keeping its character.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { change(&cells[y * width + x].style) } }
    }

    /// The grid as text, one string per row (styles dropped): what snapshot tests compare.
    public func lines() -> [String] {
        (0..<height).map { y in
            var row = String.UnicodeScalarView()
            for x in 0..<width { row.append(cells[y * width + x].scalar) }
            return String(row)
        }
    }

    /// The grid as one text block with trailing spaces trimmed per row.
    public func text() -> String {
        lines().map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }

    /// The runs of cells that differ from `previous` (same size), row by row, for backends.
    public func changes(since previous: Buffer?) -> [(x: Int, y: Int, cells: ArraySlice<Cell>)] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { y in (0, y, cells[(y * width)..<((y + 1) * width)]) }
        }
        var runs: [(x: Int, y: Int, cells: ArraySlice<Cell>)] = []
        for y in 0..<height {
            var x = 0
            let row = y * width
            while x < width {
                guard cells[row + x] != previous.cells[row + x] else { x += 1; continue }
                var end = x + 1
                while end < width, cells[row + end] != previous.cells[row + end] { end += 1 }
                runs.append((x, y, cells[(row + x)..<(row + end)]))
                x = end
            }
        }
        return runs
    }

    private func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
            || scalar.value == 0x200B || scalar.value == 0xFE0F
    }
}
