import LinkGraph

/// An extractor that makes its case file itself, keeping everything a case file can hold
/// (ids, directions, evidence in other documents, unknown fields). The host merges that case
/// file as it is instead of converting an `Extraction`.
public protocol CaseFileProducingExtractor: Extractor {
    /// The case file the document holds.
    func extractCaseFile(_ request: ExtractionRequest) throws -> CaseFile
}

extension CaseFileProducingExtractor {
    /// The case file as an extraction (`Extraction(caseFile:)`), for hosts that want one.
    public func extract(_ request: ExtractionRequest) throws -> Extraction {
        Extraction(caseFile: try extractCaseFile(request))
    }
}

/// Reads a document that is itself a case file (`application/json`, docs/FORMAT.md), so that
/// `linkgraph extract` can take existing cases beside texts and tables.
public struct CaseFileExtractor: CaseFileProducingExtractor {
    public init() {}

    public var description: ExtractorDescription {
        ExtractorDescription(
            name: "case-file", version: "1", accepts: ["application/json"],
            summary: "Reads a LinkGraph case file (docs/FORMAT.md) as it is: entities, relations, evidence.",
            origin: .builtIn,
            examples: [
                ExtractorExample(
                    text: """
                        {"version": 1, "entities": [
                          {"id": "a", "name": "Harbor Trust", "kind": "organization"},
                          {"id": "b", "name": "Mara Quill", "kind": "person"}],
                         "relations": [{"source": "a", "target": "b", "kind": "pays"}]}
                        """,
                    entities: [("Harbor Trust", .organization), ("Mara Quill", .person)],
                    relations: [("Harbor Trust", .pays, "Mara Quill")])
            ])
    }

    /// The document's case file, validated.
    /// - Throws: `CaseFileError` naming the document (its `metadata.path`, else its id).
    public func extractCaseFile(_ request: ExtractionRequest) throws -> CaseFile {
        let file = request.metadata["path"]?.stringValue ?? request.id
        return try CaseFile(jsonBytes: request.bytes, file: file)
    }
}
