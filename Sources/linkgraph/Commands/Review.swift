import ArgumentParser
import Foundation
import LinkGraph

extension LinkGraphCommand {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accept or reject the relations of a case, each shown with its sentence, kind and confidence.",
            discussion: """
                Each relation is printed as #N SOURCE —kind→ TARGET with its confidence and its quoted evidence, \
                the source marked [[...]] and the target {{...}}. Decide with --accept N / --reject N (repeatable) \
                or --decisions FILE (lines "accept N" / "reject N"); numbers are those printed for the case as given. \
                Without decisions, on a terminal each undecided relation is asked about; otherwise the list is only \
                printed. Decisions are kept in the case's "reviews" field (docs/PLUGINS.md, "Review"): a rejected \
                relation leaves the case and is not brought back by extract --into or merge; an accepted one keeps \
                its confidence and passes any --min-confidence. The case is written atomically.
                """
        )

        @Argument(help: "The case file to review.")
        var file: String

        @Option(name: .shortAndLong, help: "Where to write the reviewed case (default: the case file itself).")
        var output: String?

        @Option(help: ArgumentHelp("Accept relation number N (repeatable).", valueName: "N"))
        var accept: [Int] = []

        @Option(help: ArgumentHelp("Reject relation number N (repeatable).", valueName: "N"))
        var reject: [Int] = []

        @Option(help: ArgumentHelp("A file of decisions, one a line: accept N or reject N.", valueName: "FILE"))
        var decisions: String?

        @Option(help: ArgumentHelp("Who reviews, recorded with each decision.", valueName: "NAME"))
        var reviewer: String?

        @OptionGroup var limits: InputLimits

        func run() throws {
            var caseFile = try CaseLoading.load(file, limits: limits)
            var chosen = ReviewDecisions(accept: accept, reject: reject)
            if let decisions {
                let text = String(decoding: try limits.read(decisions), as: UTF8.self)
                chosen.entries += try ReviewDecisions(text: text, file: decisions).entries
            }
            let before = caseFile.reviews
            if !chosen.isEmpty {
                try caseFile.apply(chosen, reviewer: reviewer, date: ReviewPrompt.now())
                ReviewPrompt.list(caseFile)
            } else if ReviewPrompt.isInteractive {
                caseFile = ReviewPrompt(reviewer: reviewer).ask(caseFile)
            } else {
                ReviewPrompt.list(caseFile)
                return
            }
            guard caseFile.reviews != before else {
                Diagnostics.note("no decision taken; \(output ?? file) was not written")
                return
            }
            let destination = output ?? file
            try caseFile.write(to: destination)
            let accepted = caseFile.reviews.keys(.accepted).count
            let rejected = caseFile.reviews.keys(.rejected).count
            Diagnostics.note(
                "wrote \(destination): \(caseFile.relations.count) relations; "
                    + "\(accepted) accepted, \(rejected) rejected in all"
            )
        }
    }
}
