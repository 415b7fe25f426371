import Foundation
import LinkGraph

/// The text of a case's documents, so that the report can show each piece of evidence as a
/// passage with its span marked.
///
/// A document's text comes from the case itself (a `text` field on the document) or from a
/// directory given by the user (`--documents DIR`), where the file is found by the base name
/// of the document's `source`, by its id, or by its id with `.txt`. When the case records a
/// `sha256`, the file must match it: offsets into a different text would mark the wrong words.
public enum ReportDocuments {
    /// Texts by document id: every document whose text the case stores or `directory` holds.
    /// - Throws: `ReportError.documentMismatch` for a file whose SHA-256 differs from the
    ///   case's, `ReportError.unreadableDocument` for a file that is not UTF-8 text, and
    ///   `ReportError.missingDirectory` when `directory` is not a directory.
    /// - Complexity: O(total bytes of the documents read).
    public static func texts(of caseFile: CaseFile, directory: String?) throws -> [String: String] {
        var texts: [String: String] = [:]
        for document in caseFile.documents {
            if let stored = document.unknownFields["text"]?.stringValue { texts[document.id] = stored }
        }
        guard let directory else { return texts }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportError.missingDirectory(directory)
        }
        for document in caseFile.documents where texts[document.id] == nil {
            guard let path = file(for: document, in: directory) else { continue }
            let data = try FileIO.read(path)
            if let expected = document.sha256?.lowercased(), SHA256.hex(data) != expected {
                throw ReportError.documentMismatch(path: path, document: document.id, expected: expected)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ReportError.unreadableDocument(path: path, document: document.id)
            }
            texts[document.id] = text
        }
        return texts
    }

    /// The first existing file among the candidates for `document` in `directory`.
    static func file(for document: Document, in directory: String) -> String? {
        var names: [String] = []
        if let source = document.source, !source.isEmpty {
            names.append(URL(fileURLWithPath: source).lastPathComponent)
        }
        names += [document.id, document.id + ".txt"]
        let base = URL(fileURLWithPath: directory)
        for name in names where !name.isEmpty && name != "." && name != ".." && !name.contains("/") {
            let path = base.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return path
            }
        }
        return nil
    }
}
