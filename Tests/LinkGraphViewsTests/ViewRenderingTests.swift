import Foundation
import FoundationXML
import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz
import LinkGraphViews
import XCTest

/// Views rendered by Graphviz: the SVG is well-formed XML with every entity's name in it, the
/// PNG and PDF are real files of plausible size.
final class ViewRenderingTests: XCTestCase {
    static let hostileCase = CaseFile(
        entities: [
            Entity(
                id: "a", name: "<script>alert(1)</script>", kind: .person, attributes: ["role": "\"quoted\" & 'single'"]
            ),
            Entity(id: "b", name: "Бюро № 9", kind: .organization),
            Entity(id: "c", name: "سلیم الجبوری", kind: .person),
            Entity(id: "graph", name: "back\\slash \\N", kind: .country),
            Entity(id: "e", name: "line\nbreak", kind: .place),
        ],
        relations: [
            Relation(source: "a", target: "b", kind: .defectedFrom, from: PartialDate("2014")),
            Relation(source: "a", target: "c", kind: .defectedTo, from: PartialDate("2015-02")),
            Relation(source: "c", target: "graph", kind: .reportsTo),
            Relation(source: "b", target: "graph", kind: .memberOf),
            Relation(source: "e", target: "graph", kind: .locatedIn),
        ])

    /// All text content of an SVG document, joined with spaces.
    static func svgText(_ data: Data) throws -> String {
        let document = try XMLDocument(data: data, options: [])
        return document.rootElement()?.stringValue ?? ""
    }

    func testAllView_svgIsXMLWithEveryEntityName() throws {
        let svg = try Graphviz.shared.render(CaseView(kind: .all).drawing(of: Self.hostileCase), format: .svg)
        let text = try Self.svgText(svg)
        for name in ["<script>alert(1)</script>", "Бюро № 9", "سلیم الجبوری", "back\\slash \\N", "line break"] {
            XCTAssertTrue(text.contains(name), "SVG text lacks \(name.debugDescription)")
        }
        XCTAssertTrue(text.contains("\"quoted\" & 'single'"))
        // The hostile name is text, never an element.
        let raw = String(decoding: svg, as: UTF8.self)
        XCTAssertFalse(raw.contains("<script"), "a script element in the SVG")
        XCTAssertTrue(raw.contains("id=\"entity&#45;a\""), "Graphviz writes '-' in ids as &#45;")
        XCTAssertTrue(raw.contains("id=\"relation&#45;1\""))
        // Tooltips keep backslashes and sequences like \N literally.
        XCTAssertTrue(raw.contains("xlink:title=\"back\\slash \\N (country)\""), "tooltip not literal")
    }

    /// Names that hold character references are drawn and shown in tooltips as they are, not
    /// decoded (Graphviz decodes `&amp;` in labels and copies it into SVG tooltips as it is).
    func testNamesWithCharacterReferences_shownLiterally_inCardsTooltipsAndEdgeLabels() throws {
        let names = ["AT&amp;T", "&nbsp;Holdings", "&#65;gency", "Smith & Sons"]
        let caseFile = CaseFile(
            entities: names.enumerated().map { Entity(id: "e\($0.offset)", name: $0.element, kind: .organization) },
            relations: [
                Relation(source: "e0", target: "e1", kind: RelationKind(rawValue: "pays&amp;owns")),
                Relation(source: "e2", target: "e3", kind: .controls),
            ])
        let svg = try Graphviz.shared.render(CaseView(kind: .all).drawing(of: caseFile), format: .svg)
        let document = try XMLDocument(data: svg, options: [])
        let text = document.rootElement()?.stringValue ?? ""
        for name in names { XCTAssertTrue(text.contains(name), "SVG text lacks \(name.debugDescription)") }
        XCTAssertTrue(text.contains("pays&amp;owns"), "a custom relation kind is drawn as it is")
        let tooltips = try document.nodes(forXPath: "//@*[local-name()='title']").compactMap(\.stringValue)
        for name in names {
            XCTAssertTrue(
                tooltips.contains { $0.hasPrefix(name + " (organization)") },
                "no tooltip \(name.debugDescription) in \(tooltips)")
        }
        XCTAssertTrue(tooltips.contains { $0.hasPrefix("AT&amp;T pays&amp;owns &nbsp;Holdings") }, "\(tooltips)")
    }

    func testDefectionView_svgShowsDatesAndStyles() throws {
        let svg = try Graphviz.shared.render(CaseView(kind: .defection).drawing(of: Self.hostileCase), format: .svg)
        let raw = String(decoding: svg, as: UTF8.self)
        let text = try Self.svgText(svg)
        XCTAssertTrue(text.contains("from 2014"))
        XCTAssertTrue(text.contains("from 2015-02"))
        XCTAssertTrue(raw.contains("stroke-dasharray"), "defectedFrom is dashed")
        XCTAssertTrue(raw.contains("stroke-width=\"3\""), "defectedTo is bold")
        XCTAssertFalse(text.contains("Бюро № 9 memberOf"), "memberOf between non-defectors is not drawn")
    }

    func testPNG_signatureAndPlausibleSize() throws {
        let png = try Graphviz.shared.render(CaseView(kind: .all).drawing(of: Self.hostileCase), format: .png)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let bytes = Array(png)
        XCTAssertEqual(String(decoding: bytes[12..<16], as: UTF8.self), "IHDR")
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertGreaterThan(width, 300)
        XCTAssertGreaterThan(height, 100)
        XCTAssertLessThan(width, 20_000)
        XCTAssertLessThan(height, 20_000)
    }

    func testPDF_header() throws {
        let pdf = try Graphviz.shared.render(CaseView(kind: .influence).drawing(of: Self.hostileCase), format: .pdf)
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertTrue(String(decoding: pdf.suffix(16), as: UTF8.self).contains("%%EOF"))
    }

    func testBundledExample_everyLayout_rendersEveryEntity() throws {
        let path = SharedData.repositoryRoot.appendingPathComponent("Graphs/iran-iraq-2014/case.json").path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("no bundled example at \(path)") }
        let caseFile = try CaseFile.read(from: path)
        let drawing = CaseView(kind: .all).drawing(of: caseFile)
        for layout in GraphvizLayout.allCases {
            let text = try Self.svgText(Graphviz.shared.render(drawing, layout: layout, format: .svg))
            for entity in caseFile.entities {
                let shown = String(entity.name.prefix(20))
                XCTAssertTrue(text.contains(shown), "\(layout): \(entity.name) missing")
            }
        }
    }
}
