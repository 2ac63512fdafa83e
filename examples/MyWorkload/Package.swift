// swift-tools-version: 6.1
// A complete package that watches its own async code with Interleave (see the README).
import PackageDescription

let package = Package(
    name: "MyWorkload",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Interleave", path: "../..")],
    targets: [
        .executableTarget(
            name: "MyWorkload",
            dependencies: [
                .product(name: "Interleave", package: "Interleave"),
                .product(name: "InterleaveApp", package: "Interleave"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
