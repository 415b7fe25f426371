import LinkGraph

/// The wire form of an extraction: a case-file fragment (docs/FORMAT.md) with local ids.
///
/// ```json
/// {"entities": [{"id": "e1", "name": "Hadi al-Amiri", "kind": "person", "aliases": ["Amiri"],
///                "attributes": {}, "confidence": 0.9, "mentions": [{"start": 0, "end": 14}]}],
///  "relations": [{"source": "e1", "target": "e2", "kind": "memberOf", "confidence": 0.8,
///                 "from": "2014", "until": "2015", "weight": 1,
///                 "evidence": [{"document": "doc-1", "start": 0, "end": 52}], "attributes": {}}]}
/// ```
///
/// Reading is strict: wrong types, missing required fields, unknown fields, duplicate local
/// ids, relations to unknown local ids, confidences outside 0...1, spans that run backwards or
/// past the end of the document, and nesting deeper than the limit are all errors, each with
/// its JSON path (`relations[2].source`).
extension Extraction {
    /// The deepest nesting accepted in a plug-in's answer.
    public static let maxWireDepth = 64

    static let topFields = ["entities", "relations", "id", "version", "documents"]
    static let entityFields = ["id", "name", "kind", "aliases", "attributes", "confidence", "mentions"]
    static let relationFields = [
        "source", "target", "kind", "confidence", "from", "until", "weight", "evidence", "attributes",
    ]

    /// Decodes and validates an extraction.
    /// - Parameters:
    ///   - json: The parsed answer.
    ///   - document: The id of the document the answer is for. Evidence may name it or leave
    ///     `document` out; evidence naming another document is an error. A top-level `"id"`,
    ///     when present, must equal it too.
    ///   - documentLength: The document's size in bytes; spans must end within it.
    /// - Throws: `ExtractionWireError.invalid` listing every problem with its JSON path.
    public init(json: JSONValue, document: String? = nil, documentLength: Int? = nil) throws {
        var reader = WireReader()
        self = Extraction.decode(json, document: document, limit: documentLength, reader: &reader)
        if !reader.problems.isEmpty { throw ExtractionWireError.invalid(problems: reader.problems) }
    }

    /// Parses and validates an extraction from JSON text.
    /// - Throws: `ExtractionWireError.syntax` for text that is not JSON (nesting deeper than
    ///   `maxDepth` included), `.invalid` for JSON that is not a valid extraction.
    public init<Bytes: Sequence>(
        jsonBytes: Bytes, document: String? = nil, documentLength: Int? = nil, maxDepth: Int = Extraction.maxWireDepth
    ) throws where Bytes.Element == UInt8 {
        let json: JSONValue
        do {
            json = try JSONParser.parse(jsonBytes, maxDepth: maxDepth)
        } catch let error as JSONSyntaxError {
            throw ExtractionWireError.syntax(line: error.line, column: error.column, message: error.message)
        }
        try self.init(json: json, document: document, documentLength: documentLength)
    }

    static func decode(_ json: JSONValue, document: String?, limit: Int?, reader: inout WireReader) -> Extraction {
        guard let top = reader.object(json, "$") else { return Extraction() }
        reader.rejectUnknown(top, allowed: topFields, "$")
        if let echoed = reader.optionalString(top, "id", "$"), let document, echoed != document {
            reader.problem("id", "the answer is for document \"\(echoed)\", but the request was for \"\(document)\"")
        }
        var entities: [ExtractedEntity] = []
        var firstIndex: [String: Int] = [:]
        for (i, value) in (reader.array(top, "entities", "$", required: true) ?? []).enumerated() {
            let path = "entities[\(i)]"
            guard let object = reader.object(value, path) else { continue }
            guard let entity = decodeEntity(object, path, limit: limit, reader: &reader) else { continue }
            if let first = firstIndex[entity.id] {
                reader.problem("\(path).id", "duplicate local id \"\(entity.id)\" (first at entities[\(first)])")
                continue
            }
            firstIndex[entity.id] = i
            entities.append(entity)
        }
        var relations: [ExtractedRelation] = []
        for (i, value) in (reader.array(top, "relations", "$", required: false) ?? []).enumerated() {
            let path = "relations[\(i)]"
            guard let object = reader.object(value, path) else { continue }
            guard let relation = decodeRelation(object, path, document: document, limit: limit, reader: &reader) else {
                continue
            }
            var known = true
            for (field, id) in [("source", relation.source), ("target", relation.target)] where firstIndex[id] == nil {
                reader.problem("\(path).\(field)", "no entity of this answer has the local id \"\(id)\"")
                known = false
            }
            if known { relations.append(relation) }
        }
        return Extraction(entities: entities, relations: relations)
    }

