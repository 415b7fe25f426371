import LinkGraph

/// An extractor that makes its case file itself, keeping everything a case file can hold
/// (ids, directions, evidence in other documents, unknown fields). The host merges that case
/// file as it is instead of converting an `Extraction`.
public protocol CaseFileProducingExtractor: Extractor {
    /// The case file the document holds.
    func extractCaseFile(_ request: ExtractionRequest) throws -> CaseFile
}

/// Reads a document that is itself a case file (`application/json`, FORMAT.md), so that
/// `linkgraph extract` can take existing cases beside texts and tables.
public struct CaseFileExtractor: CaseFileProducingExtractor {
    public init() {}

    public var description: ExtractorDescription {
        ExtractorDescription(
            name: "case-file", version: "1", accepts: ["application/json"],
            summary: "Reads a LinkGraph case file (FORMAT.md) as it is: entities, relations, evidence.",
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

    /// The case file as an extraction: entities by id, relations with their confidence, dates,
    /// weight and attributes. Evidence with offsets into other documents is not carried (use
    /// `extractCaseFile` for a faithful copy).
    public func extract(_ request: ExtractionRequest) throws -> Extraction {
        let caseFile = try extractCaseFile(request)
        return Extraction(
            entities: caseFile.entities.map {
                ExtractedEntity(id: $0.id, name: $0.name, kind: $0.kind, aliases: $0.aliases, attributes: $0.attributes)
            },
            relations: caseFile.relations.map {
                ExtractedRelation(
                    source: $0.source, target: $0.target, kind: $0.kind, confidence: $0.effectiveConfidence, from: $0.from,
                    until: $0.until, attributes: $0.attributes, weight: $0.weight)
            })
    }
}
