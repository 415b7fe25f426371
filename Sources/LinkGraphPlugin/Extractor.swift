import LinkGraph

/// An extraction module: turns one document into entities and relations.
///
/// Built-in extractors conform directly; dynamic-library and subprocess plug-ins are wrapped
/// in types that conform to it, so the host treats all three the same way.
public protocol Extractor: Sendable {
    /// What the extractor is and what it accepts.
    var description: ExtractorDescription { get }

    /// Extracts entities and relations from one document.
    /// - Throws: `PluginError` (or an error of the extractor's own) naming what went wrong.
    func extract(_ request: ExtractionRequest) throws -> Extraction
}

/// How an extractor describes itself: the wire form of `linkgraph_plugin_describe` and of a
/// subprocess plug-in's `--describe` (`{"name":..,"version":..,"accepts":[..]}`).
public struct ExtractorDescription: Equatable, Sendable {
    /// A short identifier, used with `--with NAME`.
    public var name: String
    public var version: String
    /// Media types it reads, e.g. `text/plain`, `text/csv`, `application/json`, `text/vnd.graphviz`.
    public var accepts: [String]
    /// One line for `linkgraph plugins`.
    public var summary: String
    /// How it is reached: compiled in, a dynamic library or a subprocess.
    public var origin: ExtractorOrigin
    /// Worked examples: input text and what must come out. A generic test runs them all.
    public var examples: [ExtractorExample]
    /// Whether it runs only when chosen by name (`--with NAME`), never by media type alone
    /// (a slow or optional module, such as the spaCy plug-in).
    public var onlyWhenNamed: Bool

    public init(
        name: String, version: String, accepts: [String], summary: String = "", origin: ExtractorOrigin = .builtIn,
        examples: [ExtractorExample] = [], onlyWhenNamed: Bool = false
    ) {
        self.name = name
        self.version = version
        self.accepts = accepts
        self.summary = summary
        self.origin = origin
        self.examples = examples
        self.onlyWhenNamed = onlyWhenNamed
    }

    /// Whether the extractor takes documents of `mediaType` (`*/*` and `text/*` wildcards allowed).
    public func accepts(mediaType: String) -> Bool {
        accepts.contains { pattern in
            pattern == mediaType || pattern == "*/*"
                || (pattern.hasSuffix("/*") && mediaType.hasPrefix(pattern.dropLast()))
        }
    }
}

/// Where an extractor comes from.
public enum ExtractorOrigin: Equatable, Sendable, CustomStringConvertible {
    case builtIn
    /// A shared library loaded with `dlopen`, at this path.
    case library(path: String)
    /// An executable run as a child process, with this command line.
    case process(command: String)

    public var description: String {
        switch self {
        case .builtIn: return "built-in"
        case .library: return "library"
        case .process: return "process"
        }
    }
}

/// A worked example of an extractor: a text and the names, kinds and relations it must yield.
public struct ExtractorExample: Equatable, Sendable {
    public var text: String
    /// Entity names that must be found, with their kinds.
    public var entities: [(name: String, kind: EntityKind)]
    /// Relations that must be found, by entity name.
    public var relations: [(source: String, kind: RelationKind, target: String)]

    public init(
        text: String, entities: [(name: String, kind: EntityKind)] = [],
        relations: [(source: String, kind: RelationKind, target: String)] = []
    ) {
        self.text = text
        self.entities = entities
        self.relations = relations
    }

    public static func == (a: ExtractorExample, b: ExtractorExample) -> Bool {
        a.text == b.text && a.entities.elementsEqual(b.entities, by: { $0.name == $1.name && $0.kind == $1.kind })
            && a.relations.elementsEqual(b.relations, by: { $0 == $1 })
    }
}
