// An example LinkGraph extractor plug-in written in Swift and built as a dynamic library.
//
// It depends on Foundation only, not on LinkGraph: the boundary is the C ABI of
// Plugins/Examples/include/linkgraph_plugin.h, and everything crossing it is JSON text.
// Build it with `swift build --product SwiftKeywordExtractor` and load it with
// `linkgraph extract notes.txt --plugin .build/debug/libSwiftKeywordExtractor.so -o case.json`.
//
// What it finds:
// - the names listed in the request's options, `"names": ["Mara Quill", {"name": "Harbor
//   Trust", "kind": "organization"}]`, wherever they occur as whole words;
// - "A pays B" sentences ("pays", "paid", "funds", "funded", "finances", "financed") between
//   capitalized names, as `pays` relations with the matched words as evidence.

import Foundation

// MARK: The five exported functions

@_cdecl("linkgraph_plugin_abi")
public func linkgraph_plugin_abi() -> Int32 { 1 }

@_cdecl("linkgraph_plugin_describe")
public func linkgraph_plugin_describe() -> UnsafePointer<CChar>? { UnsafePointer(descriptionText) }

@_cdecl("linkgraph_plugin_extract")
public func linkgraph_plugin_extract(_ request: UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>? {
    guard let request else { return fail("the request is NULL") }
    do {
        let answer = try KeywordExtractor.answer(to: Data(bytes: request, count: strlen(request)))
        return answer.withUnsafeBytes { bytes -> UnsafeMutablePointer<CChar>? in
            let out = malloc(bytes.count + 1)!.assumingMemoryBound(to: CChar.self)
            memcpy(out, bytes.baseAddress!, bytes.count)
            out[bytes.count] = 0
            return out
        }
    } catch {
        return fail("\(error)")
    }
}

@_cdecl("linkgraph_plugin_last_error")
public func linkgraph_plugin_last_error() -> UnsafePointer<CChar>? { lastError.map { UnsafePointer($0) } }

@_cdecl("linkgraph_plugin_free")
public func linkgraph_plugin_free(_ response: UnsafeMutablePointer<CChar>?) { free(response) }

// MARK: State (the host serializes calls, so plain globals are enough)

nonisolated(unsafe) private let descriptionText: UnsafeMutablePointer<CChar> = strdup(
    #"{"name":"swift-keywords","version":"1.0","accepts":["text/plain","text/markdown"],"summary":"Example Swift library plug-in: listed names and 'A pays B' sentences."}"#
)!

nonisolated(unsafe) private var lastError: UnsafeMutablePointer<CChar>?

private func fail(_ message: String) -> UnsafeMutablePointer<CChar>? {
    free(lastError)
    lastError = strdup(message)
    return nil
}

// MARK: The extractor

struct PluginFailure: Error, CustomStringConvertible {
    let description: String
}

enum KeywordExtractor {
    static let verbs = ["pays", "paid", "funds", "funded", "finances", "financed"]

    /// The answer JSON for a request JSON.
    static func answer(to request: Data) throws -> Data {
        guard let object = try JSONSerialization.jsonObject(with: request) as? [String: Any] else {
            throw PluginFailure(description: "the request is not a JSON object")
        }
        guard let id = object["id"] as? String else { throw PluginFailure(description: "the request has no id") }
        let text: String
        if let plain = object["text"] as? String {
            text = plain
        } else if let base64 = object["base64"] as? String, let data = Data(base64Encoded: base64) {
            text = String(decoding: data, as: UTF8.self)
        } else {
            throw PluginFailure(description: "document \(id) has neither text nor base64")
        }
        let options = object["options"] as? [String: Any] ?? [:]
        var listed: [(name: String, kind: String)] = []
        for item in options["names"] as? [Any] ?? [] {
            if let name = item as? String {
                listed.append((name, "other"))
            } else if let entry = item as? [String: Any], let name = entry["name"] as? String {
                listed.append((name, entry["kind"] as? String ?? "other"))
            }
        }
        return try JSONSerialization.data(
            withJSONObject: extract(text: text, document: id, names: listed), options: [.sortedKeys])
    }

    /// Entities and relations of one text, as the wire form's JSON objects.
    static func extract(text: String, document: String, names: [(name: String, kind: String)]) -> [String: Any] {
        let bytes = Array(text.utf8)
        var entities: [[String: Any]] = []
        var idOfName: [String: String] = [:]

        func entityID(_ name: String, kind: String, mentions: [[Int]]) -> String {
            if let id = idOfName[name] { return id }
            let id = "e\(entities.count + 1)"
            idOfName[name] = id
            entities.append([
                "id": id, "name": name, "kind": kind, "confidence": 0.9,
                "mentions": mentions.map { ["start": $0[0], "end": $0[1]] },
            ])
            return id
        }

        for (name, kind) in names {
            let spans = occurrences(of: Array(name.utf8), in: bytes)
            if !spans.isEmpty { _ = entityID(name, kind: kind, mentions: spans) }
        }

        var relations: [[String: Any]] = []
        let capitalized = #"\p{Lu}[\p{L}'’-]*(?:\s+(?:al-|bin\s+)?\p{Lu}[\p{L}'’-]*){0,3}"#
        let pattern = "(\(capitalized))\\s+(?:\(verbs.joined(separator: "|")))\\s+(\(capitalized))"
        if let regex = try? NSRegularExpression(pattern: pattern) {
            let whole = NSRange(text.startIndex..., in: text)
            for match in regex.matches(in: text, range: whole) {
                guard let all = Range(match.range, in: text), let whole = Range(match.range(at: 1), in: text),
                    let payee = Range(match.range(at: 2), in: text)
                else { continue }
                let payer = trimmingLeadingStopWords(whole, in: text)
                let source = entityID(String(text[payer]), kind: "other", mentions: [offsets(payer, in: text)])
                let target = entityID(String(text[payee]), kind: "other", mentions: [offsets(payee, in: text)])
                let span = offsets(payer.lowerBound..<all.upperBound, in: text)
                relations.append([
                    "source": source, "target": target, "kind": "pays", "confidence": 0.6,
                    "evidence": [["document": document, "start": span[0], "end": span[1]]],
                ])
            }
        }
        return ["entities": entities, "relations": relations]
    }

    /// Capitalized words that start sentences rather than names.
    static let stopWords: Set<Substring> = [
        "The", "Then", "In", "On", "At", "Later", "Meanwhile", "Also", "And", "But", "When", "After", "Before", "Since",
        "A", "An",
    ]

    /// The range without leading sentence words ("Then Harbor Trust" → "Harbor Trust").
    static func trimmingLeadingStopWords(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
        var lower = range.lowerBound
        while true {
            let rest = text[lower..<range.upperBound]
            guard let space = rest.firstIndex(where: \.isWhitespace), stopWords.contains(rest[..<space]) else { break }
            lower = rest[space...].firstIndex(where: { !$0.isWhitespace }) ?? range.upperBound
        }
        return lower..<range.upperBound
    }

    /// UTF-8 byte offsets of a range of `text`.
    static func offsets(_ range: Range<String.Index>, in text: String) -> [Int] {
        [
            text.utf8.distance(from: text.startIndex, to: range.lowerBound),
            text.utf8.distance(from: text.startIndex, to: range.upperBound),
        ]
    }

    /// Whole-word occurrences of `needle` in `haystack`, as [start, end] byte offsets.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [[Int]] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        func isWordByte(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
        }
        var out: [[Int]] = []
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], Array(haystack[i..<i + needle.count]) == needle,
                i == 0 || !isWordByte(haystack[i - 1]),
                i + needle.count == haystack.count || !isWordByte(haystack[i + needle.count])
            {
                out.append([i, i + needle.count])
                i += needle.count
            } else {
                i += 1
            }
        }
        return out
    }
}
