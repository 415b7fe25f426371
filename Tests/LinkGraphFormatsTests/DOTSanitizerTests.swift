import LinkGraphFormats
import XCTest

/// `DOTSanitizer`: the allowlist, local files, links, fonts, identifiers, characters XML
/// cannot hold, the combinations that crash Graphviz 2.43, and HTML-like labels.
final class DOTSanitizerTests: XCTestCase {
    private func node(_ attributes: DOTAttributes, escapes: Bool = true) -> (
        attributes: DOTAttributes, warnings: [String]
    ) {
        var options = DOTSanitizer.Options()
        options.xmlEscapes = escapes
        let result = DOTSanitizer.sanitize(DOTGraph(nodes: [DOTNode("a", attributes: attributes)]), options: options)
        return (result.graph.nodes[0].attributes, result.warnings)
    }

    // MARK: Allowlist and local files

    func testAllowlist_unknownAttributes_droppedSilently_knownKept() {
        let graph = DOTGraph(
            nodes: [
                DOTNode(
                    "a",
                    attributes: [
                        "kind": "person", "shape": "box", "url": "javascript:x", "Color": "red", "color": "red",
                    ])
            ],
            edges: [DOTEdge("a", "b", attributes: ["evidence": "d[1..<2]", "key": "k1", "style": "dashed"])])
        let result = DOTSanitizer.sanitize(graph)
        XCTAssertEqual(result.graph.nodes[0].attributes, ["shape": "box", "color": "red"])
        XCTAssertEqual(result.graph.edges[0].attributes, ["key": "k1", "style": "dashed"])
        XCTAssertEqual(result.ignoredAttributes, ["Color", "evidence", "kind", "url"])
        XCTAssertEqual(result.warnings, [])
    }

    func testUnknownAttributes_keptWhenAsked_localFilesStillDropped() {
        var options = DOTSanitizer.Options()
        options.keepsUnknownAttributes = true
        let graph = DOTGraph(nodes: [
            DOTNode(
                "a", attributes: ["kind": "person", "_background": "x", "image": "/etc/passwd", "evidence": "d\u{1}"])
        ])
        let result = DOTSanitizer.sanitize(graph, options: options)
        XCTAssertEqual(result.graph.nodes[0].attributes, ["kind": "person", "evidence": "d\u{FFFD}"])
        XCTAssertEqual(result.ignoredAttributes, [])
    }

    func testLocalFiles_imageShapefileStylesheetPathsBackground_droppedWithWarning() {
        let graph = DOTGraph(
            attributes: [
                "stylesheet": "x.css", "imagepath": "/etc", "fontpath": "/usr/share/fonts",
                "_background": "I 0 0 1 1 \"/etc/passwd\"",
            ],
            nodes: [
                DOTNode("a", attributes: ["image": "/etc/passwd", "label": ""]),
                DOTNode("b", attributes: ["shape": "custom", "shapefile": "/etc/passwd"]),
            ])
        let result = DOTSanitizer.sanitize(graph)
        XCTAssertEqual(result.graph.attributes, [:])
        XCTAssertEqual(result.graph.nodes[0].attributes, ["label": ""])
        XCTAssertEqual(result.graph.nodes[1].attributes, ["shape": "custom"])
        for name in ["stylesheet", "imagepath", "fontpath", "_background", "image", "shapefile"] {
            XCTAssertTrue(
                result.warnings.contains { $0.contains("dropped \"\(name)\"") }, "\(name): \(result.warnings)")
        }
    }

    // MARK: Links

    func testURL_javascriptDataFileAndRelative_dropped() {
        let hostile = [
            "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\nscript:alert(1)",
            "\u{1}javascript:x",
            "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "vbscript:x", "page.html", "//evil.example/x",
            "x\" onmouseover=\"alert(1)", "", "https", "javascript&#58;alert(1)",
        ]
        for url in hostile {
            for name in ["URL", "href", "headURL", "tailURL", "labelURL", "edgeURL", "edgehref", "labelhref"] {
                var attributes = DOTAttributes()
                attributes[name] = .plain(url)
                let result = node(attributes)
                XCTAssertNil(result.attributes[name], "\(name)=\(url.debugDescription) kept")
                XCTAssertTrue(result.warnings.contains { $0.hasPrefix("dropped \(name)") }, "\(result.warnings)")
            }
        }
    }

