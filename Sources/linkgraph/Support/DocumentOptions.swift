import ArgumentParser
import Foundation
import LinkGraph

/// `--documents DIR`: where the case's document files are, so path and chain explanations
/// quote the evidence passage instead of citing its byte offsets only.
struct DocumentOptions: ParsableArguments {
    @Option(
        name: .customLong("documents"),
        help: """
            A folder holding the case's document files (found by the file name of each document's \
            source), to quote evidence. Sources are also looked for as written and beside the case file.
            """)
    var folder: String?

    func validate() throws {
        guard let folder else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--documents \(folder): no such folder")
        }
    }

    /// The texts of the input's documents (none for an edge list); a file that is not the
    /// document the case names is a warning.
    func texts(of input: AnalysisInput, casePath: String) -> DocumentTexts {
        guard let caseFile = input.caseFile else { return DocumentTexts() }
        let texts = DocumentTexts(caseFile: caseFile, casePath: casePath, folders: folder.map { [$0] } ?? [])
        for problem in texts.problems { Diagnostics.warn(problem) }
        return texts
    }
}
