import Foundation
import LinkGraph
import LinkGraphFormats
import XCTest

/// Inputs found by `FuzzGraphML` (Fuzz/FINDINGS.md) that must give an error, not kill the process.
final class XMLRegressionTests: XCTestCase {
    /// `<?x?>x`: a processing instruction without data made Foundation's XMLParser call
    /// `strlen(NULL)` (SIGSEGV in `linkgraph import`). Now refused, naming the file and line.
    func testProcessingInstructionWithoutData_isRefused_inGraphMLAndGEXF() {
        for (reader, file) in [(GraphMLReader.read, "fuzz.graphml"), (GEXFReader.read, "fuzz.gexf")] {
            XCTAssertThrowsError(try reader(Data("<?x?>x".utf8), file)) { error in
                guard case FormatError.refused(file, 1, let message) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(message.contains("processing instruction without data"), message)
            }
        }
        let inside = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <graph edgedefault="directed">
                <node id="a"/><?pi?>
              </graph>
            </graphml>
            """
        XCTAssertThrowsError(try GraphMLReader.read(Data(inside.utf8), file: "g.graphml")) { error in
            XCTAssertEqual("\(error)".prefix(14), "g.graphml:3: r", "\(error)")
        }
    }

    /// A processing instruction with data, and `<?` inside text, still read.
    func testProcessingInstructionWithData_stillReads() throws {
        let text = """
            <?xml version="1.0"?><?app mode="x"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <graph edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph>
            </graphml>
            """
        let graph = try GraphMLReader.read(Data(text.utf8), file: "ok.graphml")
        XCTAssertEqual(graph.nodes.map(\.id), ["a", "b"])
        XCTAssertEqual(graph.edges.count, 1)
    }
}
