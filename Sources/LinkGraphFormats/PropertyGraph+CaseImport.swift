import Foundation
import LinkGraph

/// A case read from an interchange format, with what the reader had to change.
public struct CaseImport: Sendable {
    public var caseFile: CaseFile
    /// One line each, for the user: ids replaced by slugs, endpoints or documents made up.
    public var notes: [String]

    public init(caseFile: CaseFile, notes: [String] = []) {
        self.caseFile = caseFile
        self.notes = notes
    }
}

extension PropertyGraph {
    /// Whether `id` is kept as an entity id on import: 1 to 128 ASCII letters, digits,
    /// `-`, `_` and `.`, starting with a letter or digit.
    public static func isValidEntityID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...128).contains(bytes.count), isAlphanumeric(bytes[0]) else { return false }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    /// Whether `text` is one identifier (`[A-Za-z_][A-Za-z0-9_]*`), so that an edge label
    /// can serve as a relation kind.
    public static func isIdentifier(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    private static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || (0x30...0x39).contains(b) }

    /// The relation kind given to an edge with neither a `kind` nor a one-identifier `label`.
    public static let defaultRelationKind: RelationKind = "linkedTo"

    /// The case this graph describes, read back by LinkGraph's property names
    /// (docs/INTERCHANGE.md) and, for properties it does not know, kept as attributes.
    ///
    /// - Entity id: the node id when `isValidEntityID`, else a unique slug of it, the
    ///   original kept in the attribute `original_id`. Name: `name`, else `label`, else the
    ///   node id. Kind: `kind`, else `other`. Aliases: a list, JSON list text, or text
    ///   separated by `|`.
    /// - Relation kind: `kind`, else the `label` when it is one identifier, else `linkedTo`
    ///   (the label then kept as an attribute). `directed`: the property, else the edge's
    ///   or the graph's direction; written only where it differs from the kind's default.
    /// - `attr_KEY` and `attrjson_KEY` become attribute `KEY`; any other property becomes an
    ///   attribute under its own name. Evidence: a list of objects, JSON text, or citations
    ///   (`doc[12..<40] doc2`, as DOT export writes them). Documents: the graph's
    ///   `documents`, plus an id-only document for each one evidence names that is missing.
    /// - Parameters:
    ///   - file: The file name used in errors.
    ///   - createMissingEndpoints: Make an entity (kind `other`) for an edge endpoint that
    ///     no node declares, instead of failing (edge lists without a node table).
    /// - Throws: `FormatError.invalid` naming the line (or row, or JSON path) and field:
    ///   duplicate node ids, an edge to a missing node, a value of the wrong type, a bad
    ///   date, a confidence outside 0...1.
    /// - Complexity: O(size of the graph).
    public func caseFile(file: String, createMissingEndpoints: Bool = false) throws -> CaseImport {
        var assembler = CaseAssembler(file: file)
        return try assembler.assemble(self, createMissingEndpoints: createMissingEndpoints)
    }
}

/// Builds the case JSON from a property graph, then decodes it with the case file's own
/// decoder, so that every rule of docs/FORMAT.md is checked in one place.
struct CaseAssembler {
    let file: String
    var notes: [String] = []

    init(file: String) { self.file = file }

    func invalid(_ location: PropertyLocation, _ field: String, _ message: String) -> FormatError {
        .invalid(file: location.file ?? file, line: location.line, field: location.field(field), message: message)
    }

