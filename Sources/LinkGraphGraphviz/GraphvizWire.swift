import Foundation
import LinkGraphFormats

/// What the sandbox and its worker process say to each other (`GraphvizSandbox`,
/// `GraphvizWorker`). Private to this module: both ends are always the same build.
///
/// - The request is one JSON document (`WorkerRequest`) on the worker's standard input.
/// - The worker writes its answer on descriptor 3: `stage NAME\n` lines as it goes (`parse`,
///   `build`, `layout`, `render`), so that the parent can say where a crash happened, then
///   `result HEADER_BYTES DATA_BYTES\n`, the header (`WorkerResponse` as JSON) and the
///   rendered bytes.
enum GraphvizWire {
    static let stagePrefix = "stage "
    static let resultPrefix = "result "

    enum Operation: String, Codable {
        /// Parse DOT text into a `DOTGraph` (the first graph).
        case parse
        /// Lay out and render a `DOTGraph`, built through the cgraph API.
        case renderGraph
        /// Lay out and render the first graph of DOT text.
        case renderDOT
    }

    struct WorkerRequest: Codable {
        var operation: Operation
        var dot: String?
        var graph: WireGraph?
        var layout: String?
        var format: String?
    }

    struct WorkerResponse: Codable {
        var ok: Bool
        var warnings: [String]
        var graph: WireGraph?
        var errorKind: String?
        var errorMessage: String?
        var errorLine: Int?
    }

    /// A `DOTGraph` as JSON, flat: its levels (`DOTGraph.levels`) as one list in which each
    /// subgraph names the index of the level it is nested in, so the JSON is nested the same few
    /// levels however deep the subgraphs go (a nested encoding ran past the JSON decoder's
    /// depth limit at 169 subgraphs). Short keys; attributes as `[name, value, "h"]`
    /// (HTML-like) or `[name, value]`.
    struct WireGraph: Codable {
        var n: String
        var d: Bool
        var s: Bool
        var levels: [WireLevel]

        init(_ graph: DOTGraph) {
            n = graph.name
            d = graph.isDirected
            s = graph.isStrict
            levels = graph.levels.map(WireLevel.init)
        }

        /// The graph, or an error naming what is wrong (a parent after its child, say).
        func graph() throws -> DOTGraph {
            guard let top = levels.first, top.p == nil else {
                throw GraphvizError(kind: .worker, message: "the graph sent to the Graphviz worker has no top level")
            }
            var result: [DOTLevel] = []
            result.reserveCapacity(levels.count)
            for (index, level) in levels.enumerated() {
                var depth = 0
                if index > 0 {
                    guard let parent = level.p, parent >= 0, parent < index else {
                        throw GraphvizError(
                            kind: .worker,
                            message: "level \(index) of the graph sent to the Graphviz worker has no parent before it")
                    }
                    depth = result[parent].depth + 1
                }
                result.append(DOTLevel(name: index == 0 ? n : level.n, parent: level.p, depth: depth, body: level.body))
            }
            return DOTGraph(isDirected: d, isStrict: s, levels: result)
        }
    }

    struct WireNode: Codable {
        var id: String
        var a: [[String]]
    }

    struct WireEdge: Codable {
        var s: String
        var t: String
        var a: [[String]]
    }

    /// One level: its parent's index (`nil` for the top level), its name and its own content.
    struct WireLevel: Codable {
        var p: Int?
        var n: String
        var a: [[String]]
        var nd: [[String]]
        var ed: [[String]]
        var nodes: [WireNode]
        var edges: [WireEdge]

        init(_ level: DOTLevel) {
            p = level.parent
            n = level.name
            a = Self.wire(level.body.attributes)
            nd = Self.wire(level.body.nodeDefaults)
            ed = Self.wire(level.body.edgeDefaults)
            nodes = level.body.nodes.map { WireNode(id: $0.id, a: Self.wire($0.attributes)) }
            edges = level.body.edges.map { WireEdge(s: $0.source, t: $0.target, a: Self.wire($0.attributes)) }
        }

        var body: DOTBody {
            DOTBody(
                attributes: Self.attributes(a), nodeDefaults: Self.attributes(nd), edgeDefaults: Self.attributes(ed),
                nodes: nodes.map { DOTNode($0.id, attributes: Self.attributes($0.a)) },
                edges: edges.map { DOTEdge($0.s, $0.t, attributes: Self.attributes($0.a)) })
        }

        static func wire(_ attributes: DOTAttributes) -> [[String]] {
            attributes.map { entry in
                switch entry.value {
                case .plain(let text): return [entry.name, text]
                case .html(let text): return [entry.name, text, "h"]
                }
            }
        }

        static func attributes(_ wire: [[String]]) -> DOTAttributes {
            DOTAttributes(
                wire.compactMap { entry in
                    guard entry.count >= 2 else { return nil }
                    return (entry[0], entry.count > 2 ? .html(entry[1]) : .plain(entry[1]))
                })
        }
    }
}
