import ArgumentParser
import LinkGraph

extension LinkGraphCommand {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count a case's entities and relations by kind, its components and its density."
        )

        @Argument(help: "The case file (JSON).")
        var caseFile: String

        @OptionGroup var limits: InputLimits

        func run() throws {
            let stats = CaseStatistics(try CaseLoading.load(caseFile, limits: limits))
            print("entities: \(stats.entityCount)")
            for (kind, count) in stats.entitiesByKind { print("  \(kind): \(count)") }
            print("relations: \(stats.relationCount)")
            for (kind, count) in stats.relationsByKind { print("  \(kind): \(count)") }
            print("components: \(stats.componentCount) (largest: \(stats.largestComponentSize) entities)")
            print("isolated entities: \(stats.isolatedCount)")
            print("density: \(formatDensity(stats.density))")
        }

        private func formatDensity(_ value: Double) -> String {
            let scaled = (value * 10_000).rounded() / 10_000
            return "\(scaled)"
        }
    }
}
