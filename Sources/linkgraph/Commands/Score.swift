import ArgumentParser
import Foundation
import LinkGraph

extension LinkGraphCommand {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score an extraction against a gold case file: precision, recall and F1.",
            discussion: """
                Entities match when a normalized name or alias agrees (case-folded, white space collapsed, \
                punctuation and symbols stripped at both ends, a leading "the " dropped), one to one by maximum \
                matching; relations are counted labeled (source, target, kind; symmetric kinds either way) and \
                unlabeled (the pair either way). Gold items with "attributes": {"optional": true} count neither way. \
                See docs/FORMAT.md, "Scoring". The last line is the summary: entityF1=.. relF1=.. relUnlabeledF1=..
                """
        )

        @Argument(help: "The gold case file.")
        var gold: String

        @Argument(help: "The predicted case file (e.g. the output of linkgraph extract).")
        var predicted: String

        @Flag(help: "Print the summary line only.")
        var summary = false

        @OptionGroup var limits: InputLimits

        func run() throws {
            let score = GoldScorer.score(
                gold: try CaseLoading.load(gold, limits: limits),
                predicted: try CaseLoading.load(predicted, limits: limits))
            try Console.lines(summary ? [score.summaryLine] : score.description.components(separatedBy: "\n"))
        }
    }
}
