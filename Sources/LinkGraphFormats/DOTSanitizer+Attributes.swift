/// The attribute tables of `DOTSanitizer`.
extension DOTSanitizer {
    /// Every attribute Graphviz 2.43 reads (graphs, subgraphs, clusters, nodes, edges; all
    /// engines), from Graphviz's attribute reference. Names are case-sensitive, as in Graphviz.
    /// The local-file attributes are in it too, but dropped before it is consulted.
    public static let graphvizAttributes: Set<String> = [
        "Damping", "K", "URL", "area", "arrowhead", "arrowsize", "arrowtail", "bb", "bgcolor", "center", "charset",
        "class", "color", "colorscheme", "comment", "compound", "concentrate", "constraint", "decorate", "defaultdist",
        "dim", "dimen", "dir", "diredgeconstraints", "distortion", "dpi", "edgeURL", "edgehref", "edgetarget",
        "edgetooltip", "epsilon", "esep", "fillcolor", "fixedsize", "fontcolor", "fontname", "fontnames", "fontsize",
        "forcelabels", "gradientangle", "group", "headURL", "head_lp", "headclip", "headhref", "headlabel", "headport",
        "headtarget", "headtooltip", "height", "href", "id", "imagepos", "imagescale", "inputscale", "label",
        "label_scheme", "labelURL", "labelangle", "labeldistance", "labelfloat", "labelfontcolor", "labelfontname",
        "labelfontsize", "labelhref", "labeljust", "labelloc", "labeltarget", "labeltooltip", "landscape", "layer",
        "layerlistsep", "layers", "layerselect", "layersep", "layout", "len", "levels", "levelsgap", "lhead", "lheight",
        "lp", "ltail", "lwidth", "margin", "maxiter", "mclimit", "mindist", "minlen", "mode", "model", "mosek",
        "newrank", "nodesep", "nojustify", "normalize", "notranslate", "nslimit", "nslimit1", "oneblock", "ordering",
        "orientation", "outputorder", "overlap", "overlap_scaling", "overlap_shrink", "pack", "packmode", "pad", "page",
        "pagedir", "pencolor", "penwidth", "peripheries", "pin", "pos", "quadtree", "quantum", "rank", "rankdir",
        "ranksep", "ratio", "rects", "regular", "remincross", "repulsiveforce", "resolution", "root", "rotate",
        "rotation", "samehead", "sametail", "samplepoints", "scale", "searchsize", "sep", "shape", "showboxes", "sides",
        "size", "skew", "smoothing", "sortv", "splines", "start", "style", "tailURL", "tail_lp", "tailclip", "tailhref",
        "taillabel", "tailport", "tailtarget", "tailtooltip", "target", "tooltip", "truecolor", "vertices", "viewport",
        "voro_margin", "weight", "width", "xdotversion", "xlabel", "xlp", "z",
        // Dropped (local files), listed so that the allowlist is Graphviz's whole list.
        "image", "imagepath", "shapefile", "fontpath", "stylesheet",
    ]

    /// Attributes that make Graphviz open a local file and put its path or content into the
    /// output (`image`, `shapefile`), search for files (`imagepath`, `fontpath`), or link a
    /// style sheet that 2.43 writes unescaped (`stylesheet`). `_background` (xdot drawing
    /// operations, images included) is caught by the rule for every `_` name.
    public static let localFileAttributes: Set<String> = ["image", "imagepath", "shapefile", "fontpath", "stylesheet"]

    /// Links (SVG `xlink:href`), written by Graphviz 2.43 without escaping.
    public static let urlAttributes: Set<String> = [
        "URL", "href", "edgeURL", "edgehref", "headURL", "headhref", "tailURL", "tailhref", "labelURL", "labelhref",
    ]

    /// Font family names (SVG `font-family`), written by Graphviz 2.43 without escaping.
    public static let fontAttributes: Set<String> = ["fontname", "labelfontname", "fontnames"]

    /// Values Graphviz 2.43 writes escaping quotes but keeping entity-like text (`&nbsp;`).
    public static let identifierAttributes: Set<String> = [
        "id", "class", "target", "edgetarget", "headtarget", "tailtarget", "labeltarget", "layers", "layer",
        "layerselect",
    ]

    /// Tooltips: Graphviz decodes character references in them, then escapes them for SVG.
    public static let tooltipAttributes: Set<String> = [
        "tooltip", "edgetooltip", "headtooltip", "tailtooltip", "labeltooltip",
    ]

    /// Attributes whose HTML-like values Graphviz parses as HTML-like labels.
    public static let labelAttributes: Set<String> = ["label", "xlabel", "headlabel", "taillabel"]
}

/// Links and font names as `DOTSanitizer` keeps them.
enum URLSanitizing {
    /// `text` as a link that can be written into SVG as it is, or `nil` when its scheme is
    /// not one of `schemes` (or it has none: relative links are dropped too).
    ///
    /// Leading and trailing spaces and controls are ignored, and tabs and line breaks inside
    /// are removed before the scheme is read (as browsers do, so `java\nscript:` is
    /// `javascript:`). Then every byte outside RFC 3986's unreserved and reserved characters,
    /// except `'` and `;`, becomes `%XX`; a `%` not followed by two hex digits becomes `%25`.
    /// The result holds no quote, angle bracket, apostrophe, backslash, semicolon, space or
    /// control character, so the only character left to escape for XML is `&`.
    static func safeURL(_ text: String, schemes: Set<String>) -> String? {
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let colon = scalars.firstIndex(of: ":"), colon > 0 else { return nil }
        let scheme = scalars[..<colon]
        guard scheme.first.map(isASCIILetter) == true,
            scheme.allSatisfy({ isASCIILetter($0) || isASCIIDigit($0) || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        guard schemes.contains(String(String.UnicodeScalarView(scheme)).lowercased()) else { return nil }
        let bytes = Array(String(String.UnicodeScalarView(scalars)).utf8)
        var out = ""
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%"), i + 2 < bytes.count, isHexDigit(bytes[i + 1]), isHexDigit(bytes[i + 2]) {
                out += "%"
            } else if keptInURL(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte)
            }
            i += 1
        }
        return out
    }

    /// `text` with everything but letters, digits, spaces and `- _ . , : +` removed.
    static func safeFontName(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            let isLetterOrDigit = properties.isAlphabetic || properties.numericType != nil
            let kept =
                scalar.value < 0x80
                ? isASCIILetter(scalar) || isASCIIDigit(scalar) || " -_.,:+".unicodeScalars.contains(scalar)
                : isLetterOrDigit && properties.generalCategory != .format
            if kept { out.append(scalar) }
        }
        return String(out)
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    /// RFC 3986 unreserved and reserved characters, without `'` and `;`.
    private static func keptInURL(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return "-._~:/?#[]@!$&()*+,=".utf8.contains(byte)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
    }
}
