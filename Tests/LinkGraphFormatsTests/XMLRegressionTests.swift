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

    /// `encoding="UTF-7"` in the XML declaration crashed inside libxml2 under Foundation's
    /// parser (`FuzzGEXF`); now any encoding but UTF-8 and its subsets is refused, naming it.
    func testDeclaredEncodingOtherThanUTF8_isRefused_latin1Reads() throws {
        let body = "<gexf xmlns=\"http://gexf.net/1.3\"><graph><nodes><node id=\"a\"/></nodes></graph></gexf>"
        for name in ["UTF-7", "utf-16", "EBCDIC-US", "x\u{1B}[31m"] {
            let text = "<?xml version=\"1.0\" encoding=\"\(name)\"?>" + body
            XCTAssertThrowsError(try GEXFReader.read(Data(text.utf8), file: "fuzz.gexf")) { error in
                guard case FormatError.refused("fuzz.gexf", 1, let message) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(message.contains("names the encoding"), message)
                XCTAssertFalse(message.contains("\u{1B}"), "the name is escaped: \(message)")
            }
        }
        for name in ["UTF-8", "ISO-8859-1", "us-ascii"] {
            let text = "<?xml version='1.0' encoding = '\(name)' ?>" + body
            XCTAssertEqual(try GEXFReader.read(Data(text.utf8), file: "ok.gexf").nodes.map(\.id), ["a"], name)
        }
    }

    /// A `weight` whose key has no `attr.type` is text; written back as GraphML it must read
    /// again (`FuzzGraphML` found a `double` key holding `"2.5"`).
    func testUntypedWeight_writtenGraphMLReadsBack() throws {
        let text = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="w" for="edge" attr.name="weight"/>
              <graph edgedefault="directed">
                <node id="a"/><node id="b"/>
                <edge source="a" target="b"><data key="w">2.5</data></edge>
              </graph>
            </graphml>
            """
        let graph = try GraphMLReader.read(Data(text.utf8), file: "untyped.graphml")
        let written = GraphMLWriter.write(graph)
        let again = try GraphMLReader.read(Data(written.utf8), file: "written.graphml")
        XCTAssertEqual(again.edges.count, 1)
        XCTAssertEqual(again.edges.first?.properties["weight"], graph.edges.first?.properties["weight"])
    }
}
