/// Writing a case file as JSON, in docs/FORMAT.md's field order, with unknown fields after the
/// known ones. Empty optional collections and absent optional fields are left out, so a file
/// read and written back keeps its meaning and, for a file written by this tool, its bytes.
extension CaseFile {
    /// The case as a JSON value.
    public func jsonValue() -> JSONValue {
        var top: JSONObject = ["version": .number(JSONNumber(version))]
        top["documents"] = .array(documents.map { $0.jsonValue() })
        top["entities"] = .array(entities.map { $0.jsonValue() })
        top["relations"] = .array(relations.map { $0.jsonValue() })
        if !suppressed.isEmpty { top["suppressed"] = suppressed.jsonValue() }
        if !reviews.isEmpty { top["reviews"] = .array(reviews.map { $0.jsonValue() }) }
        return .object(top.merging(unknownFields))
    }

    /// The case as pretty JSON text (two-space indent, final newline).
    public func jsonText() -> String { JSONWriter.pretty(jsonValue()) }
}

extension Document {
    public func jsonValue() -> JSONValue {
        var object: JSONObject = ["id": .string(id)]
        if let title { object["title"] = .string(title) }
        if let source { object["source"] = .string(source) }
        if let sha256 { object["sha256"] = .string(sha256) }
        return .object(object.merging(unknownFields))
    }
}

extension Entity {
    public func jsonValue() -> JSONValue {
        var object: JSONObject = ["id": .string(id), "name": .string(name), "kind": .string(kind.rawValue)]
        if !aliases.isEmpty { object["aliases"] = .array(aliases.map { .string($0) }) }
        if !attributes.isEmpty { object["attributes"] = .object(attributes) }
        if !provenance.isEmpty { object["provenance"] = .array(provenance.map { $0.jsonValue() }) }
        return .object(object.merging(unknownFields))
    }
}

extension Relation {
    public func jsonValue() -> JSONValue {
        var object: JSONObject = [
            "source": .string(source), "target": .string(target), "kind": .string(kind.rawValue),
        ]
        if let directed { object["directed"] = .bool(directed) }
        if let weight { object["weight"] = .number(JSONNumber(weight)) }
        if let confidence { object["confidence"] = .number(JSONNumber(confidence)) }
        if let from { object["from"] = .string(from.description) }
        if let until { object["until"] = .string(until.description) }
        if !evidence.isEmpty { object["evidence"] = .array(evidence.map { $0.jsonValue() }) }
        if !attributes.isEmpty { object["attributes"] = .object(attributes) }
        if !provenance.isEmpty { object["provenance"] = .array(provenance.map { $0.jsonValue() }) }
        return .object(object.merging(unknownFields))
    }
}

extension Contribution {
    public func jsonValue() -> JSONValue {
        var object: JSONObject = [:]
        if let document { object["document"] = .string(document) }
        if let extractor { object["extractor"] = .string(extractor) }
        if let file { object["source"] = .string(file) }
        if let confidence { object["confidence"] = .number(JSONNumber(confidence)) }
        if !mentions.isEmpty { object["mentions"] = .array(mentions.map { $0.jsonValue() }) }
        return .object(object.merging(unknownFields))
    }
}

extension Suppression {
    public func jsonValue() -> JSONValue {
        var object: JSONObject = [:]
        if !entities.isEmpty { object["entities"] = .array(entities.map(JSONValue.string)) }
        if !relations.isEmpty {
            object["relations"] = .array(
                relations.map { relation in
                    let fields: JSONObject = [
                        "source": .string(relation.source), "target": .string(relation.target),
                        "kind": .string(relation.kind.rawValue),
                    ]
                    return .object(fields.merging(relation.unknownFields))
                })
        }
        return .object(object.merging(unknownFields))
    }
}

extension Evidence {
    public func jsonValue() -> JSONValue {
        var object: JSONObject = ["document": .string(document)]
        if let start { object["start"] = .number(JSONNumber(start)) }
        if let end { object["end"] = .number(JSONNumber(end)) }
        if let text { object["text"] = .string(text) }
        return .object(object.merging(unknownFields))
    }
}

extension JSONObject {
    /// This object followed by the members of `other` whose keys it does not have.
    public func merging(_ other: JSONObject) -> JSONObject {
        var out = self
        for (key, value) in other where out[key] == nil { out[key] = value }
        return out
    }
}
