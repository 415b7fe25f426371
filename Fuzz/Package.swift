// swift-tools-version:6.0
// libFuzzer targets for LinkGraph's readers. Build and run them with `Fuzz/run.sh` (see README.md):
//   swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import Foundation
import PackageDescription

// A path dependency's identity is its directory's name, which depends on where the
// repository was cloned; take it from this file's path so `.product(package:)` matches.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let linkGraph = parent.lastPathComponent

/// One executable per reader: it exports `LLVMFuzzerTestOneInput`, and its `<Module>_main`
/// (what SwiftPM links as `main`) runs libFuzzer's driver.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["CLibFuzzer"] + products.map { .product(name: $0, package: linkGraph) },
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "LinkGraphFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CLibFuzzer"),
        fuzzTarget("FuzzCaseFile", ["LinkGraph"]),
        fuzzTarget("FuzzDOT", ["LinkGraphGraphviz", "LinkGraphFormats", "LinkGraph"]),
        fuzzTarget("FuzzRules", ["TextPatterns", "LinkGraphPlugin"]),
        fuzzTarget("FuzzEdgeList", ["LinkGraphAlgorithms"]),
        fuzzTarget("FuzzPluginResponse", ["LinkGraphPlugin", "LinkGraph"]),
        fuzzTarget("FuzzMail", ["MailArchives", "LinkGraphPlugin"]),
        fuzzTarget("FuzzGraphML", ["LinkGraphFormats", "LinkGraph"]),
        fuzzTarget("FuzzGEXF", ["LinkGraphFormats", "LinkGraph"]),
        fuzzTarget("FuzzCSV", ["LinkGraphFormats", "CSVTables", "LinkGraphPlugin", "LinkGraph"]),
        fuzzTarget("FuzzNodeLink", ["LinkGraphFormats", "LinkGraph"]),
        fuzzTarget("FuzzHTML", ["HTMLPages", "LinkGraphPlugin", "LinkGraph"]),
    ]
)
