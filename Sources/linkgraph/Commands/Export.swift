import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphFormats

extension LinkGraphCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a case in another format (Graphviz, Gephi, yEd, Cytoscape, NetworkX, Neo4j).",
            discussion: """
                dot: one node per entity and one edge per relation, with kind, dates, confidence \
                and evidence as attributes (Graphviz, Gephi and NetworkX read it).
                json: the case file itself, normalised (docs/FORMAT.md field order).
                graphml: GraphML with a typed <key> per property (yEd, Gephi, Cytoscape, NetworkX read_graphml).
                gexf: GEXF 1.3 for Gephi; relation dates are spells on Gephi's timeline \
                (from = first day, until = last day of the partial date).
                csv: tables entities.csv, relations.csv and, when the case has documents, documents.csv. \
                -o DIR (an existing directory, or a path ending in /) writes DIR/entities.csv ...; \
                -o PREFIX writes PREFIX.entities.csv, PREFIX.relations.csv, PREFIX.documents.csv. \
                Columns: entities id,name,kind,aliases,attr_KEY...; relations source,target,kind,directed,weight,\
                confidence,from,until,evidence,attr_KEY...; documents id,title,source,sha256. An attribute whose values \
                are not all text is attrjson_KEY (JSON); fields this version does not know are unknown_fields (JSON). \
                Aliases and evidence are JSON text; an empty cell is absent, a quoted empty cell ("") is empty text. \
                `linkgraph import PREFIX.entities.csv` reads them back.
                nodelink: NetworkX node-link JSON (networkx.node_link_graph(data, edges="links")), a multigraph.
                cypher: a Cypher script for cypher-shell: MERGE entities on :Entity(id) with a label from the kind, \
                CREATE relations typed from the kind (REPORTS_TO); run it once on an empty database.
                neo4j-csv: -o DIR: nodes.csv and relationships.csv with neo4j-admin import headers (id:ID, :LABEL, \
                :START_ID, :END_ID, :TYPE, typed properties), and import.sh with the neo4j-admin command.
                See docs/INTERCHANGE.md for every column and what each format can carry.
                """
        )

        enum Target: String, ExpressibleByArgument, CaseIterable {
            case dot, json, graphml, gexf, csv, nodelink, cypher
            case neo4jCSV = "neo4j-csv"
        }

        @Argument(help: "The case file (JSON).")
        var caseFile: String

        @Option(
            name: .customLong("to"), help: "The format: \(Target.allCases.map(\.rawValue).joined(separator: ", ")).")
        var target: Target

        @Option(
            name: .shortAndLong,
            help:
                "The output file; standard output when absent. For csv a directory or a file prefix, for neo4j-csv a directory (both required)."
        )
        var output: String?

        @OptionGroup var limits: InputLimits

        func validate() throws {
            if (target == .csv || target == .neo4jCSV) && output == nil {
                throw ValidationError(
                    "--to \(target.rawValue) writes several files: give -o DIR\(target == .csv ? " or -o PREFIX" : "")")
            }
        }

        func run() throws {
            if let output, target != .json, target != .csv, target != .neo4jCSV {
                // The files of csv and neo4j-csv are checked one by one when they are known.
                try FileIO.refuseOverwriting(inputs: [self.caseFile], with: output, what: target.rawValue)
            }
            let caseFile = try CaseLoading.load(self.caseFile, limits: limits)
            switch target {
            case .dot: try OutputWriter.write(DOTWriter.write(CaseDOTExporter.graph(caseFile)), to: output)
            case .json: try OutputWriter.write(caseFile.jsonText(), to: output)
            case .graphml: try OutputWriter.write(GraphMLWriter.write(caseFile), to: output)
            case .gexf: try OutputWriter.write(GEXFWriter.write(caseFile), to: output)
            case .nodelink: try OutputWriter.write(NodeLinkJSON.write(caseFile), to: output)
            case .cypher: try OutputWriter.write(CypherWriter.write(caseFile), to: output)
            case .csv: try writeCSV(caseFile, to: output!)
            case .neo4jCSV: try writeNeo4j(caseFile, to: output!)
            }
        }

        /// The tables are made first, then written as one `OutputSet`: all of them or none.
        /// A documents table of an earlier export to the same place is removed when this case
        /// has no documents (import would read it back).
        func writeCSV(_ caseFile: CaseFile, to output: String) throws {
            let tables = CaseCSV.write(caseFile)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
            let asDirectory = (exists && isDirectory.boolValue) || output.hasSuffix("/")
            if asDirectory && !exists { try makeDirectory(output) }
            let paths = CaseCSV.paths(output: output, isDirectory: asDirectory)
            for path in [paths.entities, paths.relations, paths.documents] {
                try FileIO.refuseOverwriting(inputs: [self.caseFile], with: path, what: "a CSV table")
            }
            let set = OutputSet()
            try set.add(tables.entities, to: paths.entities)
            try set.add(tables.relations, to: paths.relations)
            if let documents = tables.documents { try set.add(documents, to: paths.documents) }
            try set.commit(removing: tables.documents == nil ? [paths.documents] : [])
        }

        /// nodes.csv, relationships.csv and import.sh (executable when new), as one `OutputSet`.
        func writeNeo4j(_ caseFile: CaseFile, to directory: String) throws {
            let files = Neo4jCSVWriter.write(caseFile)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw FileIOError(path: directory, reason: "is a file; --to neo4j-csv writes into a directory")
                }
            } else {
                try makeDirectory(directory)
            }
            let base = directory.hasSuffix("/") ? directory : directory + "/"
            for name in ["nodes.csv", "relationships.csv", "import.sh"] {
                try FileIO.refuseOverwriting(inputs: [self.caseFile], with: base + name, what: "a neo4j-admin file")
            }
            let set = OutputSet()
            try set.add(files.nodes, to: base + "nodes.csv")
            try set.add(files.relationships, to: base + "relationships.csv")
            try set.add(files.importScript, to: base + "import.sh", newFileMode: 0o777)
            try set.commit()
        }

        func makeDirectory(_ path: String) throws {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            } catch {
                throw FileIOError(path: path, reason: "cannot create the directory (does its parent exist?)")
            }
        }
    }
}
