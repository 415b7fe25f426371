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
            try Console.line("entities: \(stats.entityCount)")
            for (kind, count) in stats.entitiesByKind { try Console.line("  \(kind): \(count)") }
            try Console.line("relations: \(stats.relationCount)")
            for (kind, count) in stats.relationsByKind { try Console.line("  \(kind): \(count)") }
            try Console.line("components: \(stats.componentCount) (largest: \(stats.largestComponentSize) entities)")
            try Console.line("isolated entities: \(stats.isolatedCount)")
            try Console.line("density: \(formatDensity(stats.density))")
        }

        private func formatDensity(_ value: Double) -> String {
            let scaled = (value * 10_000).rounded() / 10_000
            return "\(scaled)"
        }
    }
}
