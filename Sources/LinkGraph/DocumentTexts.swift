import Foundation

/// The texts of a case's documents, so that evidence can be quoted where the case cites it
/// only by offsets (`seed[2677..<2742]`).
///
/// A document's text is found from its `source` when that names a local file: as written
/// (absolute, or relative to the working directory), relative to the case file's folder, or
/// by its file name in one of `folders`. When the document has a `sha256`, a file whose
/// digest differs is not used (its offsets would quote the wrong passage) and is listed in
/// `problems`.
public struct DocumentTexts: Sendable {
    /// Each found document's bytes, by document id.
    public private(set) var bytes: [String: [UInt8]] = [:]
    /// What was found but not used, one sentence each (for warnings).
    public private(set) var problems: [String] = []

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
            guard let source = document.source, !source.isEmpty, !source.contains("://") else { continue }
            let name = URL(fileURLWithPath: source).lastPathComponent
            var candidates = [source]
            if let caseFolder, !source.hasPrefix("/") { candidates.append(caseFolder + "/" + source) }
            candidates += folders.map { $0 + "/" + name }
            guard let path = candidates.first(where: Self.isFile), let data = try? FileIO.read(path, maxBytes: maxBytes)
            else { continue }
            let text = [UInt8](data)
            if let expected = document.sha256, SHA256.hex(text) != expected {
                problems.append("\(path): not the text of document '\(document.id)' (its SHA-256 differs); not quoted")
                continue
            }
            bytes[document.id] = text
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
