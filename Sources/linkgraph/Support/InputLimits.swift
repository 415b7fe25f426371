import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphAlgorithms
import LinkGraphFormats

/// How much a command reads before it refuses an input: the size of a file, the nesting of
/// JSON, the number of entities. The defaults fit a small machine (256 MiB, 256 levels,
/// 5,000,000 entities); each error names the limit and the flag that raises it.
///
/// Shared by every command that reads files (`@OptionGroup var limits: InputLimits`; the
/// analysis commands get it through `AnalysisOptions`).
struct InputLimits: ParsableArguments {
    /// The most entities (or edge-list vertices) read by default.
    static let defaultMaxEntities = 5_000_000
    /// The deepest `--max-depth` accepted: the JSON reader recurses once per level, and
    /// deeper nesting would risk the stack rather than give an error.
    static let depthCeiling = 2_048

    @Option(
        name: .customLong("max-input-bytes"),
        help: ArgumentHelp("Refuse an input file larger than this (bytes, or with K, M, G: 512M).", valueName: "SIZE"))
    var maxInputBytes: ByteCount = ByteCount(FileIO.defaultMaxInputBytes)

    @Option(
        name: .customLong("max-depth"),
        help: ArgumentHelp(
            "Refuse JSON nested deeper than this many arrays and objects (at most \(InputLimits.depthCeiling)).",
            valueName: "LEVELS"))
    var maxDepth: Int = JSONParser.defaultMaxDepth

    @Option(
        name: .customLong("max-entities"),
        help: ArgumentHelp(
            "Refuse a case or graph with more entities (edge-list vertices) than this.", valueName: "COUNT"))
    var maxEntities: Int = InputLimits.defaultMaxEntities

    func validate() throws {
        if maxDepth < 1 || maxDepth > Self.depthCeiling {
            throw ValidationError("--max-depth must be between 1 and \(Self.depthCeiling)")
        }
        if maxEntities < 1 { throw ValidationError("--max-entities must be at least 1") }
    }

    /// Reads a whole file, refusing one larger than `--max-input-bytes`.
    /// - Throws: `FileIOError` naming the file (and the limit and its flag when too large).
    func read(_ path: String) throws -> Data {
        do {
            return try FileIO.read(path, maxBytes: maxInputBytes.bytes)
        } catch let error as FileIOError where error.sizeLimit != nil {
            throw FileIOError(path: error.path, reason: error.reason + " (raise it with --max-input-bytes)")
        }
    }

    /// Refuses a file larger than `--max-input-bytes` without reading it, for inputs another
    /// library reads itself (TextPatterns' rules and gazetteers). A file that cannot be
    /// examined is left to that reader's own error.
    func checkSize(_ path: String) throws {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            size > maxInputBytes.bytes
        else { return }
        throw FileIOError(
            path: path,
            reason: "larger than the limit of \(maxInputBytes.bytes) bytes (raise it with --max-input-bytes)")
    }

    /// Reads, parses and validates a case file within the limits.
    /// - Throws: `FileIOError`, `CaseFileError` (a nesting error names `--max-depth`), or
    ///   `InputLimitError` for too many entities.
    func loadCase(_ path: String) throws -> CaseFile {
        let caseFile = try decodeCase(try read(path), file: path)
        try checkEntities(caseFile.entities.count, in: path)
        return caseFile
    }

    /// Parses and validates a case file's bytes with the `--max-depth` limit.
    func decodeCase(_ data: Data, file: String) throws -> CaseFile {
        try withDepthHint { try CaseFile(jsonBytes: data, file: file, maxDepth: maxDepth) }
    }

    /// Runs `body`, adding to a JSON nesting error (a case file's or a node-link file's) the
    /// flag that raises the limit.
    func withDepthHint<T>(_ body: () throws -> T) throws -> T {
        let message = JSONParser.depthMessage(maxDepth)
        let hint = " (raise it with --max-depth)"
        do {
            return try body()
        } catch CaseFileError.syntax(let file, let line, let column, let text) where text.hasSuffix(message) {
            throw CaseFileError.syntax(file: file, line: line, column: column, message: text + hint)
        } catch FormatError.syntax(let file, let line, let column, let text) where text.hasSuffix(message) {
            throw FormatError.syntax(file: file, line: line, column: column, message: text + hint)
        }
    }

    /// Refuses more than `--max-entities` entities (or vertices) read from `file`.
    func checkEntities(_ count: Int, in file: String, noun: String = "entities") throws {
        guard count > maxEntities else { return }
        throw InputLimitError(
            file: file,
            message: "\(count) \(noun), more than the limit of \(maxEntities) (raise it with --max-entities)")
    }

    /// Reads an edge list within the limits (its vertices count as entities).
    /// - Throws: `FileIOError`, `AlgorithmError.edgeListSyntax` naming the file and line, or
    ///   `InputLimitError`.
    func loadEdgeList(_ path: String, directed: Bool) throws -> Digraph {
        let data = try read(path)
        let graph = try AnalysisInput.namingFile(path) {
            try Digraph(edgeListBytes: [UInt8](data), directed: directed, fileName: path)
        }
        try checkEntities(graph.vertexCount, in: path, noun: "vertices")
        return graph
    }
}

/// An input over one of the `InputLimits`: the file, which limit, and the flag that raises it.
struct InputLimitError: Error, CustomStringConvertible {
    let file: String
    let message: String

    var description: String { "\(file): \(message)" }
}

/// A size in bytes on the command line: `1048576`, `512K`, `256M`, `2G` (or `KiB`, `MiB`,
/// `GiB`; every multiple is binary).
struct ByteCount: ExpressibleByArgument, Equatable, CustomStringConvertible {
    let bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        let unit = text.dropFirst(digits.count).lowercased()
        let shifts: [String: Int] = [
            "": 0, "b": 0, "k": 10, "kb": 10, "kib": 10, "m": 20, "mb": 20, "mib": 20, "g": 30, "gb": 30, "gib": 30,
        ]
        guard let value = Int(digits), value >= 1, let shift = shifts[unit] else { return nil }
        // At most 1 TiB: a limit, not a promise; and far from Int overflow.
        guard value <= (1 << 40) >> shift else { return nil }
        bytes = value << shift
    }

    var description: String {
        for (shift, unit) in [(30, "G"), (20, "M"), (10, "K")] where bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift)\(unit)"
        }
        return "\(bytes)"
    }

    var defaultValueDescription: String { description }
}

extension InputLimits {
    /// The defaults, for code paths without a command line.
    static var defaults: InputLimits {
        // Parsing no arguments gives every option its default (and cannot fail).
        (try? InputLimits.parse([])) ?? InputLimits()
    }
}
