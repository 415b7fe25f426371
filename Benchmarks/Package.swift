// swift-tools-version:6.0
// Benchmarks for LinkGraph, kept out of the main package so that its build stays lean.
// Build: swift build -c release --scratch-path .build-bench -Xswiftc -cross-module-optimization
// Run:   python3 algorithms/run.py   (see algorithms/README.md); python3 casefile/run.py
import PackageDescription

let package = Package(
    name: "LinkGraphBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "LinkGraph", path: ".."),
        .package(url: "https://github.com/davecom/SwiftGraph", exact: "4.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "algbench",
            dependencies: [
                .product(name: "LinkGraphAlgorithms", package: "LinkGraph"),
                .product(name: "SwiftGraph", package: "SwiftGraph"),
            ],
            path: "algorithms/Sources/algbench"
        ),
        .executableTarget(
            name: "approxbench",
            dependencies: [.product(name: "LinkGraphAlgorithms", package: "LinkGraph")],
            path: "algorithms/Sources/approxbench"
        ),
        .executableTarget(
            name: "casebench",
            dependencies: [.product(name: "LinkGraph", package: "LinkGraph")],
            path: "casefile/Sources/casebench"
        ),
    ]
)
