import Foundation

/// The texts of a case's documents, so that evidence can be quoted where the case cites it
/// only by offsets (`seed[2677..<2742]`).
///
/// A document's text is the case's own (a `text` member of the document) or a local file: its
/// `source` as written (absolute, or relative to the working directory), relative to the case
/// file's folder, or in one of `folders` by the source's file name, the document's id, or the
/// id with `.txt`. When the document has a `sha256`, a file whose digest differs is not used
/// (its offsets would quote the wrong passage) and is listed in `mismatches`.
///
/// The one owner of finding document texts: `linkgraph path`/`chain` quote evidence with it,
/// and the interactive report marks evidence spans with it.
public struct DocumentTexts: Sendable {
    /// A file found for a document whose SHA-256 is not the one the case records.
    public struct Mismatch: Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var document: String
        public var expected: String

        public var description: String {
            "\(path): not the text of document '\(document)' (its SHA-256 differs); not quoted"
        }
    }

    /// Each found document's bytes, by document id.
    public private(set) var bytes: [String: [UInt8]] = [:]
    /// The file each document's bytes came from, by document id (none for texts the case stores).
    public private(set) var files: [String: String] = [:]
    /// Files found but not used because their digest differs.
    public private(set) var mismatches: [Mismatch] = []
    /// What was found but not used, one sentence each (for warnings).
    public var problems: [String] { mismatches.map(\.description) }

    /// No texts: evidence is quoted only from its own `text`.
    public init() {}

    /// Reads the documents of `caseFile` that can be found.
    /// - Parameters:
    ///   - caseFile: The case whose documents to find.
    ///   - casePath: The case file's path, to resolve relative sources; nil for none.
    ///   - folders: Folders to look in for a source's file name.
    ///   - maxBytes: The largest document read.
    /// - Complexity: O(total bytes of the documents found).
    public init(
        caseFile: CaseFile, casePath: String?, folders: [String] = [], maxBytes: Int = FileIO.defaultMaxInputBytes
    ) {
        let caseFolder = casePath.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        for document in caseFile.documents {
            if let stored = document.unknownFields["text"]?.stringValue {
                bytes[document.id] = Array(stored.utf8)
                continue
            }
            // A PDF's offsets point into the text its extractor read, not into the file (FORMAT.md).
            if document.unknownFields["pages"] != nil { continue }
            var candidates: [String] = []
            var names = [document.id, document.id + ".txt"]
            if let source = document.source, !source.isEmpty, !source.contains("://") {
                candidates.append(source)
                if let caseFolder, !source.hasPrefix("/") { candidates.append(caseFolder + "/" + source) }
                names.insert(URL(fileURLWithPath: source).lastPathComponent, at: 0)
            }
            // Only plain file names inside the folders: an id never walks out of them.
            let plain = names.filter { !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("/") }
            candidates += folders.flatMap { folder in plain.map { folder + "/" + $0 } }
            guard let path = candidates.first(where: Self.isFile), let data = try? FileIO.read(path, maxBytes: maxBytes)
            else { continue }
            let text = [UInt8](data)
            if let expected = document.sha256?.lowercased(), SHA256.hex(text) != expected {
                mismatches.append(Mismatch(path: path, document: document.id, expected: expected))
                continue
            }
            bytes[document.id] = text
            files[document.id] = path
        }
    }

    /// The text of a piece of evidence: its own `text` when the case holds one, else the
    /// cited span of a found document (nil when neither is known, or the span is not valid
    /// UTF-8 inside the document).
    public func passage(of evidence: Evidence) -> String? {
        if let text = evidence.text, !text.isEmpty { return text }
        guard let start = evidence.start, let end = evidence.end, let document = bytes[evidence.document],
            start >= 0, start < end, end <= document.count
        else { return nil }
        return String(validating: document[start..<end], as: UTF8.self)
    }

    /// `doc[12..<40] “the quoted passage…”`, or the citation alone when no text is known.
    /// - Parameters:
    ///   - evidence: What to cite.
    ///   - limit: The longest quotation, in characters.
    public func cite(_ evidence: Evidence, limit: Int = 120) -> String {
        guard let passage = passage(of: evidence) else { return evidence.citation }
        return evidence.citation + " “" + Quotation.shortened(passage, limit: limit) + "”"
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
