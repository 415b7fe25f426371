import Foundation
import LinkGraphFormats
import XCTest

/// Issue 16, item 12: the GraphML and GEXF readers took elements of other namespaces as nodes
/// and edges (`<y:node>`, `<viz:node>`). They match namespace and local name now, as NetworkX
/// does: both read the same files to the same nodes and edges (NetworkX is the oracle).
final class ForeignNamespaceTests: XCTestCase {
    static let yEd = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
          <key for="node" id="d6" yfiles.type="nodegraphics"/>
          <graph edgedefault="directed" id="G">
            <y:node id="ghost"/>
            <y:Extra><node id="hidden"/></y:Extra>
            <node id="a"><data key="d6"><y:ShapeNode><y:NodeLabel>Alice</y:NodeLabel></y:ShapeNode></data></node>
            <node id="b"/>
            <edge source="a" target="b"/>
            <y:edge source="a" target="ghost"/>
          </graph>
        </graphml>
        """

    static let gexf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
          <graph defaultedgetype="directed">
            <nodes>
              <node id="a" label="A"><viz:color r="1" g="2" b="3"/></node>
              <viz:node id="ghost" label="Ghost"/>
              <node id="b" label="B"/>
            </nodes>
            <edges>
              <edge id="0" source="a" target="b"/>
              <viz:edge id="1" source="a" target="ghost"/>
            </edges>
          </graph>
        </gexf>
        """

    func testGraphML_yEdStyleForeignElements_readAsNetworkXReadsThem() throws {
        let graph = try GraphMLReader.read(Data(Self.yEd.utf8), file: "y.graphml")
        XCTAssertEqual(graph.nodes.map(\.id), ["a", "b"])
        XCTAssertEqual(graph.edges.map { "\($0.source)>\($0.target)" }, ["a>b"])
        try assertNetworkXReads(Self.yEd, with: "read_graphml", suffix: "graphml", nodes: ["a", "b"], edges: ["a>b"])
    }

    func testGEXF_vizElementsNotNodes_readAsNetworkXReadsThem() throws {
        let graph = try GEXFReader.read(Data(Self.gexf.utf8), file: "v.gexf")
        XCTAssertEqual(graph.nodes.map(\.id), ["a", "b"])
        XCTAssertEqual(graph.edges.map { "\($0.source)>\($0.target)" }, ["a>b"])
        try assertNetworkXReads(Self.gexf, with: "read_gexf", suffix: "gexf", nodes: ["a", "b"], edges: ["a>b"])
    }

    /// Runs NetworkX's reader on the same text and compares its nodes and edges.
    func assertNetworkXReads(
        _ text: String, with reader: String, suffix: String, nodes: [String], edges: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lg-ns-\(UUID().uuidString).\(suffix)")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
            import json, sys
            import networkx as nx
            g = nx.\(reader)(sys.argv[1])
            print(json.dumps({"nodes": sorted(map(str, g.nodes)), "edges": sorted(f"{u}>{v}" for u, v in g.edges())}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("python3 with networkx is not available") }
        let answer = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String]])
        XCTAssertEqual(answer["nodes"], nodes.sorted(), "NetworkX nodes", file: file, line: line)
        XCTAssertEqual(answer["edges"], edges.sorted(), "NetworkX edges", file: file, line: line)
    }
}
