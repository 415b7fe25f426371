import Foundation
import LinkGraph

extension Digraph {
    /// Reads an edge list file: one edge `u v` or `u v w` per line, `#` starting a comment.
    /// A line with a single field declares an isolated vertex. Vertices are numbered in order
    /// of first appearance, and their fields become their labels.
    ///
    /// Fields are separated by spaces or tabs, except in a tab-separated list (a `.tsv` file,
    /// or one whose first edge line holds a tab; see `EdgeListDelimiter`): there only tabs
    /// separate fields, so names may hold spaces (`Hani Hanjour<TAB>Majed Moqed`).
    /// - Parameters:
    ///   - path: The file.
    ///   - directed: Whether `u v` is an arc u → v (else an undirected edge).
    ///   - delimiter: How fields are separated; `.automatic` decides from the name and the text.
    /// - Throws: `AlgorithmError.edgeListSyntax` naming the file, the line and the delimiter
    ///   assumed for a line with more than three fields, a label that is not valid UTF-8 (with
    ///   its column), a weight that is not a number, or a weight column present on some edge
    ///   lines and missing on others; `invalidArgument` when the file cannot be read;
    ///   `invalidWeight` for weights whose sums can overflow.
    /// - Complexity: O(bytes + V + E).
    public init(edgeListAt path: String, directed: Bool, delimiter: EdgeListDelimiter = .automatic) throws {
        var reader = EdgeListReader()
        try EdgeListFile.stream(path: path, delimiter: delimiter, into: &reader)
        try self.init(reader: consume reader, directed: directed)
    }

    /// Parses an edge list held in a string; see `init(edgeListAt:directed:delimiter:)`.
    public init(edgeList text: String, directed: Bool, delimiter: EdgeListDelimiter = .automatic) throws {
        try self.init(edgeListBytes: Array(text.utf8), directed: directed, fileName: nil, delimiter: delimiter)
    }

    /// Parses an edge list held in bytes; `fileName` is named in errors (and a `.tsv` name
    /// makes `.automatic` choose tabs). See `init(edgeListAt:directed:delimiter:)`.
    public init(
        edgeListBytes bytes: [UInt8], directed: Bool, fileName: String?, delimiter: EdgeListDelimiter = .automatic
    ) throws {
        var reader = EdgeListReader(sizeHint: bytes.count)
        try bytes.withUnsafeBufferPointer {
            reader.tabSeparated = delimiter.splitsAtTabsOnly(fileName: fileName, $0, complete: true) ?? false
            try reader.read($0, fileName: fileName)
        }
        try self.init(reader: consume reader, directed: directed)
    }

    /// The graph of a finished reader, whose arrays it takes over.
    private init(reader: consuming EdgeListReader, directed: Bool) throws {
        let weighted = reader.weighted == true
        if weighted {
            try Self.checkWeightSums(
                labels: reader.labels, sources: reader.sources, targets: reader.targets, weights: reader.weights)
        }
        // Each array is handed on with its only reference, so the builder can free it early.
        let labels = reader.labels
        let sources = reader.sources, targets = reader.targets
        let weights: [Double]? = weighted ? reader.weights : nil
        _ = consume reader
        self.init(
            labels: labels, directed: directed, weighting: weighted ? .given : .unit,
            edgeSources: consume sources, edgeTargets: consume targets, edgeWeights: consume weights,
            edgeRelations: nil, edgeAgainst: nil, edgeValidity: nil)
    }

    /// The graph as edge-list text that `init(edgeList:directed:)` reads back to an equal
    /// graph, vertex numbers included (labels must not contain blanks or `#`).
    ///
    /// The reader numbers vertices in order of first appearance, so a vertex that an edge
    /// line would bring in out of turn (an isolated vertex, or any graph not read from an edge
    /// list) is first declared on a one-token line; a graph read from an edge list is written
    /// with one line per edge and one per isolated vertex. O(V + E).
    public func edgeListText() -> String {
        var out = ""
        var introduced = 0  // vertices 0..<introduced have appeared
        func declare(upTo last: Int) {
            while introduced <= last {
                out += labels[introduced] + "\n"
                introduced += 1
            }
        }
        let (edgeSources, edgeTargets, edgeWeights) = edgeArrays()
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            let uNew = u >= introduced, vNew = v >= introduced && v != u
            let inTurn = (!uNew || u == introduced) && (!vNew || v == introduced + (uNew ? 1 : 0))
            if inTurn {
                introduced += (uNew ? 1 : 0) + (vNew ? 1 : 0)
            } else {
                declare(upTo: max(u, v))
            }
            out += labels[u] + " " + labels[v]
            if let w = edgeWeights { out += " " + "\(w[e])" }
            out += "\n"
        }
        declare(upTo: vertexCount - 1)
        return out
    }
}

