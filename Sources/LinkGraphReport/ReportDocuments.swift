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
    /// Texts by document id: every document whose text the case stores or `directory` holds
    /// (found as `DocumentTexts` finds them).
    /// - Throws: `ReportError.documentMismatch` for a file whose SHA-256 differs from the
    ///   case's, `ReportError.unreadableDocument` for a file that is not UTF-8 text, and
    ///   `ReportError.missingDirectory` when `directory` is not a directory.
    /// - Complexity: O(total bytes of the documents read).
    public static func texts(of caseFile: CaseFile, directory: String?) throws -> [String: String] {
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
            else { throw ReportError.missingDirectory(directory) }
        }
        let found = DocumentTexts(caseFile: caseFile, casePath: nil, folders: directory.map { [$0] } ?? [])
        if let mismatch = found.mismatches.first {
            throw ReportError.documentMismatch(
                path: mismatch.path, document: mismatch.document, expected: mismatch.expected)
        }
        var texts: [String: String] = [:]
        for (id, bytes) in found.bytes {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ReportError.unreadableDocument(path: found.files[id] ?? id, document: id)
            }
            texts[id] = text
        }
        return texts
    }
}
