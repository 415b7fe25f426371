// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LinkGraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "linkgraph", targets: ["linkgraph"]),
        .library(name: "LinkGraph", targets: ["LinkGraph"]),
        .library(name: "LinkGraphAlgorithms", targets: ["LinkGraphAlgorithms"]),
        .library(name: "LinkGraphFormats", targets: ["LinkGraphFormats"]),
        .library(name: "LinkGraphGraphviz", targets: ["LinkGraphGraphviz"]),
        .library(name: "LinkGraphViews", targets: ["LinkGraphViews"]),
        .library(name: "LinkGraphPlugin", targets: ["LinkGraphPlugin"]),
        .library(name: "LinkGraphReport", targets: ["LinkGraphReport"]),
        // The prose extractor as a library too (the fuzz targets in Fuzz/ read its rules files).
        .library(name: "TextPatterns", targets: ["TextPatterns"]),
        // The mail reader as a library too (the fuzz target FuzzMail reads mailboxes with it).
        .library(name: "MailArchives", targets: ["MailArchives"]),
        // The CSV extractor as a library too (the fuzz target FuzzCSV reads tables with it).
        .library(name: "CSVTables", targets: ["CSVTables"]),
        // The HTML page reader as a library too (the fuzz target FuzzHTML reads pages with it).
        .library(name: "HTMLPages", targets: ["HTMLPages"]),
        // The example dynamic-library extractor plug-in (loaded with --plugin libSwiftKeywordExtractor.so).
        .library(name: "SwiftKeywordExtractor", type: .dynamic, targets: ["SwiftKeywordExtractor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `swift package generate-documentation --target LinkGraph` (the DocC catalogs); a
        // command plug-in only, built into nothing.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The Graphviz C library, found with pkg-config. Only LinkGraphGraphviz imports it.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // Poppler's GLib API (with cairo) and Tesseract's C API. Only PDFDocuments imports them
        // (and the PDF tests' support, which writes PDFs through cairo).
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract", providers: [.apt(["libtesseract-dev"])]),
        // The model and the case file. No C.
        .target(name: "LinkGraph"),
        // What Swift's Glibc module lacks for starting processes (pipe2, memfd_create, the code a
        // forked child runs before exec, signal forwarding). Only LinkGraphProcess imports it.
        .target(name: "CLinkGraphProcess"),
        // Child processes for the package (Graphviz workers, subprocess plug-ins): spawning,
        // descriptors, waiting, deadlines. Shared inside the package only (`package` access).
        .target(name: "LinkGraphProcess", dependencies: ["CLinkGraphProcess"]),
        // Digraph (CSR), projection, paths, chains, centrality, structure.
        .target(
            name: "LinkGraphAlgorithms",
            dependencies: ["LinkGraph", .product(name: "Collections", package: "swift-collections")]
        ),
        // Pure-Swift readers and writers: DOT, edge lists (later GraphML, GEXF, CSV, node-link).
        .target(name: "LinkGraphFormats", dependencies: ["LinkGraph"]),
        // Layout and rendering through the Graphviz C API; DOT parsing through cgraph.
        .target(
            name: "LinkGraphGraphviz",
            dependencies: ["CGraphviz", "LinkGraph", "LinkGraphFormats", "LinkGraphProcess"]
        ),
        // Influence, defection and full views of a case as a drawing.
        .target(name: "LinkGraphViews", dependencies: ["LinkGraph", "LinkGraphAlgorithms", "LinkGraphFormats"]),
        // The interactive case report: one HTML page with the drawing, the data, our script and style.
        .target(
            name: "LinkGraphReport",
            dependencies: ["LinkGraph", "LinkGraphAlgorithms", "LinkGraphFormats", "LinkGraphViews"],
            resources: [
                .embedInCode("Resources/report.html"), .embedInCode("Resources/report.css"),
                .embedInCode("Resources/report.js"),
            ]
        ),
        // The extractor contract, the registry and the out-of-binary loaders.
        .target(name: "LinkGraphPlugin", dependencies: ["LinkGraph", "LinkGraphProcess"]),
        // Built-in extractor: entities and relations tables in CSV.
        .target(name: "CSVTables", dependencies: ["LinkGraphPlugin", "LinkGraph"], path: "Plugins/CSVTables"),
        // Built-in extractor: mbox files and .eml messages (RFC 5322, MIME, RFC 2047) as a communication graph.
        .target(name: "MailArchives", dependencies: ["LinkGraphPlugin", "LinkGraph"], path: "Plugins/MailArchives"),
        // Built-in extractor: PDF text layers (poppler) and scanned pages (Tesseract), read in a worker process.
        .target(
            name: "PDFDocuments",
            dependencies: ["CPoppler", "CTesseract", "LinkGraphPlugin", "LinkGraphProcess", "LinkGraph"],
            path: "Plugins/PDFDocuments"),
        // libxml2, found with pkg-config. Only HTMLPages imports it.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Built-in extractor: HTML pages through libxml2's HTML parser (main text, links, title, dates).
        .target(
            name: "HTMLPages", dependencies: ["CLibXML2", "LinkGraphPlugin", "LinkGraph"], path: "Plugins/HTMLPages"),
        // English prose: gazetteer, names, coreference, rule-based relations (YAML rules).
        .target(
            name: "TextPatterns",
            dependencies: ["LinkGraphPlugin", "LinkGraph", .product(name: "Yams", package: "Yams")],
            path: "Plugins/TextPatterns",
            resources: [
                .embedInCode("Resources/relations.yaml"), .embedInCode("Resources/gazetteer.yaml"),
                .embedInCode("Resources/triggers.yaml"),
            ]
        ),
        // Built-in extractor: Graphviz DOT files, read by cgraph (in a worker process when asked).
        .target(
            name: "GraphvizDOT",
            dependencies: ["LinkGraphPlugin", "LinkGraphGraphviz", "LinkGraphFormats", "LinkGraph"],
            path: "Plugins/GraphvizDOT"
        ),
        // TextPatterns driver: extraction as JSON, and throughput over a corpus (Benchmarks/extract/run.sh).
        .executableTarget(
            name: "TextPatternsBench", dependencies: ["TextPatterns", "LinkGraphPlugin", "LinkGraph"], path: "Benchmarks/extract/Sources"
        ),
        // PDF reading throughput against pdftotext and the tesseract command (Benchmarks/pdf/run.sh).
        .executableTarget(
            name: "PDFBench", dependencies: ["PDFDocuments", "PDFTestSupport"], path: "Benchmarks/pdf/Sources"),
        // Example plug-in behind the C ABI: Foundation only, no LinkGraph (the boundary is JSON).
        .target(name: "SwiftKeywordExtractor", path: "Plugins/Examples/SwiftKeywordExtractor"),
        .executableTarget(
            name: "linkgraph",
            dependencies: [
                "LinkGraph", "LinkGraphAlgorithms", "LinkGraphFormats", "LinkGraphGraphviz",
                "LinkGraphViews", "LinkGraphPlugin", "LinkGraphReport", "CSVTables", "TextPatterns", "GraphvizDOT",
                "MailArchives", "PDFDocuments", "HTMLPages", "LinkGraphProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What every test target shares: the repository and shared-data locator, the CLI runner,
        // the timed runner and temporary directories.
        .target(name: "LinkGraphTestSupport", path: "Tests/LinkGraphTestSupport"),
        .testTarget(name: "LinkGraphTests", dependencies: ["LinkGraph", "LinkGraphTestSupport"]),
        .testTarget(
            name: "MailArchivesTests",
            dependencies: ["MailArchives", "TextPatterns", "LinkGraphPlugin", "LinkGraph", "LinkGraphTestSupport"]),
        // PDFs written through cairo at test time, for the PDF tests.
        .target(name: "PDFTestSupport", dependencies: ["CPoppler"], path: "Tests/PDFTestSupport"),
        .testTarget(
            name: "PDFDocumentsTests",
            dependencies: [
                "PDFDocuments", "PDFTestSupport", "TextPatterns", "LinkGraphPlugin", "LinkGraph",
                "LinkGraphTestSupport",
            ]),
        .testTarget(
            name: "HTMLPagesTests",
            dependencies: ["HTMLPages", "TextPatterns", "LinkGraphPlugin", "LinkGraph", "LinkGraphTestSupport"]),
        .testTarget(
            name: "LinkGraphPluginTests", dependencies: ["LinkGraphPlugin", "LinkGraph", "LinkGraphTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "CSVTablesTests", dependencies: ["CSVTables", "LinkGraphPlugin", "LinkGraph", "LinkGraphTestSupport"]),
        .testTarget(
            name: "TextPatternsTests",
            dependencies: ["TextPatterns", "LinkGraphPlugin", "LinkGraph", "LinkGraphTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "LinkGraphCLITests", dependencies: ["linkgraph", "LinkGraphTestSupport", "PDFTestSupport"]),
        .testTarget(
            name: "LinkGraphFormatsTests",
            dependencies: ["LinkGraphFormats", "LinkGraphGraphviz", "LinkGraphTestSupport"]),
        .testTarget(
            name: "LinkGraphViewsTests",
            dependencies: ["LinkGraphViews", "LinkGraphAlgorithms", "LinkGraphGraphviz", "LinkGraphTestSupport"]),
        .testTarget(
            name: "LinkGraphGraphvizTests",
            dependencies: ["LinkGraphGraphviz", "LinkGraphFormats", "LinkGraphTestSupport"]),
        .testTarget(
            name: "LinkGraphAlgorithmsTests", dependencies: ["LinkGraphAlgorithms", "LinkGraphTestSupport"],
            exclude: ["Fixtures"]),
        // The DocC article's example (Sources/LinkGraph/LinkGraph.docc/GettingStarted.md), compiled and run.
        .testTarget(
            name: "GettingStartedTests",
            dependencies: [
                "LinkGraph", "LinkGraphAlgorithms", "LinkGraphViews", "LinkGraphGraphviz", "LinkGraphTestSupport",
            ]),
        .testTarget(
            name: "LinkGraphReportTests",
            dependencies: ["LinkGraphReport", "LinkGraphGraphviz", "LinkGraphFormats", "LinkGraphTestSupport"]),
    ]
)