    static func decodeEntity(_ object: JSONObject, _ path: String, limit: Int?, reader: inout WireReader)
        -> ExtractedEntity?
    {
        reader.rejectUnknown(object, allowed: entityFields, path)
        let id = reader.requiredString(object, "id", path)
        let name = reader.requiredString(object, "name", path)
        let kind = reader.requiredString(object, "kind", path)
        let aliases = reader.stringArray(object, "aliases", path)
        let attributes = reader.optionalObject(object, "attributes", path)
        let confidence = reader.confidence(object, path)
        var mentions: [Span] = []
        for (j, value) in (reader.array(object, "mentions", path, required: false) ?? []).enumerated() {
            let mentionPath = "\(path).mentions[\(j)]"
            guard let mention = reader.object(value, mentionPath) else { continue }
            reader.rejectUnknown(mention, allowed: ["start", "end", "text"], mentionPath)
            _ = reader.optionalString(mention, "text", mentionPath)
            if let span = reader.span(mention, mentionPath, limit: limit) { mentions.append(span) }
        }
        guard let id, let name, let kind else { return nil }
        return ExtractedEntity(
            id: id, name: name, kind: EntityKind(kind), aliases: aliases, attributes: attributes,
            confidence: confidence,
            mentions: mentions)
    }

    static func decodeRelation(
        _ object: JSONObject, _ path: String, document: String?, limit: Int?, reader: inout WireReader
    ) -> ExtractedRelation? {
        reader.rejectUnknown(object, allowed: relationFields, path)
        let source = reader.requiredString(object, "source", path)
        let target = reader.requiredString(object, "target", path)
        let kind = reader.requiredString(object, "kind", path)
        let confidence = reader.confidence(object, path)
        let from = reader.optionalDate(object, "from", path)
        let until = reader.optionalDate(object, "until", path)
        if let from, let until, from.earliestDay > until.latestDay {
            reader.problem("\(path).until", "\"until\" \(until) is before \"from\" \(from)")
        }
        let weight = reader.optionalNumber(object, "weight", path)
        let attributes = reader.optionalObject(object, "attributes", path)
        var evidence: [Span] = []
        for (j, value) in (reader.array(object, "evidence", path, required: false) ?? []).enumerated() {
            let evidencePath = "\(path).evidence[\(j)]"
            guard let item = reader.object(value, evidencePath) else { continue }
            reader.rejectUnknown(item, allowed: ["document", "start", "end", "text"], evidencePath)
            _ = reader.optionalString(item, "text", evidencePath)
            if let named = reader.optionalString(item, "document", evidencePath), let document, named != document {
                reader.problem(
                    "\(evidencePath).document",
                    "evidence must point into the requested document \"\(document)\", not \"\(named)\"")
            }
            if let span = reader.span(item, evidencePath, limit: limit) { evidence.append(span) }
        }
        guard let source, let target, let kind else { return nil }
        return ExtractedRelation(
            source: source, target: target, kind: RelationKind(kind), confidence: confidence, from: from, until: until,
            evidence: evidence, attributes: attributes, weight: weight)
    }

    /// The extraction as a JSON value. Evidence names `document`; a confidence of 1 and empty
    /// collections are left out.
    public func jsonValue(document: String) -> JSONValue {
        .object([
            "entities": .array(entities.map { $0.jsonValue() }),
            "relations": .array(relations.map { $0.jsonValue(document: document) }),
        ])
    }
}

extension ExtractedEntity {
    public func jsonValue() -> JSONValue {
        var object: JSONObject = ["id": .string(id), "name": .string(name), "kind": .string(kind.rawValue)]
        if !aliases.isEmpty { object["aliases"] = .array(aliases.map { .string($0) }) }
        if !attributes.isEmpty { object["attributes"] = .object(attributes) }
        if confidence != 1 { object["confidence"] = .number(JSONNumber(confidence)) }
        if !mentions.isEmpty { object["mentions"] = .array(mentions.map { $0.jsonValue() }) }
        return .object(object)
    }
}

extension ExtractedRelation {
    public func jsonValue(document: String) -> JSONValue {
        var object: JSONObject = ["source": .string(source), "target": .string(target), "kind": .string(kind.rawValue)]
        if confidence != 1 { object["confidence"] = .number(JSONNumber(confidence)) }
        if let from { object["from"] = .string(from.description) }
        if let until { object["until"] = .string(until.description) }
        if let weight { object["weight"] = .number(JSONNumber(weight)) }
        if !evidence.isEmpty {
            object["evidence"] = .array(
                evidence.map { span in
                    .object([
                        "document": .string(document), "start": .number(JSONNumber(span.start)),
                        "end": .number(JSONNumber(span.end)),
                    ])
                })
        }
        if !attributes.isEmpty { object["attributes"] = .object(attributes) }
        return .object(object)
    }
}
