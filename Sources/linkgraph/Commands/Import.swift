import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz

extension LinkGraphCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a graph from Graphviz, GraphML, GEXF, CSV or node-link JSON into a case file.",
            discussion: """
                The format comes from the extension (.dot/.gv, .graphml, .gexf, .csv, .json) unless --from is given; \
                a .json file is node-link data when it has "nodes" and "links" (or "edges"), a case file when it has "entities".
                dot: read by Graphviz's own parser; node label → name, kind → kind, other attributes kept (HTML-like \
                labels as {"html": ...}), subgraph names in the attribute "subgraphs".
                csv: an entities table (id,name,kind,...) and a relations table (source,target,kind,...): \
                give FILE = the entities table and --relations FILE, or name them X.entities.csv and X.relations.csv \
                (or entities.csv and relations.csv) side by side; a relations table alone makes an entity per endpoint.
                Node ids that are not LinkGraph ids (ASCII letters, digits, - _ .) are replaced by slugs, the original kept \
                in the attribute original_id. An edge's relation kind is its "kind", else its label when that is one \
                identifier, else linkedTo. See docs/INTERCHANGE.md.
                The case file is written atomically: an error leaves no file behind.
                """
        )

        enum Source: String, ExpressibleByArgument, CaseIterable {
            case dot, graphml, gexf, csv, nodelink, json
        }

        @Argument(help: "The file to read.")
        var file: String

        @Option(name: .shortAndLong, help: "The case file to write (JSON).")
        var output: String

        @Option(
            name: .customLong("from"),
            help:
                "The format: \(Source.allCases.map(\.rawValue).joined(separator: ", ")) (json: a case file or node-link data)."
        )
        var source: Source?

        @Option(help: "csv: the relations table, when FILE is the entities table.")
        var relations: String?

        @Option(help: "csv: the documents table (default: the sibling X.documents.csv when it exists).")
        var documents: String?

        @OptionGroup var limits: InputLimits

        @OptionGroup var graphviz: GraphvizOptions
        @OptionGroup var progress: ProgressOptions

        func run() throws {
            let format = try source ?? Self.format(of: file)
            let result: CaseImport
            var readCaseFile = false
            switch format {
            case .dot:
                let data = try limits.read(file)
                // Parsed by Graphviz in a worker process (a crash there is an error here).
                let text = try DOTText.decode(Array(data), file: file)  // charset=latin1 honoured, bad UTF-8 refused
                let graph = try graphviz.parse(text, file: file, linePrefix: true, quiet: progress.quiet)
                result = try DOTCaseImporter.caseFile(graph, file: file)
            case .graphml:
                result = try GraphMLReader.readCase(try limits.read(file), file: file)
            case .gexf:
                result = try GEXFReader.readCase(try limits.read(file), file: file)
            case .nodelink:
                let data = try limits.read(file)
                result = try limits.withDepthHint {
                    try NodeLinkJSON.readCase(data, file: file, maxDepth: limits.maxDepth)
                }
            case .json:
                let data = try limits.read(file)
                if let json = try? JSONParser.parse(data, maxDepth: limits.maxDepth), NodeLinkJSON.isNodeLink(json) {
                    result = try NodeLinkJSON.read(json, file: file).caseFile(file: file)
                } else {
                    result = CaseImport(caseFile: try limits.decodeCase(data, file: file))
                    readCaseFile = true
                }
            case .csv:
                result = try readCSV()
            }
            try limits.checkEntities(result.caseFile.entities.count, in: file)
            if !readCaseFile {
                // A case file read and written again is only normalised; any other input would be lost.
                let siblings = format == .csv ? Array((CaseCSV.siblings(of: file) ?? [:]).values) : []
                let inputs = [file] + [relations, documents].compactMap { $0 } + siblings
                try FileIO.refuseOverwriting(inputs: inputs, with: output, what: "a case file")
            }
            try result.caseFile.write(to: output)
            for note in result.notes { Diagnostics.note("note: \(note)") }
            Diagnostics.note(
                "imported \(result.caseFile.entities.count) entities and \(result.caseFile.relations.count) relations from \(file) (\(format.rawValue)) into \(output)"
            )
        }

        static func format(of path: String) throws -> Source {
            switch CaseLoading.fileExtension(path) {
            case "dot", "gv": return .dot
            case "graphml": return .graphml
            case "gexf": return .gexf
            case "csv", "tsv": return .csv
            case "json": return .json
            default:
                throw ValidationError(
                    "cannot tell the format of \(path) from its extension: give --from \(Source.allCases.map(\.rawValue).joined(separator: "|"))"
                )
            }
        }

        func readCSV() throws -> CaseImport {
            let data = try limits.read(file)
            let header = try CSVTable.parse(Data(data.prefix(while: { $0 != 0x0A && $0 != 0x0D })), file: file).header
            let kind = CaseCSV.kind(ofHeader: header)
            let siblings = CaseCSV.siblings(of: file) ?? [:]
            func existing(_ path: String?) -> String? {
                guard let path, path != file else { return nil }
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                    ? path : nil
            }
            let documentsPath = documents ?? existing(siblings[.documents])
            let documentsInput = try documentsPath.map { CaseCSV.Input(data: try limits.read($0), file: $0) }
            if let relations {
                guard kind == .entities else {
                    throw ValidationError(
                        "with --relations, \(file) must be the entities table (a header with id), but its header is \(header.joined(separator: ","))"
                    )
                }
                return try CaseCSV.read(
                    entities: CaseCSV.Input(data: data, file: file),
                    relations: CaseCSV.Input(data: try limits.read(relations), file: relations),
                    documents: documentsInput)
            }
            switch kind {
            case .entities?:
                guard let relationsPath = existing(siblings[.relations]) else {
                    let hint =
                        siblings[.relations].map { " or put \($0) beside it" }
                        ?? " or name the tables X.entities.csv and X.relations.csv"
                    throw ValidationError(
                        "\(file) is an entities table; the relations table is needed too: give --relations FILE\(hint)")
                }
                return try CaseCSV.read(
                    entities: CaseCSV.Input(data: data, file: file),
                    relations: CaseCSV.Input(data: try limits.read(relationsPath), file: relationsPath),
                    documents: documentsInput)
            case .relations?:
                let entitiesPath = existing(siblings[.entities])
                return try CaseCSV.read(
                    entities: try entitiesPath.map { CaseCSV.Input(data: try limits.read($0), file: $0) },
                    relations: CaseCSV.Input(data: data, file: file), documents: documentsInput)
            case .documents?, nil:
                throw FormatError.invalid(
                    file: file, line: 1, field: nil,
                    message:
                        "the header (\(header.joined(separator: ","))) is neither an entities table (id,...) nor a relations table (source,target,...)"
                )
            }
        }
    }
}
