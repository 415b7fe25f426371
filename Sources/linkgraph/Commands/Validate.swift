import ArgumentParser
import Foundation
import LinkGraph

extension LinkGraphCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a case file against the format.",
            discussion: """
                Prints "valid" and exits 0, or prints every problem found (each with its JSON \
                path, such as relations[3].confidence) and exits 1.
                """
        )

        @Argument(help: "The case file (JSON).")
        var caseFile: String

        @OptionGroup var limits: InputLimits

        func run() throws {
            _ = try CaseLoading.load(caseFile, limits: limits)
            try Console.line("valid")
        }
    }
}