    mutating func assemble(_ graph: PropertyGraph, createMissingEndpoints: Bool) throws -> CaseImport {
        var nodes = graph.nodes
        var firstIndex: [String: Int] = [:]
        for (i, node) in nodes.enumerated() {
            if let first = firstIndex[node.id] {
                let where_ = nodes[first].location.line.map { " (first at line \($0))" } ?? ""
                throw invalid(node.location, "id", "duplicate node id \"\(node.id)\"\(where_)")
            }
            firstIndex[node.id] = i
        }
        var created = 0
        for edge in graph.edges {
            for endpoint in [edge.source, edge.target] where firstIndex[endpoint] == nil {
                guard createMissingEndpoints else {
                    throw invalid(
                        edge.location, endpoint == edge.source ? "source" : "target",
                        "no node has the id \"\(endpoint)\"")
                }
                firstIndex[endpoint] = nodes.count
                nodes.append(PropertyNode(id: endpoint, location: edge.location))
                created += 1
            }
        }
        if created > 0 {
            notes.append("\(created) entities were made for relation endpoints without a row of their own (kind other)")
        }

        // Ids: valid ones are kept; the others get slugs that collide with no kept id.
        var taken = UniqueIDs(taken: nodes.lazy.map(\.id).filter(PropertyGraph.isValidEntityID))
        var idMap: [String: String] = [:]
        var renamed = 0
        for node in nodes {
            if PropertyGraph.isValidEntityID(node.id) {
                idMap[node.id] = node.id
                continue
            }
            idMap[node.id] = taken.claim(NameNormalizer.slug(node.id))
            renamed += 1
        }
        if renamed > 0 {
            notes.append(
                "\(renamed) node ids are not LinkGraph ids (ASCII letters, digits, - _ .) and were replaced by slugs; each original is in the attribute \(CaseProperty.originalID)"
            )
        }

        var entities: [JSONValue] = []
        entities.reserveCapacity(nodes.count)
        for node in nodes {
            entities.append(.object(try entity(node, id: idMap[node.id]!)))
        }
        var relations: [JSONValue] = []
        relations.reserveCapacity(graph.edges.count)
        var referenced: [String] = []
        var referencedSet: Set<String> = []
        for edge in graph.edges {
            let object = try relation(
                edge, source: idMap[edge.source]!, target: idMap[edge.target]!, graphDirected: graph.isDirected)
            for evidence in object["evidence"]?.arrayValue ?? [] {
                if let document = evidence.objectValue?["document"]?.stringValue,
                    referencedSet.insert(document).inserted
                {
                    referenced.append(document)
                }
            }
            relations.append(.object(object))
        }

        var top: JSONObject = ["version": .number(JSONNumber(CaseFile.currentVersion))]
        var documents = try documentList(graph.properties[CaseProperty.documents])
        let known = Set(documents.compactMap { $0.objectValue?["id"]?.stringValue })
        let stubs = referenced.filter { !known.contains($0) }
        documents += stubs.map { .object(["id": .string($0)]) }
        if !stubs.isEmpty {
            notes.append(
                "\(stubs.count) documents named by evidence were not in the file and were added with their id only")
        }
        top["documents"] = .array(documents)
        top["entities"] = .array(entities)
        top["relations"] = .array(relations)
        if let unknown = graph.properties[CaseProperty.unknownFields] {
            let object = try jsonObject(unknown, PropertyLocation(context: "graph"), CaseProperty.unknownFields)
            top = top.merging(object)
        }
        do {
            return CaseImport(caseFile: try CaseFile(json: .object(top), file: file), notes: notes)
        } catch let error as CaseFileError {
            throw locate(error, graph: graph, nodes: nodes)
        }
    }

