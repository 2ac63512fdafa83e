// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

/// The runtime's async functions run on their caller's executor (SE-0461): every task already
/// runs on the loop, and hopping to the generic executor and back cost a sixth of each job.
let runtime: [SwiftSetting] = strict + [
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "Interleave",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Interleave", targets: ["Interleave"]),
        .library(name: "InterleaveTrace", targets: ["InterleaveTrace"]),
        .library(name: "InterleaveApp", targets: ["InterleaveApp"]),
        .library(name: "InterleaveTesting", targets: ["InterleaveTesting"]),
        .executable(name: "interleave", targets: ["InterleaveCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(name: "InterleaveTrace", swiftSettings: strict),
        // The loop bound to each thread, as a C thread-local (see `CurrentLoop`).
        .target(name: "CLoopThread"),
        .target(
            name: "Interleave",
            dependencies: [
                "InterleaveTrace",
                "CLoopThread",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: runtime
        ),
        // Swift Testing traits and helpers; `Testing` is the toolchain's module (Swift 6+), which
        // a library target may import like any other.
        .target(name: "InterleaveTesting", dependencies: ["Interleave", "InterleaveTrace"], swiftSettings: strict),
        // Python asyncio programs on the loop: the Swift side of `interleave run FILE.py`; its
        // resources hold the Python side (standard library only).
        .target(
            name: "InterleavePython",
            dependencies: ["Interleave", "InterleaveTrace", .product(name: "DequeModule", package: "swift-collections")],
            resources: [.copy("Resources/python")], swiftSettings: strict
        ),
        .target(name: "InterleaveUI", dependencies: ["InterleaveTrace"], swiftSettings: strict),
        .systemLibrary(name: "CNCurses"),
        .target(name: "InterleaveTerminal", dependencies: ["InterleaveUI", "CNCurses"], swiftSettings: strict),
        .target(
            name: "InterleaveApp",
            dependencies: ["Interleave", "InterleaveTrace", "InterleaveUI", "InterleaveTerminal"],
            swiftSettings: strict
        ),
        .target(
            name: "Demos",
            dependencies: [
                "Interleave",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "demos",
            swiftSettings: runtime
        ),
        .target(
            name: "InterleaveBench",
            dependencies: ["Interleave", "InterleaveTrace", "InterleaveUI", "InterleaveApp", "Demos", "InterleavePython"],
            swiftSettings: runtime
        ),
        .executableTarget(
            name: "InterleaveCLI",
            dependencies: [
                "Interleave", "InterleaveTrace", "InterleaveUI", "InterleaveTerminal", "InterleaveApp", "InterleaveBench", "Demos",
                "InterleavePython",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: runtime
        ),
        .testTarget(name: "InterleaveTraceTests", dependencies: ["InterleaveTrace"], swiftSettings: strict),
        .testTarget(name: "InterleaveTests", dependencies: ["Interleave"], swiftSettings: strict),
        .testTarget(
            name: "InterleaveTestingTests", dependencies: ["InterleaveTesting", "Interleave", "InterleaveTrace"],
            swiftSettings: strict
        ),
        // examples/StandardConcurrency's programs (Examples/ links to them), run as they are.
        .testTarget(
            name: "StandardExamplesTests", dependencies: ["InterleaveTesting", "Interleave", "InterleaveTrace"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InterleaveUITests", dependencies: ["InterleaveUI", "InterleaveTrace"],
            exclude: ["Snapshots"], swiftSettings: strict
        ),
        .testTarget(
            name: "DemosTests", dependencies: ["Demos", "Interleave", "InterleaveUI", "InterleaveApp"],
            exclude: ["Golden"], swiftSettings: strict
        ),
        .testTarget(
            name: "InterleaveAppTests", dependencies: ["InterleaveApp", "Interleave", "InterleaveTrace", "InterleaveUI"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InterleavePythonTests", dependencies: ["InterleavePython", "Interleave", "InterleaveTrace", "InterleaveUI"],
            exclude: ["python", "Lessons"], swiftSettings: strict
        ),
        .testTarget(name: "InterleaveBenchTests", dependencies: ["InterleaveBench", "Interleave"], swiftSettings: strict),
        .testTarget(name: "InterleaveTerminalTests", dependencies: ["InterleaveTerminal"], swiftSettings: strict),
        .testTarget(
            name: "InterleaveCLITests",
            dependencies: ["Demos", "Interleave", "InterleaveTrace"],
            swiftSettings: strict
        ),
    ]
)
