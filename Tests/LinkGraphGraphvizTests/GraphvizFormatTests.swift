import LinkGraphGraphviz
import XCTest

final class GraphvizFormatTests: XCTestCase {
    func testFormat_fromExtensionAndPath() {
        XCTAssertEqual(GraphvizFormat(fileExtension: "SVG"), .svg)
        XCTAssertEqual(GraphvizFormat(fileExtension: ".png"), .png)
        XCTAssertEqual(GraphvizFormat(fileExtension: "gv"), .dot)
        XCTAssertNil(GraphvizFormat(fileExtension: "bmp"))
        XCTAssertEqual(GraphvizFormat(path: "out/case.v2.pdf"), .pdf)
        XCTAssertEqual(GraphvizFormat(path: "graph.xdot"), .xdot)
        XCTAssertEqual(GraphvizFormat(path: "/tmp/x.json"), .json)
        XCTAssertNil(GraphvizFormat(path: "out.d/README"))
        XCTAssertNil(GraphvizFormat(path: ".svg"), "a hidden file's name is not an extension")
        XCTAssertNil(GraphvizFormat(path: "svg"))
    }

    func testFormat_textOrBinary() {
        XCTAssertEqual(GraphvizFormat.allCases.filter(\.isText), [.svg, .dot, .xdot, .json])
    }

    func testLayout_byName_everyEngineOf243() {
        XCTAssertEqual(
            GraphvizLayout.allCases.map(\.rawValue),
            ["dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"])
        XCTAssertEqual(GraphvizLayout(name: "SFDP"), .sfdp)
        XCTAssertNil(GraphvizLayout(name: "nop"))
    }
}
