import Foundation
import Testing

/// A browser draws the exported SVG: headless Chromium screenshots it, and the picture is a
/// PNG of the asked size with far more in it than a blank page of the same size.
///
/// Chromium is a large package, so the test runs only where it is installed (CI installs
/// Debian's `chromium`); elsewhere it is skipped with the reason.
@Suite(.enabled(if: Chromium.path != nil, "chromium is not installed: skipping the browser rendering of an SVG"))
final class SVGChromiumTests: Sendable {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-chromium-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Each test gets a fresh folder, removed with it.
    deinit { try? FileManager.default.removeItem(at: scratch) }

    @Test func chromiumDrawsTheGatherTimeline() throws {
        let trace = scratch.appendingPathComponent("gather.itrace").path
        let svg = scratch.appendingPathComponent("gather.svg")
        #expect(try CLIBinary.run(["record", "gather", "--inject", "fail task2 at 0.5s", "-o", trace]).status == 0)
        #expect(try CLIBinary.run(["export", trace, "--format", "svg", "-o", svg.path]).status == 0)
        // A blank page of the same size and colour: what a picture that failed to draw looks like.
        let blank = scratch.appendingPathComponent("blank.svg")
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1100\" height=\"500\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/></svg>".utf8)
            .write(to: blank)

        let picture = try Chromium.screenshot(svg, in: scratch, width: 1100, height: 500)
        let empty = try Chromium.screenshot(blank, in: scratch, width: 1100, height: 500)
        #expect(PNGHeader(picture)?.width == 1100 && PNGHeader(picture)?.height == 500, "a PNG of the window's size")
        #expect(picture.count > 10_000, "a drawn timeline is not a trivial image: \(picture.count) bytes")
        // A single colour compresses to almost nothing; lanes, text and a legend do not.
        #expect(picture.count > 4 * empty.count, "\(picture.count) bytes against a blank page's \(empty.count)")
    }
}

/// Headless Chromium, found on PATH.
enum Chromium {
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in directories {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Screenshots `file` at the given window size and returns the PNG's bytes. `timeout`
    /// keeps a browser that hangs from holding up the suite.
    static func screenshot(_ file: URL, in directory: URL, width: Int, height: Int) throws -> Data {
        let png = directory.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [
            "60", path ?? "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
            "--screenshot=\(png.path)", "--window-size=\(width),\(height)", file.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: png)
    }
}

/// The size a PNG declares in its IHDR chunk, if the bytes start like a PNG.
struct PNGHeader {
    var width: Int
    var height: Int

    init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52]  // "IHDR"
        else { return nil }
        func bigEndian(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        width = bigEndian(16)
        height = bigEndian(20)
    }
}
