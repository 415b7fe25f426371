import Foundation
import LinkGraph

/// The wire form of a request: one JSON object, written on one line for subprocess plug-ins.
///
/// ```json
/// {"id": "doc-1", "mediaType": "text/plain", "text": "...", "metadata": {"path": "a.txt"}, "options": {}}
/// ```
/// A textual document whose bytes are valid UTF-8 travels as `"text"`; anything else travels
/// as `"base64"` (standard alphabet, padded). Exactly one of the two is present.
extension ExtractionRequest {
    /// Whether documents of `mediaType` are text: `text/*`, JSON, XML and their `+json`/`+xml` kinds.
    public static func isTextual(mediaType: String) -> Bool {
        let type = mediaType.split(separator: ";").first.map { String($0).lowercased() } ?? ""
        return type.hasPrefix("text/") || type == "application/json" || type == "application/xml"
            || type.hasSuffix("+json") || type.hasSuffix("+xml")
    }

    /// The request as a JSON value.
    public func jsonValue() -> JSONValue {
        var object: JSONObject = ["id": .string(id), "mediaType": .string(mediaType)]
        if Self.isTextual(mediaType: mediaType), let text = String(validating: bytes, as: UTF8.self) {
            object["text"] = .string(text)
        } else {
            object["base64"] = .string(Data(bytes).base64EncodedString())
        }
        object["metadata"] = .object(metadata)
        object["options"] = .object(options)
        return .object(object)
    }

    /// The request as compact JSON on one line (no raw line breaks: they are escaped).
    public func jsonLine() -> String { JSONWriter.compact(jsonValue()) }

    /// Decodes a request, as a Swift plug-in or a test reads it.
    /// - Throws: `ExtractionWireError` naming every problem with its JSON path.
    public init(json: JSONValue) throws {
        var reader = WireReader()
        guard let object = reader.object(json, "$") else {
            throw ExtractionWireError.invalid(problems: reader.problems)
        }
        reader.rejectUnknown(object, allowed: ["id", "mediaType", "text", "base64", "metadata", "options"], "$")
        let id = reader.requiredString(object, "id", "$")
        let mediaType = reader.requiredString(object, "mediaType", "$")
        let text = reader.optionalString(object, "text", "$")
        let base64 = reader.optionalString(object, "base64", "$")
        var bytes: [UInt8] = []
        switch (text, base64) {
        case (let text?, nil): bytes = Array(text.utf8)
        case (nil, let base64?):
            if let data = Data(base64Encoded: base64) {
                bytes = Array(data)
            } else {
                reader.problem("base64", "not valid base64")
            }
        case (.some, .some): reader.problem("$", "give \"text\" or \"base64\", not both")
        case (nil, nil): reader.problem("$", "the document is missing: give \"text\" or \"base64\"")
        }
        let metadata = reader.optionalObject(object, "metadata", "$")
        let options = reader.optionalObject(object, "options", "$")
        guard reader.problems.isEmpty, let id, let mediaType else {
            throw ExtractionWireError.invalid(problems: reader.problems)
        }
        self.init(id: id, mediaType: mediaType, bytes: bytes, metadata: metadata, options: options)
    }

    /// Parses a request from JSON text.
    public init<Bytes: Sequence>(jsonBytes: Bytes, maxDepth: Int = JSONParser.defaultMaxDepth) throws
    where Bytes.Element == UInt8 {
        let json: JSONValue
        do {
            json = try JSONParser.parse(jsonBytes, maxDepth: maxDepth)
        } catch let error as JSONSyntaxError {
            throw ExtractionWireError.syntax(line: error.line, column: error.column, message: error.message)
        }
        try self.init(json: json)
    }
}

extension ExtractorDescription {
    /// The wire form: `{"name": .., "version": .., "accepts": [..], "summary": ..}`.
    public func jsonValue() -> JSONValue {
        var object: JSONObject = [
            "name": .string(name), "version": .string(version), "accepts": .array(accepts.map { .string($0) }),
        ]
        if !summary.isEmpty { object["summary"] = .string(summary) }
        return .object(object)
    }

    /// Reads a plug-in's self-description.
    /// - Throws: `PluginError.invalidDescription` naming `plugin` and what is wrong.
    public init<Bytes: Sequence>(jsonBytes: Bytes, origin: ExtractorOrigin, plugin: String) throws
    where Bytes.Element == UInt8 {
        let json: JSONValue
        do {
            json = try JSONParser.parse(jsonBytes, maxDepth: 16)
        } catch let error as JSONSyntaxError {
            throw PluginError.invalidDescription(plugin: plugin, reason: "not valid JSON: \(error)")
        }
        var reader = WireReader()
        let object = reader.object(json, "$") ?? [:]
        let name = reader.requiredString(object, "name", "$")
        let version = reader.optionalString(object, "version", "$") ?? "0"
        let summary = reader.optionalString(object, "summary", "$") ?? ""
        let accepts = reader.stringArray(object, "accepts", "$")
        if object["accepts"] == nil {
            reader.problem("accepts", "required field is missing (a list of media types)")
        } else if accepts.isEmpty && reader.problems.isEmpty {
            reader.problem("accepts", "must list at least one media type")
        }
        if let name, name.contains(where: { $0.isWhitespace || $0 == "," }) {
            reader.problem("name", "must not contain white space or commas: extractors are chosen by name")
        }
        guard reader.problems.isEmpty, let name else {
            throw PluginError.invalidDescription(
                plugin: plugin, reason: reader.problems.map(\.description).joined(separator: "; "))
        }
        self.init(name: name, version: version, accepts: accepts, summary: summary, origin: origin)
    }
}
