import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphPlugin

extension LinkGraphCommand {
    struct Plugins: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the extractors: built-in, and the plug-ins given with --plugin and --plugin-exec.",
            discussion: """
                For each: its name (for extract --with NAME), how it is reached (built-in, library, process), \
                its version, the media types it accepts, and what it does. Loading a plug-in here checks it: \
                a library's ABI version and symbols, a subprocess's --describe answer.
                """
        )

        @OptionGroup var plugins: PluginOptions

        func run() throws {
            let registry = try plugins.registry()
            defer { BuiltInExtractors.shutdown(registry) }
            try Console.lines(Self.table(registry))
        }

        /// One row per extractor, columns aligned; then where each plug-in comes from.
        static func table(_ registry: ExtractorRegistry) -> [String] {
            let header = ["NAME", "KIND", "VERSION", "ACCEPTS", "SUMMARY"]
            let rows = registry.extractors.map { extractor -> [String] in
                let d = extractor.description
                return [d.name, d.origin.description, d.version, d.accepts.joined(separator: ", "), d.summary]
            }
            var widths = header.map(\.count)
            for row in rows {
                for (i, cell) in row.enumerated().dropLast() { widths[i] = max(widths[i], cell.count) }
            }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { i, cell in
                    i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
                }.joined()
            }
            var lines = [line(header)] + rows.map(line)
            for extractor in registry.extractors {
                switch extractor.description.origin {
                case .builtIn: break
                case .library(let path): lines.append("\(extractor.description.name): \(path)")
                case .process(let command): lines.append("\(extractor.description.name): \(command)")
                }
            }
            return lines
        }
    }
}