/// How the fields of an edge-list line are separated.
public enum EdgeListDelimiter: Sendable {
    /// Tabs when the file name ends in `.tsv` or the first edge line (the first line with
    /// a field that is not a comment) holds a tab; else spaces or tabs.
    case automatic
    /// Any run of spaces and tabs; names cannot hold spaces.
    case whitespace
    /// Tabs only; spaces around a field are trimmed, spaces inside it kept.
    case tab

    /// Whether a list starting with `bytes` (from `fileName`) is split at tabs only; nil
    /// when `bytes` is not `complete` and ends before its first edge line does.
    /// - Complexity: O(length of the leading comment and blank lines + one line).
    func splitsAtTabsOnly(fileName: String?, _ p: UnsafeBufferPointer<UInt8>, complete: Bool) -> Bool? {
        switch self {
        case .whitespace: return false
        case .tab: return true
        case .automatic:
            if let fileName, fileName.lowercased().hasSuffix(".tsv") { return true }
            var i = 0
            var lineHasField = false
            var lineHasTab = false
            while i < p.count {
                switch p[i] {
                case 10:
                    if lineHasField { return lineHasTab }
                    lineHasTab = false
                case 35:  // '#': the rest of the line is a comment
                    while i + 1 < p.count && p[i + 1] != 10 { i += 1 }
                case 9: lineHasTab = true
                case 32, 13: break
                default: lineHasField = true
                }
                i += 1
            }
            return complete ? lineHasField && lineHasTab : nil
        }
    }
}

/// A byte-level edge-list tokenizer: labels are interned into `VertexLabels` (a canonical
/// decimal as its number, anything else as bytes), edges appended to three flat arrays.
/// Fed whole lines, one buffer or many (`EdgeListFile` streams a file through it).
struct EdgeListReader {
    /// Fields separated by tabs only (spaces around a field trimmed), else by spaces or tabs.
    var tabSeparated = false
    var sources: [Int32] = []
    var targets: [Int32] = []
    var weights: [Double] = []
    var weighted: Bool?
    var firstWeightLine = 0
    /// Lines read so far (the number of the last one).
    var line = 0
    var labels: VertexLabels

    /// A reader for an input of about `sizeHint` bytes: numbers below 2^27 and below twice
    /// the size are kept as numbers, so the table (4 bytes a slot) stays within 8 bytes per
    /// input byte; a few bytes such as `134217727` cannot make it 512 MiB.
    init(sizeHint: Int = 0) {
        labels = VertexLabels(numberLimit: Swift.min(1 << 27, Swift.max(1 << 16, 2 * sizeHint)))
    }

    /// Reserves room for `count` edges (with weights when `weighted`).
    mutating func reserve(edges count: Int, weighted: Bool) {
        sources.reserveCapacity(count)
        targets.reserveCapacity(count)
        if weighted { weights.reserveCapacity(count) }
    }

    @inline(__always)
    mutating func intern(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        labels.add(UnsafeBufferPointer(rebasing: p[start..<end]), existing: nil) ?? -1
    }

