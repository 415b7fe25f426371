import Foundation
import LinkGraphFormats
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Strings that have broken renderers: quotes, backslashes, markup, entities, scripts
/// other than Latin, DOT keywords.
enum Hostile {
    static let quote = #"He said "yes" and 'no'"#
    static let script = "<script>alert(1)</script>"
    static let ampersand = "Tom & Jerry"
    static let arabic = "وزارة الاستخبارات"
    static let persian = "سپاه پاسداران انقلاب اسلامی"
    static let cyrillic = "Министерство обороны"
    static let keywords = ["graph", "node", "edge", "strict", "digraph", "subgraph"]
    /// Lines of a label that holds a newline.
    static let lines = ["first line", "second line"]
    /// A backslash shown as is: Graphviz reads `\\` in a plain label as one backslash.
    static let backslashShown = #"C:\Temp\new"#
    static let backslashLabel = #"C:\\Temp\\new"#

    /// A card as a view would make it: an HTML-like table, user text escaped.
    static let cardTitle = #"Qasem "Haj" <Soleimani> & Co"#
    static let cardSubtitle = "IRGC – Quds Force / \(arabic)"
    static var cardHTML: String {
        #"<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0"><TR><TD><B>"#
            + DOTHTML.escape(cardTitle) + "</B></TD></TR><TR><TD>" + DOTHTML.escape(cardSubtitle)
            + "</TD></TR></TABLE>"
    }

    /// A graph holding all of the above, with the label text each node should show.
    static func graph() -> (graph: DOTGraph, labels: [String]) {
        var nodes: [DOTNode] = [
            DOTNode("q", attributes: ["label": .plain(quote)]),
            DOTNode(script),  // default label \N: the name itself
            DOTNode("amp", attributes: ["label": .plain(ampersand)]),
            DOTNode("ar", attributes: ["label": .plain(arabic)]),
            DOTNode("fa", attributes: ["label": .plain(persian)]),
            DOTNode("ru", attributes: ["label": .plain(cyrillic)]),
            DOTNode("nl", attributes: ["label": .plain(lines.joined(separator: "\n"))]),
            DOTNode("bs", attributes: ["label": .plain(backslashLabel)]),
            DOTNode("empty", attributes: ["label": ""]),
            DOTNode("card", attributes: ["label": .html(cardHTML), "shape": "plain"]),
        ]
        nodes += keywords.map { DOTNode($0) }
        var labels = [quote, script, ampersand, arabic, persian, cyrillic, backslashShown, cardTitle, cardSubtitle]
        labels += lines + keywords
        let edges = [
            DOTEdge("q", script), DOTEdge(script, "amp"), DOTEdge("ar", "fa"), DOTEdge("fa", "ru"),
            DOTEdge("card", "graph"), DOTEdge("graph", "node"), DOTEdge("node", "edge"), DOTEdge("edge", "strict"),
            DOTEdge("strict", "nl"), DOTEdge("nl", "bs"), DOTEdge("bs", "empty"), DOTEdge("empty", "q"),
            DOTEdge("q", script),  // a parallel edge
        ]
        let cluster = DOTSubgraph(
            name: "cluster_people", attributes: ["label": .plain(cyrillic), "style": "rounded"],
            nodes: [DOTNode("card"), DOTNode("ar")])
        labels.append(cyrillic)
        let graph = DOTGraph(
            name: "hostile", attributes: ["fontname": "DejaVu Sans"],
            nodeDefaults: ["shape": "box", "fontname": "DejaVu Sans"],
            nodes: nodes, edges: edges, subgraphs: [cluster])
        return (graph, labels)
    }
}

struct MalformedSVG: Error {}

/// The text of an SVG document, read with an XML parser (which fails on malformed XML).
struct SVGText {
    /// The text of every `<text>` element, entities decoded, in document order.
    var texts: [String] = []
    /// The text of every `<title>` element (node names, `a->b` for edges, graph name).
    var titles: [String] = []
    /// Every `xlink:title` attribute (the tooltips), entities decoded, in document order.
    var tooltips: [String] = []

