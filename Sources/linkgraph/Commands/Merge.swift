import ArgumentParser
import Foundation
import LinkGraph

extension LinkGraphCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge case files into one, with one entity per real-world thing.",
            discussion: """
                The first file is the base: its ids, names, kinds, attributes and relations are kept as they are; \
                the others only add (entities, relations, aliases, missing attributes and dates, evidence, provenance). \
                Entities are the same when their ids are, or a name or alias agrees after normalization (case, \
                diacritics, a leading "the", al-/Al forms, hyphens, spacing), or by an acronym (PMF ↔ Popular \
                Mobilization Forces) or an unambiguous surname, of a compatible kind; the entities of one file never \
                merge with each other. Relations are the same when source, target and kind \
                are (symmetric kinds either way); confidences of distinct contributions combine by noisy-or. \
                Entities and relations listed in a file's "suppressed" field are not brought back. \
                See docs/PLUGINS.md, "Merging". The output is written atomically.
                """
        )

        @Argument(help: "The case files, the base first.")
        var files: [String]

        @Option(name: .shortAndLong, help: "The case file to write (JSON).")
        var output: String

        @OptionGroup var limits: InputLimits

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one case file") }
        }

        func run() throws {
            let cases = try files.map { try CaseLoading.load($0, limits: limits) }
            var merger = CaseMerger(base: cases[0])
            var merged = 0, added = 0
            for (path, other) in zip(files, cases).dropFirst() {
                let report = merger.merge(other, contributor: path)
                merged += report.mergedEntities
                added += report.addedEntities
                if !report.suppressedEntities.isEmpty {
                    Diagnostics.note(
                        "\(path): left out suppressed entities \(report.suppressedEntities.joined(separator: ", "))")
                }
            }
            try merger.caseFile.write(to: output)
            Diagnostics.note(
                "wrote \(output): \(merger.caseFile.entities.count) entities (\(merged) matched, \(added) added), \(merger.caseFile.relations.count) relations"
            )
        }
    }
}
