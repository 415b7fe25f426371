/// Reading a case file from JSON, collecting every problem with its JSON path.
extension CaseFile {
    /// Decodes and validates a case file.
    /// - Parameters:
    ///   - json: The parsed JSON document.
    ///   - file: The name used in error messages.
    /// - Throws: `CaseFileError.invalid` listing every problem: wrong types, missing required
    ///   fields, an unknown version, duplicate ids, relations to missing entities, evidence for
    ///   missing documents, bad dates, confidence outside 0...1, non-finite weights.
    /// - Complexity: O(size of the file).
    public init(json: JSONValue, file: String = "case file") throws {
        var decoder = CaseFileDecoder()
        let result = decoder.decodeCase(json)
        guard decoder.problems.isEmpty, let result else {
            throw CaseFileError.invalid(file: file, problems: decoder.problems)
        }
        self = result
    }

    /// Parses and decodes a case file from its JSON text.
    /// - Throws: `CaseFileError.syntax` for bad JSON, `.invalid` for a bad case file.
    public init<Bytes: Sequence>(
        jsonBytes: Bytes, file: String = "case file", maxDepth: Int = JSONParser.defaultMaxDepth
    ) throws
    where Bytes.Element == UInt8 {
        let json: JSONValue
        do {
            json = try JSONParser.parse(jsonBytes, maxDepth: maxDepth)
        } catch let error as JSONSyntaxError {
            throw CaseFileError.syntax(file: file, line: error.line, column: error.column, message: error.message)
        }
        try self.init(json: json, file: file)
    }
}

/// Walks the JSON tree of a case file; each `require`/`optional` helper records a problem
/// instead of stopping, so one run reports everything.
struct CaseFileDecoder {
    var problems: [CaseFileProblem] = []

    mutating func problem(_ path: String, _ message: String) {
        problems.append(CaseFileProblem(path: path, message: message))
    }

    /// A problem with the member `key` of the object at `path`.
    mutating func problem(_ path: JSONPath, _ key: String, _ message: String) {
        problem("\(path).\(key)", message)
    }

    mutating func decodeCase(_ json: JSONValue) -> CaseFile? {
        guard case .object(let top) = json else {
            problem("$", "expected an object at the top level, found \(json.typeName)")
            return nil
        }
        var unknown = top
        for key in ["version", "documents", "entities", "relations", "suppressed", "reviews"] { unknown[key] = nil }

        var version = CaseFile.currentVersion
        switch top["version"] {
        case nil:
            problem("version", "required field is missing (this tool reads version \(CaseFile.currentVersion))")
        case .number(let n)? where n.doubleValue == Double(CaseFile.currentVersion):
            version = CaseFile.currentVersion
        case .number(let n)?:
            problem("version", "unknown version \(n.text): this tool reads version \(CaseFile.currentVersion)")
        case let other?:
            problem("version", "expected a number, found \(other.typeName)")
        }

        let documents = decodeArray(top["documents"], path: "documents", required: false) { $0.decodeDocument($1, $2) }
        let entities = decodeArray(top["entities"], path: "entities", required: true) { $0.decodeEntity($1, $2) }
        let relations = decodeArray(top["relations"], path: "relations", required: false) { $0.decodeRelation($1, $2) }
        let suppressed = decodeSuppression(top["suppressed"])
        checkReferences(documents: documents, entities: entities, relations: relations)
        var caseFile = CaseFile(
            version: version, documents: documents.values, entities: entities.values,
            relations: relations.values, suppressed: suppressed, unknownFields: unknown)
        caseFile.reviews = decodeReviews(top["reviews"])
        return caseFile
    }

    /// The elements of an array that could be decoded, with their places in the array (for
    /// later checks to name): two parallel arrays, so the values go into the case uncopied.
    struct Decoded<T> {
        var indices: [Int] = []
        var values: [T] = []

        /// (index in the JSON array, value) pairs.
        var enumerated: Zip2Sequence<[Int], [T]> { zip(indices, values) }
    }

