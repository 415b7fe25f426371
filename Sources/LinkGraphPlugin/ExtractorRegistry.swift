import Foundation
import LinkGraph

/// The extractors of one run: the built-ins and the plug-ins loaded for it, with their origins.
///
/// An immutable value, built per run (there is no global registry): the CLI builds one from
/// the compiled-in extractors plus `--plugin` and `--plugin-exec`, and tests build their own.
public struct ExtractorRegistry: Sendable {
    /// Every extractor, in the order given.
    public let extractors: [any Extractor]

    /// - Throws: `PluginError.duplicateName` when two extractors share a name.
    public init(_ extractors: [any Extractor]) throws {
        var seen: Set<String> = []
        for extractor in extractors where !seen.insert(Self.nameKey(extractor.description.name)).inserted {
            throw PluginError.duplicateName(extractor.description.name)
        }
        self.extractors = extractors
    }

    /// The extractors' names, in order.
    public var names: [String] { extractors.map(\.description.name) }

    /// The extractor named `name`, letter case, `-` and `_` ignored (`TextPatterns` finds
    /// `text-patterns`, as the module is named).
    /// - Throws: `PluginError.unknownExtractor` listing the names there are.
    public func extractor(named name: String) throws -> any Extractor {
        let key = Self.nameKey(name)
        guard let found = extractors.first(where: { Self.nameKey($0.description.name) == key }) else {
            throw PluginError.unknownExtractor(name: name, available: names)
        }
        return found
    }

    /// A name as `extractor(named:)` compares it: lower case, without `-` and `_`.
    static func nameKey(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "-" && $0 != "_" })
    }

    /// The extractors that accept `mediaType`, in order.
    public func extractors(accepting mediaType: String) -> [any Extractor] {
        extractors.filter { $0.description.accepts(mediaType: mediaType) }
    }

    /// Which extractors run on a document of `mediaType`.
    ///
    /// - With `names` (`--with NAME`...): those of them that accept the media type.
    /// - Else, when plug-ins were loaded (any extractor not built in) and some accept the media
    ///   type: those plug-ins, so that a plug-in given on the command line replaces the
    ///   built-ins for what it reads.
    /// - Else: the built-ins that accept it.
    /// Extractors marked `onlyWhenNamed` run only when named.
    ///
    /// Without names, the most specific wins: when some candidates list the media type itself,
    /// those that only match it by a wildcard (`text/*`, `*/*`) are left out, so a CSV file
    /// goes to the CSV reader and not also to a reader of any text.
    /// - Throws: `PluginError.unknownExtractor` for a name no extractor has,
    ///   `.noExtractor` when none of the candidates accepts the media type.
    public func choose(for document: String, mediaType: String, names: [String] = []) throws -> [any Extractor] {
        let chosen: [any Extractor]
        if !names.isEmpty {
            chosen = try names.map { try extractor(named: $0) }.filter { $0.description.accepts(mediaType: mediaType) }
        } else {
            let accepting = extractors(accepting: mediaType).filter { !$0.description.onlyWhenNamed }
            let plugins = accepting.filter { $0.description.origin != .builtIn }
            let candidates = plugins.isEmpty ? accepting : plugins
            let exact = candidates.filter { $0.description.accepts.contains(mediaType) }
            chosen = exact.isEmpty ? candidates : exact
        }
        if chosen.isEmpty { throw PluginError.noExtractor(document: document, mediaType: mediaType) }
        return chosen
    }

    /// The media type of a file from its extension: `.txt`, `.text`, `.md` → `text/plain`,
    /// `.csv` → `text/csv`, `.json` → `application/json` (a case file), `.dot`, `.gv` →
    /// `text/vnd.graphviz`, `.mbox`, `.mbx` → `application/mbox`, `.eml` → `message/rfc822`, `.pdf` → `application/pdf`,
    /// `.html`, `.htm`, `.xhtml` → `text/html`; nil for anything else.
    public static func mediaType(forPath path: String) -> String? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "txt", "text", "md", "markdown": return "text/plain"
        case "csv": return "text/csv"
        case "json": return "application/json"
        case "dot", "gv": return "text/vnd.graphviz"
        case "mbox", "mbx": return "application/mbox"
        case "eml": return "message/rfc822"
        case "pdf": return "application/pdf"
        case "html", "htm", "xhtml": return "text/html"
        default: return nil
        }
    }
}
