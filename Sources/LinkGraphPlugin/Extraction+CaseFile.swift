import LinkGraph

extension Extraction {
    /// The extraction as a case-file fragment for one document, ready for `CaseMerger`.
    ///
    /// Entity ids become unique slugs of their names; relations follow them. Every entity and
    /// relation records its contribution in `provenance` (document, extractor, confidence;
    /// mentions for entities only). Relation evidence cites the document with its span and,
    /// when `text` is given, a quotation of up to 1000 bytes. A confidence of 1 is left out.
    /// - Parameters:
    ///   - document: The document the extraction is of; it becomes the fragment's only document.
    ///   - extractor: The extractor's name, for provenance.
    ///   - text: The document's bytes, to quote evidence; nil to quote nothing.
    public func caseFile(document: Document, extractor: String, text: [UInt8]? = nil) -> CaseFile {
        var ids: [String: String] = [:]
        var taken = UniqueIDs()
        var entities: [Entity] = []
        for entity in self.entities where ids[entity.id] == nil {
            let id = taken.claim(NameNormalizer.slug(entity.name))
            ids[entity.id] = id
            let contribution = Contribution(
                document: document.id, extractor: extractor, confidence: entity.confidence,
                mentions: entity.mentions.sorted())
            entities.append(
                Entity(
                    id: id, name: entity.name, kind: entity.kind, aliases: entity.aliases,
                    attributes: entity.attributes,
                    provenance: [contribution]))
        }
        var relations: [Relation] = []
        for relation in self.relations {
            guard let source = ids[relation.source], let target = ids[relation.target] else { continue }
            let evidence = relation.evidence.sorted().map { span in
                Evidence(
                    document: document.id, start: span.start, end: span.end, text: text.flatMap { Self.quote($0, span) }
                )
            }
            let contribution = Contribution(
                document: document.id, extractor: extractor, confidence: relation.confidence)
            relations.append(
                Relation(
                    source: source, target: target, kind: relation.kind, weight: relation.weight,
                    confidence: relation.confidence == 1 ? nil : relation.confidence, from: relation.from,
                    until: relation.until, evidence: evidence, attributes: relation.attributes,
                    provenance: [contribution]))
        }
        return CaseFile(documents: [document], entities: entities, relations: relations)
    }

    /// The text of a span, when it is within the document, at most 1000 bytes and valid UTF-8.
    static func quote(_ bytes: [UInt8], _ span: Span) -> String? {
        guard span.end <= bytes.count, span.end - span.start <= 1000, span.start < span.end else { return nil }
        return String(validating: bytes[span.start..<span.end], as: UTF8.self)
    }

    /// Checks an extraction made in process as strictly as a plug-in's answer is checked.
    /// - Throws: `ExtractionWireError.invalid` with every problem and its JSON path.
    public func validate(document: String, documentLength: Int?) throws {
        _ = try Extraction(json: jsonValue(document: document), document: document, documentLength: documentLength)
    }
}

extension Extraction {
    /// A case file as an extraction: entities by id, relations with their confidence, dates,
    /// weight and attributes. Evidence (which may cite other documents), directions and
    /// unknown fields are not carried; merge the case file itself for a faithful copy.
    /// - Complexity: O(entities + relations).
    public init(caseFile: CaseFile) {
        self.init(
            entities: caseFile.entities.map {
                ExtractedEntity(id: $0.id, name: $0.name, kind: $0.kind, aliases: $0.aliases, attributes: $0.attributes)
            },
            relations: caseFile.relations.map {
                ExtractedRelation(
                    source: $0.source, target: $0.target, kind: $0.kind, confidence: $0.effectiveConfidence,
                    from: $0.from, until: $0.until, attributes: $0.attributes, weight: $0.weight)
            })
    }
}
