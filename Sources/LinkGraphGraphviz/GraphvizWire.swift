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

    /// A `DOTGraph` as JSON: short keys, attributes as `[name, value, "h"]` (HTML-like) or
    /// `[name, value]`.
    struct WireGraph: Codable {
        var n: String
        var d: Bool
        var s: Bool
        var level: WireLevel

        init(_ graph: DOTGraph) {
            n = graph.name
            d = graph.isDirected
            s = graph.isStrict
            level = WireLevel(
                a: graph.attributes, nd: graph.nodeDefaults, ed: graph.edgeDefaults, nodes: graph.nodes, edges: graph.edges,
                subgraphs: graph.subgraphs)
        }

        var graph: DOTGraph {
            DOTGraph(
                name: n, isDirected: d, isStrict: s, attributes: WireLevel.attributes(level.a),
                nodeDefaults: WireLevel.attributes(level.nd), edgeDefaults: WireLevel.attributes(level.ed),
                nodes: level.nodes.map { DOTNode($0.id, attributes: WireLevel.attributes($0.a)) },
                edges: level.edges.map { DOTEdge($0.s, $0.t, attributes: WireLevel.attributes($0.a)) },
                subgraphs: level.sub.map(\.subgraph))
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

    struct WireSubgraph: Codable {
        var n: String
        var level: WireLevel

        var subgraph: DOTSubgraph {
            DOTSubgraph(
                name: n, attributes: WireLevel.attributes(level.a), nodeDefaults: WireLevel.attributes(level.nd),
                edgeDefaults: WireLevel.attributes(level.ed),
                nodes: level.nodes.map { DOTNode($0.id, attributes: WireLevel.attributes($0.a)) },
                edges: level.edges.map { DOTEdge($0.s, $0.t, attributes: WireLevel.attributes($0.a)) },
                subgraphs: level.sub.map(\.subgraph))
        }
    }

    struct WireLevel: Codable {
        var a: [[String]]
        var nd: [[String]]
        var ed: [[String]]
        var nodes: [WireNode]
        var edges: [WireEdge]
        var sub: [WireSubgraph]

        init(
            a: DOTAttributes, nd: DOTAttributes, ed: DOTAttributes, nodes: [DOTNode], edges: [DOTEdge],
            subgraphs: [DOTSubgraph]
        ) {
            self.a = Self.wire(a)
            self.nd = Self.wire(nd)
            self.ed = Self.wire(ed)
            self.nodes = nodes.map { WireNode(id: $0.id, a: Self.wire($0.attributes)) }
            self.edges = edges.map { WireEdge(s: $0.source, t: $0.target, a: Self.wire($0.attributes)) }
            self.sub = subgraphs.map {
                WireSubgraph(
                    n: $0.name,
                    level: WireLevel(
                        a: $0.attributes, nd: $0.nodeDefaults, ed: $0.edgeDefaults, nodes: $0.nodes, edges: $0.edges,
                        subgraphs: $0.subgraphs))
            }
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
            DOTAttributes(wire.compactMap { entry in
                guard entry.count >= 2 else { return nil }
                return (entry[0], entry.count > 2 ? .html(entry[1]) : .plain(entry[1]))
            })
        }
    }
}
