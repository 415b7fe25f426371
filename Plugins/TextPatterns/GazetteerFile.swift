import Yams

/// A gazetteer file: known entities with their aliases, demonyms and places, as YAML.
///
/// ```yaml
/// version: 1
/// countries:               # a section's name is the default kind of its entries
///   - {name: Iran, aliases: [Persia], demonyms: [Iranian], capital: Tehran, cities: [Isfahan]}
/// organizations:
///   - {name: Central Intelligence Agency, aliases: [CIA], in: United States}
/// entities:                # any kind, given per entry
///   - {name: Salim al-Jabouri, kind: person, aliases: [al-Jabouri]}
/// ```
/// Sections: `countries`, `places`, `organizations`, `persons`, `entities`. A `capital` or a
/// `cities` entry adds a place located in the entry; `in` names the containing entity.
public struct GazetteerFile: Sendable, Equatable {
    public var path: String
    public var entries: [GazetteerEntry]

    public init(path: String = "<gazetteer>", entries: [GazetteerEntry] = []) {
        self.path = path
        self.entries = entries
    }

    /// Parses a gazetteer from YAML text.
    /// - Throws: `TextPatternsError.syntax` or `.invalid` naming `path` and the line.
    public init(yaml: String, path: String = "<gazetteer>") throws {
        let reader = YAMLReader(file: path)
        let root = try reader.root(yaml)
        let top = try reader.mapping(root, "a gazetteer file")
        let sections: [String: String?] = [
            "countries": "country", "places": "place", "organizations": "organization", "persons": "person",
            "entities": nil,
        ]
        try reader.checkKeys(top, Set(sections.keys).union(["version"]), "a gazetteer file")
        self.path = path
        entries = []
        if let v = top["version"], try reader.string(v, "version") != "1" {
            throw reader.fail(v, "unsupported gazetteer version; this build reads version 1")
        }
        for (k, v) in top {
            let section = try reader.string(k, "a section name")
            guard section != "version", let defaultKind = sections[section] else { continue }
            guard let seq = v.sequence else { throw reader.fail(v, "'\(section)' must be a list of entries") }
            for item in seq {
                let entry = try GazetteerEntry(node: item, defaultKind: defaultKind, reader: reader)
                entries.append(entry)
                let places = entry.capital.map { [$0] } ?? []
                for city in places + entry.cities {
                    entries.append(
                        GazetteerEntry(name: city, kind: "place", container: entry.name, file: path, line: entry.line))
                }
            }
        }
    }

    public static func load(path: String) throws -> GazetteerFile {
        try GazetteerFile(yaml: readTextFile(path), path: path)
    }

    /// World knowledge shipped with TextPatterns (`Resources/gazetteer.yaml`): countries with
    /// demonyms, capitals and major cities; regions; agencies, armed groups, international
    /// bodies and news organizations.
    public static func builtIn() throws -> GazetteerFile {
        try GazetteerFile(
            yaml: String(decoding: PackageResources.gazetteer_yaml, as: UTF8.self), path: "TextPatterns/gazetteer.yaml")
    }
}

/// One known entity.
public struct GazetteerEntry: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var aliases: [String]
    /// Adjectives and nouns for its people (`Iranian`, `Iranians`); they refer to the entity.
    public var demonyms: [String]
    public var capital: String?
    public var cities: [String]
    /// The entity it lies in (a city's country), by name.
    public var container: String?
    public var file: String
    public var line: Int

    public init(
        name: String, kind: String, aliases: [String] = [], demonyms: [String] = [], capital: String? = nil,
        cities: [String] = [],
        container: String? = nil, file: String = "<gazetteer>", line: Int = 1
    ) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.demonyms = demonyms
        self.capital = capital
        self.cities = cities
        self.container = container
        self.file = file
        self.line = line
    }

    init(node: Node, defaultKind: String?, reader: YAMLReader) throws {
        file = reader.file
        line = reader.line(node)
        if let s = node.scalar?.string {
            guard let k = defaultKind else { throw reader.fail(node, "an entry under 'entities' needs a 'kind'") }
            name = s
            kind = k
            aliases = []
            demonyms = []
            cities = []
            return
        }
        let m = try reader.mapping(node, "a gazetteer entry")
        try reader.checkKeys(
            m, ["name", "kind", "aliases", "demonyms", "capital", "cities", "in"], "a gazetteer entry")
        guard let n = m["name"] else { throw reader.fail(node, "a gazetteer entry needs a 'name'") }
        name = try reader.string(n, "name")
        if name.isEmpty { throw reader.fail(n, "a gazetteer entry's name is empty") }
        guard let k = try m["kind"].map({ try reader.string($0, "kind") }) ?? defaultKind else {
            throw reader.fail(node, "entry '\(name)' needs a 'kind' (person, organization, country, place, ...)")
        }
        kind = k
        aliases = try m["aliases"].map { try reader.strings($0, "aliases") } ?? []
        demonyms = try m["demonyms"].map { try reader.strings($0, "demonyms") } ?? []
        capital = try m["capital"].map { try reader.string($0, "capital") }
        cities = try m["cities"].map { try reader.strings($0, "cities") } ?? []
        container = try m["in"].map { try reader.string($0, "in") }
    }
}