    /// Decodes every element that can be decoded, remembering its index for later checks.
    mutating func decodeArray<T>(
        _ value: JSONValue?, path: JSONPath, required: Bool,
        _ decode: (inout CaseFileDecoder, JSONObject, JSONPath) -> T?
    ) -> Decoded<T> {
        guard let value else {
            if required { problem("\(path)", "required field is missing") }
            return Decoded()
        }
        guard case .array(let elements) = value else {
            problem("\(path)", "expected an array, found \(value.typeName)")
            return Decoded()
        }
        var out = Decoded<T>()
        out.indices.reserveCapacity(elements.count)
        out.values.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            let elementPath = path.at(i)
            guard case .object(let object) = element else {
                problem("\(elementPath)", "expected an object, found \(element.typeName)")
                continue
            }
            if let decoded = decode(&self, object, elementPath) {
                out.indices.append(i)
                out.values.append(decoded)
            }
        }
        return out
    }

    // MARK: Fields

    mutating func requiredString(_ object: JSONObject, _ key: String, _ path: JSONPath) -> String? {
        guard let value = object[key] else {
            problem(path, key, "required field is missing")
            return nil
        }
        guard case .string(let s) = value else {
            problem(path, key, "expected a string, found \(value.typeName)")
            return nil
        }
        if s.isBlank {
            problem(path, key, "must not be empty")
            return nil
        }
        return s
    }

    /// A required id (of a document or entity, or a reference to one). Control characters
    /// (U+0000–U+001F, U+007F–U+009F) are refused: the DOT, GraphML and GEXF writers must
    /// replace them, which made `a\u0000b` and `a\ufffdb` one node.
    mutating func requiredID(_ object: JSONObject, _ key: String, _ path: JSONPath) -> String? {
        guard let id = requiredString(object, key, path) else { return nil }
        if let control = Self.firstControlCharacter(id) {
            let code = String(control.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: 4 - code.count) + code
            problem(path, key, "control character U+\(padded) in an id")
            return nil
        }
        return id
    }

    /// The first C0 or C1 control character of `text`, if any. O(length), on the UTF-8 bytes.
    static func firstControlCharacter(_ text: String) -> Unicode.Scalar? {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return Unicode.Scalar(byte) }
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return Unicode.Scalar(byte) }
            previous = byte
        }
        return nil
    }

    mutating func optionalString(_ object: JSONObject, _ key: String, _ path: JSONPath) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard case .string(let s) = value else {
            problem(path, key, "expected a string, found \(value.typeName)")
            return nil
        }
        return s
    }

    mutating func optionalNumber(_ object: JSONObject, _ key: String, _ path: JSONPath) -> Double? {
        guard let value = object[key], value != .null else { return nil }
        guard case .number(let n) = value else {
            problem(path, key, "expected a number, found \(value.typeName)")
            return nil
        }
        let number = n.doubleValue
        guard number.isFinite else {
            problem(path, key, "number \(n.text) is out of range")
            return nil
        }
        return number
    }

    mutating func optionalOffset(_ object: JSONObject, _ key: String, _ path: JSONPath) -> Int? {
        guard let value = optionalNumber(object, key, path) else { return nil }
        guard value >= 0, value == value.rounded(), value < Double(Int32.max) * 1024 else {
            problem(path, key, "expected a byte offset (a whole number ≥ 0), found \(value)")
            return nil
        }
        return Int(value)
    }

    mutating func optionalDate(_ object: JSONObject, _ key: String, _ path: JSONPath) -> PartialDate? {
        guard let text = optionalString(object, key, path) else { return nil }
        guard let date = PartialDate(text) else {
            problem(path, key, "invalid date \"\(text)\": expected YYYY, YYYY-MM or YYYY-MM-DD")
            return nil
        }
        return date
    }

    mutating func stringArray(_ object: JSONObject, _ key: String, _ path: JSONPath) -> [String] {
        guard let value = object[key], value != .null else { return [] }
        guard case .array(let elements) = value else {
            problem(path, key, "expected an array of strings, found \(value.typeName)")
            return []
        }
        var out: [String] = []
        for (i, element) in elements.enumerated() {
            if case .string(let s) = element {
                out.append(s)
            } else {
                problem("\(path.member(key).at(i))", "expected a string, found \(element.typeName)")
            }
        }
        return out
    }

    mutating func attributes(_ object: JSONObject, _ path: JSONPath) -> JSONObject {
        guard let value = object["attributes"], value != .null else { return [:] }
        guard case .object(let attributes) = value else {
            problem(path, "attributes", "expected an object, found \(value.typeName)")
            return [:]
        }
        return attributes
    }

    /// The members of `object` other than `known`, in order. Nearly every object has only
    /// known members: then nothing is copied.
    static func unknown(_ object: JSONObject, known: [String]) -> JSONObject {
        guard object.members.contains(where: { !known.contains($0.key) }) else { return JSONObject() }
        var rest = object
        for key in known { rest[key] = nil }
        return rest
    }

    // MARK: Elements

    /// The members each element reads; any other is kept as an unknown field.
    static let documentFields = ["id", "title", "source", "sha256"]
    static let entityFields = ["id", "name", "kind", "aliases", "attributes", "provenance"]
    static let evidenceFields = ["document", "start", "end", "text"]
    static let contributionFields = ["document", "extractor", "source", "confidence", "mentions"]
    static let relationFields = [
        "source", "target", "kind", "directed", "weight", "confidence", "from", "until", "evidence", "attributes",
        "provenance",
    ]

    mutating func decodeDocument(_ object: JSONObject, _ path: JSONPath) -> Document? {
        let id = requiredID(object, "id", path)
        let title = optionalString(object, "title", path)
        let source = optionalString(object, "source", path)
        let sha256 = optionalString(object, "sha256", path)
        if let sha256,
            !(sha256.utf8.count == 64
                && sha256.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        {
            problem(path, "sha256", "expected 64 lowercase hexadecimal digits")
        }
        guard let id else { return nil }
        return Document(
            id: id, title: title, source: source, sha256: sha256,
            unknownFields: Self.unknown(object, known: Self.documentFields))
    }

    mutating func decodeEntity(_ object: JSONObject, _ path: JSONPath) -> Entity? {
        let id = requiredID(object, "id", path)
        let name = requiredString(object, "name", path)
        let kind = requiredString(object, "kind", path)
        let aliases = stringArray(object, "aliases", path)
        let attributes = attributes(object, path)
        let provenance = decodeArray(object["provenance"], path: path.member("provenance"), required: false) {
            $0.decodeContribution($1, $2)
        }
        guard let id, let name, let kind else { return nil }
        return Entity(
            id: id, name: name, kind: EntityKind(kind), aliases: aliases, attributes: attributes,
            provenance: provenance.values,
            unknownFields: Self.unknown(object, known: Self.entityFields))
    }

    mutating func decodeRelation(_ object: JSONObject, _ path: JSONPath) -> Relation? {
        let source = requiredID(object, "source", path)
        let target = requiredID(object, "target", path)
        let kind = requiredString(object, "kind", path)
        var directed: Bool?
        if let value = object["directed"], value != .null {
            if case .bool(let b) = value {
                directed = b
            } else {
                problem(path, "directed", "expected true or false, found \(value.typeName)")
            }
        }
        let weight = optionalNumber(object, "weight", path)
        let confidence = optionalNumber(object, "confidence", path)
        if let confidence, !(0...1).contains(confidence) {
            problem(path, "confidence", "confidence \(confidence) is outside 0...1")
        }
        let from = optionalDate(object, "from", path)
        let until = optionalDate(object, "until", path)
        if let from, let until, from.earliestDay > until.latestDay {
            problem(path, "until", "\"until\" \(until) is before \"from\" \(from)")
        }
        let evidence = decodeArray(object["evidence"], path: path.member("evidence"), required: false) {
            $0.decodeEvidence($1, $2)
        }
        let attributes = attributes(object, path)
        let provenance = decodeArray(object["provenance"], path: path.member("provenance"), required: false) {
            $0.decodeContribution($1, $2)
        }
        guard let source, let target, let kind else { return nil }
        return Relation(
            source: source, target: target, kind: RelationKind(kind), directed: directed, weight: weight,
            confidence: confidence, from: from, until: until, evidence: evidence.values,
            attributes: attributes, provenance: provenance.values,
            unknownFields: Self.unknown(
                object,
                known: Self.relationFields))
    }

    mutating func decodeEvidence(_ object: JSONObject, _ path: JSONPath) -> Evidence? {
        let document = requiredID(object, "document", path)
        let start = optionalOffset(object, "start", path)
        let end = optionalOffset(object, "end", path)
        let text = optionalString(object, "text", path)
        if let start, let end, start > end {
            problem(path, "end", "end \(end) is before start \(start)")
        }
        if (object["start"] == nil) != (object["end"] == nil) {
            problem("\(path)", "\"start\" and \"end\" go together: give both or neither")
        }
        guard let document else { return nil }
        return Evidence(
            document: document, start: start, end: end, text: text,
            unknownFields: Self.unknown(object, known: Self.evidenceFields))
    }

    /// `{"document"?, "extractor"?, "source"?, "confidence"?, "mentions"?: [{"start", "end"}]}`.
    mutating func decodeContribution(_ object: JSONObject, _ path: JSONPath) -> Contribution? {
        let document = optionalString(object, "document", path)
        let extractor = optionalString(object, "extractor", path)
        let file = optionalString(object, "source", path)
        let confidence = optionalNumber(object, "confidence", path)
        if let confidence, !(0...1).contains(confidence) {
            problem(path, "confidence", "confidence \(confidence) is outside 0...1")
        }
        let mentions = decodeArray(object["mentions"], path: path.member("mentions"), required: false) {
            $0.decodeMention($1, $2)
        }
        return Contribution(
            document: document, extractor: extractor, file: file, confidence: confidence, mentions: mentions.values,
            unknownFields: Self.unknown(object, known: Self.contributionFields))
    }

    /// `{"start": N, "end": N}` of a contribution's mention.
    mutating func decodeMention(_ mention: JSONObject, _ path: JSONPath) -> Span? {
        let start = optionalOffset(mention, "start", path)
        let end = optionalOffset(mention, "end", path)
        guard let start, let end else {
            if mention["start"] == nil || mention["end"] == nil {
                problem("\(path)", "a mention needs \"start\" and \"end\"")
            }
            return nil
        }
        if start > end { problem(path, "end", "end \(end) is before start \(start)") }
        return Span(start: start, end: end)
    }

    /// `{"source", "target", "kind"}` of a suppressed relation.
    mutating func decodeSuppressedRelation(_ relation: JSONObject, _ path: JSONPath) -> Suppression.SuppressedRelation?
    {
        let source = requiredString(relation, "source", path)
        let target = requiredString(relation, "target", path)
        let kind = requiredString(relation, "kind", path)
        guard let source, let target, let kind else { return nil }
        return Suppression.SuppressedRelation(
            source: source, target: target, kind: RelationKind(kind),
            unknownFields: Self.unknown(relation, known: ["source", "target", "kind"]))
    }

    /// The top-level `"suppressed"` object: `{"entities": [ID or name], "relations": [{"source", "target", "kind"}]}`.
    mutating func decodeSuppression(_ value: JSONValue?) -> Suppression {
        guard let value, value != .null else { return Suppression() }
        guard case .object(let object) = value else {
            problem("suppressed", "expected an object, found \(value.typeName)")
            return Suppression()
        }
        let entities = stringArray(object, "entities", "suppressed")
        for (i, name) in entities.enumerated() where name.isBlank {
            problem("suppressed.entities[\(i)]", "expected an entity id or name, found an empty string")
        }
        let relations = decodeArray(object["relations"], path: "suppressed.relations", required: false) {
            $0.decodeSuppressedRelation($1, $2)
        }
        return Suppression(
            entities: entities, relations: relations.values,
            unknownFields: Self.unknown(object, known: ["entities", "relations"]))
    }

    // MARK: References

    mutating func checkReferences(
        documents: Decoded<Document>, entities: Decoded<Entity>, relations: Decoded<Relation>
    ) {
        var firstDocument: [String: Int] = [:]
        for (i, document) in documents.enumerated {
            if let first = firstDocument[document.id] {
                problem("documents[\(i)].id", "duplicate id \"\(document.id)\" (first at documents[\(first)])")
            } else {
                firstDocument[document.id] = i
            }
        }
        var firstEntity: [String: Int] = [:]
        for (i, entity) in entities.enumerated {
            if let first = firstEntity[entity.id] {
                problem("entities[\(i)].id", "duplicate id \"\(entity.id)\" (first at entities[\(first)])")
            } else {
                firstEntity[entity.id] = i
            }
        }
        for (i, relation) in relations.enumerated {
            if firstEntity[relation.source] == nil {
                problem("relations[\(i)].source", "no entity has the id \"\(relation.source)\"")
            }
            if firstEntity[relation.target] == nil {
                problem("relations[\(i)].target", "no entity has the id \"\(relation.target)\"")
            }
            for (j, evidence) in relation.evidence.enumerated() where firstDocument[evidence.document] == nil {
                problem("relations[\(i)].evidence[\(j)].document", "no document has the id \"\(evidence.document)\"")
            }
        }
    }
}

extension String {
    /// Whether the string is empty or only white space (Unicode's White_Space, so vertical tabs
    /// and no-break spaces too): the case file's test for a required string. ASCII text is
    /// checked byte by byte.
    public var isBlank: Bool {
        if utf8.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) { return true }
        if utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return allSatisfy(\.isWhitespace)
    }
}