    init(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws {
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        guard parser.parse() else {
            XCTFail("SVG is not well-formed XML: \(String(describing: parser.parserError))", file: file, line: line)
            throw MalformedSVG()
        }
        texts = collector.texts
        titles = collector.titles
        tooltips = collector.tooltips
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var titles: [String] = []
        var tooltips: [String] = []
        private var current: String?
        private var element = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if let tooltip = attributes["xlink:title"] { tooltips.append(tooltip) }
            if name == "text" || name == "title" {
                element = name
                current = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current? += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let text = current, name == element else { return }
            if name == "text" { texts.append(text) } else { titles.append(text) }
            current = nil
        }
    }
}

/// Runs `body` with file descriptor 2 redirected to a temporary file; returns what was written.
func capturingStandardError<R>(_ body: () throws -> R) rethrows -> (result: R, stderr: String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("lg-stderr-\(UUID().uuidString)").path
    let file = open(path, O_CREAT | O_TRUNC | O_RDWR, 0o600)
    precondition(file >= 0, "cannot open \(path)")
    fflush(nil)
    let saved = dup(2)
    dup2(file, 2)
    defer {
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        close(file)
        unlink(path)
    }
    let result = try body()
    fflush(nil)
    // Read through the descriptor (Foundation's file reading leaks its buffer for an empty
    // file, which would show up in valgrind runs).
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    lseek(file, 0, SEEK_SET)
    while true {
        let count = read(file, &chunk, chunk.count)
        if count <= 0 { break }
        bytes += chunk[..<count]
    }
    return (result, String(decoding: bytes, as: UTF8.self))
}

/// Paths of shared, read-only test data beside the repository (never copied into it).
enum SharedCorpus {
    /// The shared folder (`SharedData.root`); `nil` when it is not there.
    static var root: URL? { SharedData.root }

    /// The Graphviz example graphs (`graphs/directed`, `graphs/undirected`).
    static func graphvizGraphs() throws -> [URL] {
        let base = try SharedData.require("corpus/graphviz/graphs")
        var files: [URL] = []
        for folder in ["directed", "undirected"] {
            let dir = base.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            files += names.filter { $0.hasSuffix(".gv") }.sorted().map { dir.appendingPathComponent($0) }
        }
        if files.isEmpty { throw XCTSkip("no graphs in \(base.path)") }
        return files
    }

    /// `gc -n -e` counts from the corpus manifest, by path relative to `corpus/graphviz`.
    static func manifestCounts() -> [String: (nodes: Int, edges: Int)] {
        guard let root,
            let text = try? String(
                contentsOf: root.appendingPathComponent("corpus/graphviz/manifest.tsv"), encoding: .utf8)
        else { return [:] }
        var counts: [String: (Int, Int)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 4, let nodes = Int(fields[2]), let edges = Int(fields[3]) else { continue }
            counts[String(fields[0])] = (nodes, edges)
        }
        return counts
    }
}

/// Counts in a `DOTGraph`: distinct node names (at any level) and edges (at every level).
extension DOTGraph {
    var allNodeNames: Set<String> {
        var names = Set<String>()
        for level in levels {
            names.formUnion(level.body.nodes.map(\.id))
            for edge in level.body.edges {
                names.insert(edge.source)
                names.insert(edge.target)
            }
        }
        return names
    }

    var allEdgeCount: Int { levels.map(\.body.edges.count).reduce(0, +) }

    /// Names of the subgraphs at any depth whose name starts with `cluster`, sorted.
    var clusterNames: [String] { levels.dropFirst().map(\.name).filter { $0.hasPrefix("cluster") }.sorted() }

    var allSubgraphCount: Int { levels.count - 1 }
}

/// Runs the `dot` command (a comparison only; the library never does); `nil` when absent.
func runDot(_ arguments: [String], input: Data) -> Data? {
    let candidates = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"]
    guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    let dot = URL(fileURLWithPath: path)
    guard let result = try? CLIRunner.run(executable: dot, arguments, stdin: input) else { return nil }
    return result.status == 0 ? result.stdoutData : nil
}

extension DOTAttributes {
    func sortedByName() -> DOTAttributes {
        DOTAttributes(entries.sorted { $0.name < $1.name }.map { ($0.name, $0.value) })
    }
}

extension DOTGraph {
    /// The same graph with every attribute list sorted by name, to compare graphs whose
    /// attribute order is not meaningful.
    func sortingAttributes() -> DOTGraph {
        let sorted = levels.map { level in
            var body = level.body
            body.attributes = body.attributes.sortedByName()
            body.nodeDefaults = body.nodeDefaults.sortedByName()
            body.edgeDefaults = body.edgeDefaults.sortedByName()
            body.nodes = body.nodes.map { DOTNode($0.id, attributes: $0.attributes.sortedByName()) }
            body.edges = body.edges.map { DOTEdge($0.source, $0.target, attributes: $0.attributes.sortedByName()) }
            return DOTLevel(name: level.name, parent: level.parent, depth: level.depth, body: body)
        }
        return DOTGraph(isDirected: isDirected, isStrict: isStrict, levels: sorted)
    }
}
