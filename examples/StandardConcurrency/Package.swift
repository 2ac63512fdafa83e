// swift-tools-version: 6.1
// Plain Swift concurrency programs (task groups, actors, async let, AsyncStream, continuations…)
// watched by Interleave's `visualize`. See README.md for what each one shows.
import PackageDescription

/// The executables, `swift run <name> --plain`, and the target (folder) holding each one's main.swift.
let examples: [(name: String, target: String)] = [
    ("fan-out", "FanOutExample"),
    ("bank", "BankExample"),
    ("stream", "StreamExample"),
    ("timeout-race", "TimeoutRaceExample"),
    ("main-actor", "MainActorExample"),
    ("continuation", "ContinuationExample"),
    ("fire-and-forget", "FireAndForgetExample"),
]

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "StandardConcurrency",
    platforms: [.macOS(.v15)],
    products: examples.map { .executable(name: $0.name, targets: [$0.target]) }
        + [.library(name: "StandardConcurrencyExamples", targets: ["StandardConcurrencyExamples"])],
    dependencies: [.package(name: "Interleave", path: "../..")],
    targets: [
        // The programs themselves: standard Swift concurrency only, no Interleave import.
        .target(name: "StandardConcurrencyExamples", swiftSettings: swift6),
        // What every executable does with its program: `visualize` it, full screen or --plain.
        .target(
            name: "ExampleRunner",
            dependencies: [.product(name: "InterleaveApp", package: "Interleave")],
            swiftSettings: swift6
        ),
    ] + examples.map {
        .executableTarget(
            name: $0.target, dependencies: ["StandardConcurrencyExamples", "ExampleRunner"], swiftSettings: swift6)
    }
)