    /// Reads the lines in `p`: every line but the last must end in a newline; the last one
    /// may end with the input.
    mutating func read(_ p: UnsafeBufferPointer<UInt8>, fileName: String?) throws {
        let n = p.count
        var i = 0
        var starts = (0, 0, 0, 0)
        var ends = (0, 0, 0, 0)
        var lineStart = 0
        /// A label that is not UTF-8: the line and column (in characters) of the first bad byte.
        func invalidUTF8() -> AlgorithmError {
            var end = lineStart
            while end < n && p[end] != 10 { end += 1 }
            let column = UTF8Position.firstInvalid(in: UnsafeBufferPointer(rebasing: p[lineStart..<end]))?.column ?? 1
            return AlgorithmError.edgeListSyntax(
                file: fileName, line: line,
                message: "column \(column): invalid UTF-8 in a vertex label; convert the file to UTF-8")
        }
        while i < n {
            line += 1
            lineStart = i
            var tokens = 0
            // Tokenize one line.
            let spaceSeparates = !tabSeparated
            while i < n && p[i] != 10 {
                let c = p[i]
                if c == 32 || c == 9 || c == 13 { i += 1; continue }
                if c == 35 {  // '#': skip to end of line
                    while i < n && p[i] != 10 { i += 1 }
                    break
                }
                let s = i
                while i < n {
                    let d = p[i]
                    if (d == 32 && spaceSeparates) || d == 9 || d == 13 || d == 10 || d == 35 { break }
                    i += 1
                }
                var end = i
                while end > s && p[end - 1] == 32 { end -= 1 }  // a tab-separated field's trailing spaces
                switch tokens {
                case 0: starts.0 = s; ends.0 = end
                case 1: starts.1 = s; ends.1 = end
                case 2: starts.2 = s; ends.2 = end
                default: starts.3 = s; ends.3 = end
                }
                tokens += 1
            }
            i += 1  // newline
            switch tokens {
            case 0: continue
            case 1: if intern(p, starts.0, ends.0) < 0 { throw invalidUTF8() }
            case 2, 3:
                let hasWeight = tokens == 3
                if let w = weighted, w != hasWeight {
                    throw AlgorithmError.edgeListSyntax(
                        file: fileName, line: line,
                        message: hasWeight
                            ? "this edge has a weight but the edges before it have none; give every edge a weight or none"
                            : "this edge has no weight but line \(firstWeightLine) has one; give every edge a weight or none"
                    )
                }
                if weighted == nil { weighted = hasWeight; firstWeightLine = line }
                let u = intern(p, starts.0, ends.0)
                let v = intern(p, starts.1, ends.1)
                if u < 0 || v < 0 { throw invalidUTF8() }
                if hasWeight {
                    if let w = EdgeListReader.fastDecimal(p, starts.2, ends.2) {
                        weights.append(w)
                        sources.append(u)
                        targets.append(v)
                        continue
                    }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: p[starts.2..<ends.2]), as: UTF8.self)
                    guard let w = Double(text), !w.isNaN else {
                        throw AlgorithmError.edgeListSyntax(
                            file: fileName, line: line, message: "the weight '\(text)' is not a number")
                    }
                    weights.append(w)
                }
                sources.append(u)
                targets.append(v)
            default:
                throw AlgorithmError.edgeListSyntax(
                    file: fileName, line: line,
                    message: "expected 'u v' or 'u v weight' but found \(tokens) fields " + delimiterNote)
            }
        }
    }

    /// Which delimiter was assumed, for an error about the number of fields.
    var delimiterNote: String {
        tabSeparated
            ? "(fields split at tabs: the file ends in .tsv or its first edge line holds a tab)"
            : "(fields split at spaces and tabs; to allow spaces inside names, separate the fields with tabs)"
    }

    /// Parses `[-]digits[.digits]` with at most 15 significant digits exactly as `Double(_:)`
    /// would: the mantissa and the power of ten are both exact doubles, so one division
    /// rounds correctly. Anything else returns nil and takes the general path.
    @inline(__always)
    static func fastDecimal(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        var negative = false
        if i < end && p[i] == 45 { negative = true; i += 1 }
        var mantissa: Int64 = 0
        var digits = 0
        var fraction = 0
        var seenDot = false
        var any = false
        while i < end {
            let c = p[i]
            if c == 46 {
                if seenDot { return nil }
                seenDot = true
            } else if c >= 48 && c <= 57 {
                any = true
                if mantissa != 0 || c != 48 { digits += 1 }
                if digits > 15 { return nil }
                mantissa = mantissa * 10 + Int64(c - 48)
                if seenDot { fraction += 1 }
            } else {
                return nil
            }
            i += 1
        }
        guard any, fraction <= 22 else { return nil }
        // 10^fraction by repeated multiplication: every power up to 10^22 is an exact double,
        // so each product is exact (and no table is built per call).
        var power = 1.0
        for _ in 0..<fraction { power *= 10 }
        let value = Double(mantissa) / power
        return negative ? -value : value
    }
}