    func testURL_httpHttpsMailto_keptPercentEncodedAndXMLEscaped() {
        XCTAssertEqual(
            node(["URL": "https://example.com/a?b=1&c=2#f"]).attributes["URL"], "https://example.com/a?b=1&amp;c=2#f")
        XCTAssertEqual(
            node(["URL": "https://example.com/a?b=1&c=2"], escapes: false).attributes["URL"],
            "https://example.com/a?b=1&c=2")
        XCTAssertEqual(node(["href": "HTTP://Example.com/"]).attributes["href"], "HTTP://Example.com/")
        XCTAssertEqual(node(["URL": "mailto:a@example.com"]).attributes["URL"], "mailto:a@example.com")
        // Quotes, angle brackets, apostrophes, semicolons, backslashes (no \N expansion),
        // spaces and non-ASCII become %XX; a valid %XX stays, a stray % becomes %25.
        XCTAssertEqual(
            node(["URL": #"https://x.org/?q="a"<b>'c';\N%41%g é"#]).attributes["URL"],
            "https://x.org/?q=%22a%22%3Cb%3E%27c%27%3B%5CN%41%25g%20%C3%A9")
        // An entity-like text cannot survive: its semicolon is encoded.
        XCTAssertEqual(node(["URL": "https://x.org/?a&nbsp;b"]).attributes["URL"], "https://x.org/?a&amp;nbsp%3Bb")
        XCTAssertEqual(node(["URL": "https://x.org/"]).warnings, [])
    }

    func testURL_htmlValueOutsideLabel_readAsText() {
        XCTAssertNil(node(["URL": .html("javascript:alert(1)")]).attributes["URL"])
        XCTAssertEqual(node(["tooltip": .html("<b>x</b>")]).attributes["tooltip"], .plain("<b>x</b>"))
    }

    // MARK: Fonts and identifiers

    func testFontname_keptToSafeCharacters() {
        let result = node(["fontname": #"Arial" onload="alert(1)"#, "labelfontname": "DejaVu Sans,Bold-1.5:x+y"])
        XCTAssertEqual(result.attributes["fontname"], "Arial onloadalert1")
        XCTAssertEqual(result.attributes["labelfontname"], "DejaVu Sans,Bold-1.5:x+y")
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertEqual(node(["fontname": "Noto Sans CJK 日本語"]).attributes["fontname"], "Noto Sans CJK 日本語")
        XCTAssertNil(node(["fontname": "\"<>"]).attributes["fontname"])
    }

    func testIdentifiers_ampersandEscaped_backslashReplaced() {
        let result = node(["id": "i&nbsp;d", "class": #"c&T;\N"#, "target": "_blank", "tooltip": "R&D; & \\N"])
        XCTAssertEqual(result.attributes["id"], "i&amp;nbsp;d")
        XCTAssertEqual(result.attributes["class"], "c&amp;T;_N")
        XCTAssertEqual(result.attributes["target"], "_blank")
        // Graphviz escapes tooltips fully: left as they are.
        XCTAssertEqual(result.attributes["tooltip"], "R&D; & \\N")
        XCTAssertEqual(node(["id": "a&b"], escapes: false).attributes["id"], "a&b")
    }

    func testNames_controlCharactersReplaced_ampersandEscaped_edgesFollow() {
        let graph = DOTGraph(
            name: "g&h", nodes: [DOTNode("a\u{1}b"), DOTNode("R&D;")], edges: [DOTEdge("a\u{1}b", "R&D;")],
            subgraphs: [DOTSubgraph(name: "cluster\u{0}x", nodes: [DOTNode("a\u{1}b")])])
        let result = DOTSanitizer.sanitize(graph)
        XCTAssertEqual(result.graph.name, "g&amp;h")
        XCTAssertEqual(result.graph.nodes.map(\.id), ["a\u{FFFD}b", "R&amp;D;"])
        XCTAssertEqual(result.graph.edges[0].source, "a\u{FFFD}b")
        XCTAssertEqual(result.graph.edges[0].target, "R&amp;D;")
        XCTAssertEqual(result.graph.subgraphs[0].name, "cluster\u{FFFD}x")
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertEqual(node(["label": "x\u{7}y\u{FFFF}"]).attributes["label"], "x\u{FFFD}y\u{FFFD}")
    }

    func testWarnings_hostileValuesShownWithoutControlCharacters() {
        // C1 controls (U+009B starts a terminal escape) and bidirectional overrides are
        // characters XML can hold; messages show them as \u{...}. (C0 controls such as ESC
        // are U+FFFD already.)
        let result = node(["URL": "javascript:\u{9B}31mred\u{202E}"])
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertFalse(
            result.warnings[0].unicodeScalars.contains {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}"
            }, result.warnings[0])
        XCTAssertTrue(result.warnings[0].contains("\\u{9b}31mred\\u{202e}"), result.warnings[0])
        let escape = node(["URL": "javascript:\u{1B}[31m"])
        XCTAssertFalse(escape.warnings.joined().unicodeScalars.contains("\u{1B}"))
        let long = node(["URL": .plain("javascript:" + String(repeating: "x", count: 100_000))])
        XCTAssertLessThan(long.warnings[0].count, 300)
    }

    // MARK: Combinations that crash Graphviz 2.43

    func testConcentrate_trueDropped_falseKept() {
        for value in ["true", "TRUE", "yes", "1", "42"] {
            let result = DOTSanitizer.sanitize(DOTGraph(attributes: ["concentrate": .plain(value)]))
            XCTAssertNil(result.graph.attributes["concentrate"], value)
            XCTAssertEqual(result.warnings.count, 1)
        }
        for value in ["false", "no", "0", "x", ""] {
            let result = DOTSanitizer.sanitize(DOTGraph(attributes: ["concentrate": .plain(value)]))
            XCTAssertEqual(result.graph.attributes["concentrate"], .plain(value))
            XCTAssertEqual(result.warnings, [])
        }
    }

    func testSplinesOrtho_becomesPolyline() {
        let result = DOTSanitizer.sanitize(DOTGraph(attributes: ["splines": "Ortho", "layout": "twopi"]))
        XCTAssertEqual(result.graph.attributes["splines"], "polyline")
        XCTAssertEqual(result.graph.attributes["layout"], "twopi")
        XCTAssertEqual(
            DOTSanitizer.sanitize(DOTGraph(attributes: ["splines": "true"])).graph.attributes["splines"], "true")
    }

    func testWeight_clampedAboveMaximum() {
        let graph = DOTGraph(
            edgeDefaults: ["weight": "1073741824"],
            edges: [DOTEdge("a", "b", attributes: ["weight": "5"]), DOTEdge("b", "c", attributes: ["weight": "1e12"])])
        let result = DOTSanitizer.sanitize(graph)
        XCTAssertEqual(result.graph.edgeDefaults["weight"], "10000")
        XCTAssertEqual(result.graph.edges[0].attributes["weight"], "5")
        XCTAssertEqual(result.graph.edges[1].attributes["weight"], "10000")
        XCTAssertEqual(result.warnings.count, 2)
        XCTAssertTrue(result.warnings[0].contains("edge defaults in graph"), result.warnings[0])
        XCTAssertTrue(result.warnings[1].contains("edge \"b\" -> \"c\""), result.warnings[1])
    }

    func testNewrank_nodeInTwoClusters_dropped_evenInSubgraphsAndWhenFalse() {
        // Graphviz 2.43 turns newrank on by its presence: "false" crashes as well.
        let graph = DOTGraph(
            attributes: ["newrank": "false"],
            subgraphs: [
                DOTSubgraph(name: "cluster_1", attributes: ["newrank": "true"], nodes: [DOTNode("1")]),
                DOTSubgraph(name: "x", subgraphs: [DOTSubgraph(name: "cluster_2", edges: [DOTEdge("1", "2")])]),
            ])
        let result = DOTSanitizer.sanitize(graph)
        XCTAssertNil(result.graph.attributes["newrank"])
        XCTAssertNil(result.graph.subgraphs[0].attributes["newrank"])
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertTrue(result.warnings[0].contains("\"1\""), result.warnings[0])
        XCTAssertTrue(
            result.warnings[0].contains("cluster_1") && result.warnings[0].contains("cluster_2"), result.warnings[0])
    }

    func testNewrank_nestedClustersOrPlainSubgraphs_kept() {
        let graph = DOTGraph(
            attributes: ["newrank": "true"],
            subgraphs: [
                DOTSubgraph(
                    name: "cluster_1", nodes: [DOTNode("1")],
                    subgraphs: [DOTSubgraph(name: "cluster_3", nodes: [DOTNode("1")])]),
                DOTSubgraph(name: "plain", nodes: [DOTNode("1")]),
                DOTSubgraph(name: "cluster_2", nodes: [DOTNode("2")]),
            ])
        let result = DOTSanitizer.sanitize(graph)
        XCTAssertEqual(result.graph.attributes["newrank"], "true")
        XCTAssertEqual(result.warnings, [])
    }

    func testNewrankWithPack_packDropped() {
        let packed = DOTSanitizer.sanitize(DOTGraph(attributes: ["newrank": "", "pack": "8"]))
        XCTAssertNil(packed.graph.attributes["pack"])
        XCTAssertEqual(packed.graph.attributes["newrank"], "")
        XCTAssertEqual(packed.warnings.count, 1)
        XCTAssertEqual(
            DOTSanitizer.sanitize(DOTGraph(attributes: ["newrank": "true", "pack": "false"])).graph.attributes["pack"],
            "false")
        XCTAssertEqual(DOTSanitizer.sanitize(DOTGraph(attributes: ["pack": "8"])).graph.attributes["pack"], "8")
    }

    // MARK: HTML-like labels

    func testHTML_imgDropped_selfClosingAndPaired() {
        let label = #"<TABLE><TR><TD><IMG SRC="/etc/passwd"/></TD><TD><img src='/x.png'></img>t</TD></TR></TABLE>"#
        let result = node(["label": .html(label)])
        XCTAssertEqual(result.attributes["label"], .html("<TABLE><TR><TD></TD><TD>t</TD></TR></TABLE>"))
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertTrue(
            result.warnings[0].contains("and 1 more") || result.warnings[0].contains("<IMG>"), result.warnings[0])
    }

    func testHTML_hrefSchemeChecked_keptLinksEscapedTwice() {
        let label =
            #"<TABLE HREF="javascript:alert(1)"><TR><TD HREF="https://x.org/?a=1&amp;b=&quot;2" TITLE="&quot; t">c</TD></TR></TABLE>"#
        let result = node(["label": .html(label)])
        // The kept link: decoded, percent-encoded, `&` escaped for SVG, then for the label.
        XCTAssertEqual(
            result.attributes["label"],
            .html(#"<TABLE><TR><TD HREF="https://x.org/?a=1&amp;amp;b=%222" TITLE="&quot; t">c</TD></TR></TABLE>"#))
        XCTAssertEqual(result.warnings.count, 1)
    }

    func testHTML_faceIdTargetMadeSafe() {
        let label =
            #"<FONT FACE="Arial&quot; onload=&quot;x" COLOR="red">x</FONT><TABLE><TR><TD ID="i&amp;nbsp;" TARGET='t&quot;'>y</TD></TR></TABLE>"#
        let result = node(["label": .html(label)])
        XCTAssertEqual(
            result.attributes["label"],
            .html(
                #"<FONT FACE="Arial onloadx" COLOR="red">x</FONT><TABLE><TR><TD ID="i&amp;amp;nbsp;" TARGET='t&quot;'>y</TD></TR></TABLE>"#
            ))
    }

    func testHTML_safeLabel_unchangedByteForByte() {
        let label =
            #"<TABLE BORDER="0" CELLBORDER='1'><TR><TD><B>Tom &amp; Jerry</B><BR/>&#92;&#92; é</TD></TR></TABLE><!-- c --> > x"#
        let result = node(["label": .html(label), "xlabel": .html("<I>i</I>")])
        XCTAssertEqual(result.attributes["label"], .html(label))
        XCTAssertEqual(result.attributes["xlabel"], .html("<I>i</I>"))
        XCTAssertEqual(result.warnings, [])
    }

    func testHTML_notWellFormed_becomesPlainText() {
        for label in [
            "<TABLE", "<B>x</B><!-- open", "<!DOCTYPE x>", "<TD HREF=javascript:x>c</TD>", "<TD HREF=\"a<b\">",
            "<TD A=\"1\"B=\"2\">",
        ] {
            let result = node(["label": .html(label)])
            guard case .plain = result.attributes["label"] else {
                XCTFail("\(label) kept as HTML: \(String(describing: result.attributes["label"]))")
                continue
            }
            XCTAssertEqual(result.warnings.count, 1, label)
        }
    }

    func testNodeCount_everyLevel() {
        let graph = DOTGraph(
            nodes: [DOTNode("a")], edges: [DOTEdge("a", "b")],
            subgraphs: [
                DOTSubgraph(
                    name: "s", edges: [DOTEdge("c", "a")], subgraphs: [DOTSubgraph(name: "t", nodes: [DOTNode("d")])])
            ])
        XCTAssertEqual(graph.distinctNodeCount, 4)
    }
}