    /// The first problem of a case-file error, at the line of the node or edge it is about.
    func locate(_ error: CaseFileError, graph: PropertyGraph, nodes: [PropertyNode]) -> FormatError {
        guard let problem = error.problems.first else {
            return .invalid(file: file, line: nil, field: nil, message: "\(error)")
        }
        let more = error.problems.count > 1 ? " (and \(error.problems.count - 1) more problems)" : ""
        for (prefix, locations) in [("entities[", nodes.map(\.location)), ("relations[", graph.edges.map(\.location))] {
            guard problem.path.hasPrefix(prefix) else { continue }
            let rest = problem.path.dropFirst(prefix.count)
            guard let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]),
                locations.indices.contains(index)
            else { break }
            var field = String(rest[rest.index(after: close)...])
            if field.hasPrefix(".") { field.removeFirst() }
            return invalid(locations[index], field.isEmpty ? "value" : field, problem.message + more)
        }
        return .invalid(file: file, line: nil, field: problem.path, message: problem.message + more)
    }

    // MARK: Entities

    func entity(_ node: PropertyNode, id: String) throws -> JSONObject {
        var p = node.properties
        let location = node.location
        var name = p.removeValue(CaseProperty.name).map(Self.text)
        let label = p.removeValue(CaseProperty.label)
        if name == nil || name!.allSatisfy(\.isWhitespace) {
            if let label, case .string(let s) = label, !s.allSatisfy(\.isWhitespace) { name = s }
        }
        var attributes: JSONObject = [:]
        if let label, label != .string(name ?? "") { attributes[CaseProperty.label] = label }
        if name == nil || name!.allSatisfy(\.isWhitespace) { name = node.id.allSatisfy(\.isWhitespace) ? id : node.id }
        var kind = p.removeValue(CaseProperty.kind).map(Self.text) ?? ""
        if kind.allSatisfy(\.isWhitespace) { kind = EntityKind.other.rawValue }
        let aliases = try p.removeValue(CaseProperty.aliases).map { try aliasList($0, location) } ?? []
        let unknown =
            try p.removeValue(CaseProperty.unknownFields).map {
                try jsonObject($0, location, CaseProperty.unknownFields)
            } ?? [:]
        try collectAttributes(p, location, into: &attributes)
        if id != node.id, attributes[CaseProperty.originalID] == nil {
            attributes[CaseProperty.originalID] = .string(node.id)
        }

        var object: JSONObject = ["id": .string(id), "name": .string(name!), "kind": .string(kind)]
        if !aliases.isEmpty { object["aliases"] = .array(aliases.map { .string($0) }) }
        if !attributes.isEmpty { object["attributes"] = .object(attributes) }
        return object.merging(unknown)
    }

    func aliasList(_ value: JSONValue, _ location: PropertyLocation) throws -> [String] {
        switch value {
        case .array(let elements):
            return try elements.map {
                guard let s = $0.stringValue else {
                    throw invalid(
                        location, CaseProperty.aliases, "expected a list of strings, found \($0.typeName) in it")
                }
                return s
            }
        case .string(let text):
            if text.isEmpty { return [] }
            if text.first == "[", let parsed = try? JSONParser.parse(text), case .array = parsed {
                return try aliasList(parsed, location)
            }
            return text.split(separator: "|", omittingEmptySubsequences: true).map(String.init)
        case .null:
            return []
        default:
            throw invalid(location, CaseProperty.aliases, "expected a list of strings, found \(value.typeName)")
        }
    }

    func collectAttributes(_ properties: JSONObject, _ location: PropertyLocation, into attributes: inout JSONObject)
        throws
    {
        var prefixed: [(String, JSONValue)] = []
        for (key, value) in properties {
            if key.hasPrefix(CaseProperty.jsonAttributePrefix), key.count > CaseProperty.jsonAttributePrefix.count {
                let name = String(key.dropFirst(CaseProperty.jsonAttributePrefix.count))
                if case .string(let text) = value {
                    prefixed.append((name, try parseJSON(text, location, key)))
                } else {
                    prefixed.append((name, value))
                }
            } else if key.hasPrefix(CaseProperty.attributePrefix), key.count > CaseProperty.attributePrefix.count {
                prefixed.append((String(key.dropFirst(CaseProperty.attributePrefix.count)), value))
            } else {
                attributes[key] = value
            }
        }
        // A prefixed attribute wins over a plain property of the same name.
        for (key, value) in prefixed { attributes[key] = value }
    }

    // MARK: Relations

    func relation(_ edge: PropertyEdge, source: String, target: String, graphDirected: Bool) throws -> JSONObject {
        var p = edge.properties
        let location = edge.location
        var attributes: JSONObject = [:]
        var kind = p.removeValue(CaseProperty.kind).map(Self.text) ?? ""
        let label = p.removeValue(CaseProperty.label)
        if kind.allSatisfy(\.isWhitespace) {
            if let label, let text = label.stringValue, PropertyGraph.isIdentifier(text) {
                kind = text
            } else {
                kind = PropertyGraph.defaultRelationKind.rawValue
                if let label { attributes[CaseProperty.label] = label }
            }
        } else if let label, label != .string(kind) {
            attributes[CaseProperty.label] = label
        }
        var object: JSONObject = ["source": .string(source), "target": .string(target), "kind": .string(kind)]
        let directed =
            try p.removeValue(CaseProperty.directed).map { try bool($0, location, CaseProperty.directed) }
            ?? edge.isDirected ?? graphDirected
        if directed == RelationKind(kind).isSymmetric { object["directed"] = .bool(directed) }
        for key in [CaseProperty.weight, CaseProperty.confidence] {
            if let value = p.removeValue(key), value != .null {
                object[key] = .number(try number(value, location, key))
            }
        }
        for key in [CaseProperty.from, CaseProperty.until] {
            guard let value = p.removeValue(key), value != .null else { continue }
            let text = Self.text(value)
            if text.isEmpty { continue }
            guard PartialDate(text) != nil else {
                throw invalid(location, key, "invalid date \"\(text)\": expected YYYY, YYYY-MM or YYYY-MM-DD")
            }
            object[key] = .string(text)
        }
        if let value = p.removeValue(CaseProperty.evidence), value != .null {
            let evidence = try evidenceList(value, location)
            if !evidence.isEmpty { object["evidence"] = .array(evidence) }
        }
        let unknown =
            try p.removeValue(CaseProperty.unknownFields).map {
                try jsonObject($0, location, CaseProperty.unknownFields)
            } ?? [:]
        try collectAttributes(p, location, into: &attributes)
        if !attributes.isEmpty { object["attributes"] = .object(attributes) }
        return object.merging(unknown)
    }

    func evidenceList(_ value: JSONValue, _ location: PropertyLocation) throws -> [JSONValue] {
        switch value {
        case .array(let elements):
            for element in elements where element.objectValue == nil {
                throw invalid(
                    location, CaseProperty.evidence, "expected a list of objects, found \(element.typeName) in it")
            }
            return elements
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return [] }
            if trimmed.first == "[" {
                return try evidenceList(try parseJSON(trimmed, location, CaseProperty.evidence), location)
            }
            return trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map {
                Self.citation(String($0))
            }
        default:
            throw invalid(
                location, CaseProperty.evidence, "expected a list of evidence objects, found \(value.typeName)")
        }
    }

    /// `doc[12..<40]` → {document: doc, start: 12, end: 40}; anything else → {document: text}.
    static func citation(_ token: String) -> JSONValue {
        if token.hasSuffix("]"), let open = token.lastIndex(of: "["), open != token.startIndex {
            let inner = token[token.index(after: open)..<token.index(before: token.endIndex)]
            let parts = inner.components(separatedBy: "..<")
            if parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]) {
                return .object([
                    "document": .string(String(token[..<open])), "start": .number(JSONNumber(start)),
                    "end": .number(JSONNumber(end)),
                ])
            }
        }
        return .object(["document": .string(token)])
    }

    func documentList(_ value: JSONValue?) throws -> [JSONValue] {
        guard let value, value != .null else { return [] }
        let location = PropertyLocation(context: "graph")
        var parsed = value
        if case .string(let text) = value { parsed = try parseJSON(text, location, CaseProperty.documents) }
        guard case .array(let elements) = parsed else {
            throw invalid(
                location, CaseProperty.documents, "expected a list of document objects, found \(parsed.typeName)")
        }
        return elements
    }

    // MARK: Values

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .number(let n): return n.text
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        default: return JSONWriter.compact(value)
        }
    }

    func bool(_ value: JSONValue, _ location: PropertyLocation, _ field: String) throws -> Bool {
        switch value {
        case .bool(let b): return b
        case .number(let n) where n.doubleValue == 0 || n.doubleValue == 1: return n.doubleValue == 1
        case .string(let s):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: break
            }
        default: break
        }
        throw invalid(
            location, field, "expected true or false, found \(value == .null ? "null" : "\"\(Self.text(value))\"")")
    }

    func number(_ value: JSONValue, _ location: PropertyLocation, _ field: String) throws -> JSONNumber {
        switch value {
        case .number(let n) where n.doubleValue.isFinite: return n
        case .string(let s):
            if let n = JSONNumber.decimal(s.trimmingCharacters(in: .whitespaces)) { return n }
        default: break
        }
        throw invalid(location, field, "expected a finite number, found \"\(Self.text(value))\"")
    }

    func parseJSON(_ text: String, _ location: PropertyLocation, _ field: String) throws -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch let error as JSONSyntaxError {
            throw invalid(location, field, "not valid JSON text (\(error))")
        }
    }

    func jsonObject(_ value: JSONValue, _ location: PropertyLocation, _ field: String) throws -> JSONObject {
        var parsed = value
        if case .string(let text) = value { parsed = try parseJSON(text, location, field) }
        guard case .object(let object) = parsed else {
            throw invalid(location, field, "expected a JSON object, found \(parsed.typeName)")
        }
        return object
    }
}

extension JSONObject {
    /// Removes and returns the value of `key`.
    mutating func removeValue(_ key: String) -> JSONValue? {
        let value = self[key]
        if value != nil { self[key] = nil }
        return value
    }
}
