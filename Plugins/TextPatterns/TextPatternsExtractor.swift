import Foundation
import LinkGraph
import LinkGraphPlugin

/// The built-in extractor for English prose (news, reports, leaked cables): finds people,
/// organizations, countries and places, resolves mentions of the same entity within the
/// document, and relates them with the thirteen relation kinds by token patterns.
///
/// ```swift
/// let extractor = try TextPatternsExtractor()                       // built-in rules and gazetteer
/// let custom = try TextPatternsExtractor(userRulesFiles: ["my.rules.yaml"], userGazetteerFiles: ["people.yaml"])
/// let found = try extractor.extract(ExtractionRequest(id: "doc", text: "..."))
/// ```
/// Rules and gazetteers are YAML (see `RulesFile`, `GazetteerFile` and the shipped
/// `Resources/relations.yaml` and `Resources/gazetteer.yaml`); user files are merged with the
/// built-ins. Every mention and every relation carries UTF-8 byte spans into the request.
///
/// - Complexity: linear in the document's length; building the extractor compiles the
///   gazetteer trie and the patterns once (a few milliseconds), so build one and reuse it.
public struct TextPatternsExtractor: Extractor {
    private let model: Model

    /// The built-in rules and gazetteer only.
    /// - Throws: `TextPatternsError` only if the shipped resources are broken.
    public init() throws {
        try self.init(rules: [], gazetteers: [])
    }

    /// Built-ins plus parsed user files (`includeBuiltIns: false` for user files alone).
    /// `wordList`: the English word list to read instead of `$LINKGRAPH_WORDS` or
    /// `/usr/share/dict/american-english` (Debian's `wamerican`, a required dependency).
    /// - Throws: `TextPatternsError.invalid` naming the file and line of a rule whose pattern
    ///   does not compile; `.unreadable` when the word list is missing.
    public init(rules: [RulesFile], gazetteers: [GazetteerFile], includeBuiltIns: Bool = true, wordList: String? = nil)
        throws
    {
        let allRules = (includeBuiltIns ? [try RulesFile.builtIn(), try RulesFile.builtInTriggers()] : []) + rules
        let allGazetteers = (includeBuiltIns ? [try GazetteerFile.builtIn()] : []) + gazetteers
        model = try Model(rules: allRules, gazetteers: allGazetteers, words: try EnglishWords.load(path: wordList))
    }

    /// Built-ins plus the rules and gazetteer files at these paths (what `--rules FILE` and
    /// `--gazetteer FILE` pass).
    /// - Throws: `TextPatternsError` naming the file (and line) that cannot be read or is invalid.
    public init(userRulesFiles: [String], userGazetteerFiles: [String] = []) throws {
        try self.init(
            rules: try userRulesFiles.map { try RulesFile.load(path: $0) },
            gazetteers: try userGazetteerFiles.map { try GazetteerFile.load(path: $0) })
    }

    /// Built-ins plus the rules and gazetteer files at these URLs (file URLs).
    public init(rulesURLs: [URL], gazetteerURLs: [URL] = []) throws {
        try self.init(userRulesFiles: rulesURLs.map(\.path), userGazetteerFiles: gazetteerURLs.map(\.path))
    }

    public var description: ExtractorDescription {
        ExtractorDescription(
            name: "text-patterns", version: "1.0", accepts: ["text/plain", "text/markdown", "text/*"],
            summary:
                "English prose: gazetteer and title-case names, coreference, and rule-based relations with evidence spans",
            origin: .builtIn, examples: TextPatternsExtractor.examples)
    }

    /// Extracts entities and relations from one UTF-8 document.
    public func extract(_ request: ExtractionRequest) throws -> Extraction {
        request.bytes.withUnsafeBufferPointer { buffer in
            var run = DocumentRun(model: model, bytes: buffer)
            run.run()
            return run.extraction(documentID: request.id)
        }
    }

    /// Worked examples; one generic test runs them all.
    public static let examples: [ExtractorExample] = [
        ExtractorExample(
            text: "Omar al-Rashid, the former defence minister of Jordan, met with French officials in March 2016.",
            entities: [("Omar al-Rashid", .person), ("Jordan", .country), ("France", .country)],
            relations: [("Omar al-Rashid", .memberOf, "Jordan"), ("Omar al-Rashid", .meetsWith, "France")]),
        ExtractorExample(
            text:
                "The Northern Shield Brigades (NSB) fought against ISIS near Mosul. Lt. Col. Dana Keller commanded the NSB.",
            entities: [
                ("Northern Shield Brigades", .organization), ("ISIS", .organization), ("Dana Keller", .person),
                ("Mosul", .place),
            ],
            relations: [
                ("Northern Shield Brigades", .opposes, "ISIS"), ("Dana Keller", .controls, "Northern Shield Brigades"),
            ]),
        ExtractorExample(
            text:
                "Mikhail Orlov defected to Britain in 2009. The Russians had paid him for years, and Orlov reported to the FSB.",
            entities: [
                ("Mikhail Orlov", .person), ("United Kingdom", .country), ("Russia", .country), ("FSB", .organization),
            ],
            relations: [
                ("Mikhail Orlov", .defectedTo, "United Kingdom"), ("Russia", .pays, "Mikhail Orlov"),
                ("Mikhail Orlov", .reportsTo, "FSB"),
            ]),
        ExtractorExample(
            text: "Agent 417, known to his handlers as \"Falcon\", spied on the Venezuelan embassy for the CIA.",
            entities: [("Agent 417", .person), ("CIA", .organization)],
            relations: [("Agent 417", .reportsTo, "CIA")]),
        ExtractorExample(
            text: "Hezbollah fighters stationed in Syria are backed by Iran.",
            entities: [("Hezbollah", .organization), ("Syria", .country), ("Iran", .country)],
            relations: [("Hezbollah", .locatedIn, "Syria"), ("Hezbollah", .alliedWith, "Iran")]),
    ]
}
