import Foundation
import XCTest

@testable import LinkGraph

final class GoldScorerTests: XCTestCase {
    /// `eval/seed.gold.json` of the shared test data, or a skip.
    func seedGold() throws -> CaseFile {
        try CaseFile.read(from: SharedData.require("eval/seed.gold.json").path)
    }

    func testNormalize_asFORMATSays() {
        XCTAssertEqual(GoldScorer.normalize("  The   Iranian\tregime. "), "iranian regime")
        XCTAssertEqual(GoldScorer.normalize("the U.S."), "u.s")
        XCTAssertEqual(GoldScorer.normalize("“Quds Force”"), "quds force")
        XCTAssertEqual(GoldScorer.normalize("the 'the Hague'"), "hague")
        XCTAssertEqual(GoldScorer.normalize("Theodore"), "theodore")
        XCTAssertEqual(GoldScorer.normalize("al-Sadr"), "al-sadr", "inner punctuation stays")
        XCTAssertEqual(GoldScorer.normalize("$€"), "")
    }

    func testSeedGold_againstItself_isPerfect() throws {
        let gold = try seedGold()
        let score = GoldScorer.score(gold: gold, predicted: gold)
        XCTAssertEqual(score.entities, ScoreCounts(truePositives: gold.entities.count))
        XCTAssertEqual(score.kindsCorrect, gold.entities.count)
        XCTAssertEqual(score.relations.falsePositives + score.relations.falseNegatives, 0)
        XCTAssertGreaterThan(score.relations.truePositives, 0)
        XCTAssertEqual(score.unlabeledRelations.falsePositives + score.unlabeledRelations.falseNegatives, 0)
        XCTAssertEqual(score.summaryLine, "entityF1=1.00 relF1=1.00 relUnlabeledF1=1.00")
    }

    /// Gold relation keys touching an entity, counted independently of the scorer.
    func keys(_ relations: [Relation], labeled: Bool) -> Set<String> {
        Set(
            relations.map { r in
                let ends = (!labeled || r.kind.isSymmetric) ? [r.source, r.target].sorted() : [r.source, r.target]
                return ends.joined(separator: ">") + (labeled ? ":\(r.kind)" : "")
            })
    }

    func testSeedGold_perturbed_knownCounts() throws {
        let gold = try seedGold()
        var predicted = gold
        // 1. Drop three entities and every relation touching them.
        let dropped = Set(gold.entities.prefix(3).map(\.id))
        predicted.entities.removeAll { dropped.contains($0.id) }
        predicted.relations.removeAll { dropped.contains($0.source) || dropped.contains($0.target) }
        let lostLabeled = keys(gold.relations, labeled: true).subtracting(keys(predicted.relations, labeled: true))
            .count
        let lostPairs = keys(gold.relations, labeled: false).subtracting(keys(predicted.relations, labeled: false))
            .count
        // 2. Rename the remaining ids (ids never count) and write names differently.
        var renamed: [String: String] = [:]
        for i in predicted.entities.indices {
            renamed[predicted.entities[i].id] = "p\(i)"
            predicted.entities[i].id = "p\(i)"
            predicted.entities[i].name = "  THE " + predicted.entities[i].name.uppercased() + "."
        }
        for i in predicted.relations.indices {
            predicted.relations[i].source = renamed[predicted.relations[i].source]!
            predicted.relations[i].target = renamed[predicted.relations[i].target]!
        }
        // 3. A second prediction of an entity, a wrong kind, an invented entity.
        predicted.entities.append(Entity(id: "dup", name: predicted.entities[0].name, kind: predicted.entities[0].kind))
        predicted.entities[1].kind = EntityKind("wrong-kind")
        predicted.entities.append(Entity(id: "ghost", name: "Nobody At All", kind: .person))
        // 4. A relation to the invented entity (its end cannot resolve), twice (deduplicated? no: unresolved
        //    relations are deduplicated by their ids and kind too).
        predicted.relations.append(Relation(source: "p0", target: "ghost", kind: .pays))
        predicted.relations.append(Relation(source: "p0", target: "ghost", kind: .pays))
        // 5. A duplicate of an existing relation through the duplicate entity: same gold key, counted once.
        let first = predicted.relations[0]
        predicted.relations.append(Relation(source: first.source, target: first.target, kind: first.kind))

        let score = GoldScorer.score(gold: gold, predicted: predicted)
        let n = gold.entities.count
        XCTAssertEqual(score.entities, ScoreCounts(truePositives: n - 3, falsePositives: 2, falseNegatives: 3))
        XCTAssertEqual(score.kindsCorrect, n - 4)
        let goldLabeled = keys(gold.relations, labeled: true).count
        XCTAssertEqual(
            score.relations,
            ScoreCounts(truePositives: goldLabeled - lostLabeled, falsePositives: 1, falseNegatives: lostLabeled))
        let goldPairs = keys(gold.relations, labeled: false).count
        XCTAssertEqual(
            score.unlabeledRelations,
            ScoreCounts(truePositives: goldPairs - lostPairs, falsePositives: 1, falseNegatives: lostPairs))
    }

    func testSeedGold_reversedAndRelabeledRelations() throws {
        let gold = try seedGold()
        let directed = try XCTUnwrap(gold.relations.firstIndex { !$0.kind.isSymmetric && $0.source != $0.target })
        var predicted = gold
        predicted.relations[directed].source = gold.relations[directed].target
        predicted.relations[directed].target = gold.relations[directed].source
        let reversedKeyExists = keys(gold.relations, labeled: true).contains(
            "\(gold.relations[directed].target)>\(gold.relations[directed].source):\(gold.relations[directed].kind)")
        let score = GoldScorer.score(gold: gold, predicted: predicted)
        XCTAssertFalse(reversedKeyExists, "the seed should not hold both directions of this relation")
        XCTAssertEqual(score.relations.falsePositives, 1)
        XCTAssertEqual(score.relations.falseNegatives, 1)
        XCTAssertEqual(
            score.unlabeledRelations.falsePositives + score.unlabeledRelations.falseNegatives, 0,
            "pairs ignore direction")

        var relabeled = gold
        relabeled.relations[directed].kind = RelationKind("neverUsedKind")
        let second = GoldScorer.score(gold: gold, predicted: relabeled)
        XCTAssertEqual([second.relations.falsePositives, second.relations.falseNegatives], [1, 1])
        XCTAssertEqual(
            second.unlabeledRelations.falsePositives + second.unlabeledRelations.falseNegatives, 0,
            "pairs ignore the kind")
    }

    // MARK: Hand-made cases

    func testMatching_isMaximumNotGreedy() {
        let gold = CaseFile(entities: [
            Entity(id: "a", name: "Alpha", kind: .organization, aliases: ["Shared"]),
            Entity(id: "b", name: "Beta", kind: .organization, aliases: ["Shared"]),
        ])
        // "Shared" could take Alpha first; the maximum matching gives it Beta so "Alpha" matches too.
        let predicted = CaseFile(entities: [
            Entity(id: "1", name: "Shared", kind: .organization), Entity(id: "2", name: "alpha", kind: .organization),
        ])
        let score = GoldScorer.score(gold: gold, predicted: predicted)
        XCTAssertEqual(score.entities, ScoreCounts(truePositives: 2))
        XCTAssertEqual(score.matches, ["1": "b", "2": "a"])
    }

    func testRelations_symmetricEitherDirection_unmatchedEndResolvesToFirstSharingForm() {
        let gold = CaseFile(
            entities: [
                Entity(id: "a", name: "Alpha", kind: .person), Entity(id: "b", name: "Beta", kind: .person),
                Entity(id: "c", name: "Gamma", kind: .person),
            ],
            relations: [
                Relation(source: "a", target: "b", kind: .meetsWith), Relation(source: "a", target: "c", kind: .pays),
            ])
        let predicted = CaseFile(
            entities: [
                Entity(id: "1", name: "Alpha", kind: .person), Entity(id: "2", name: "Beta", kind: .person),
                Entity(id: "3", name: "Gamma", kind: .person), Entity(id: "4", name: "the alpha", kind: .person),
            ],
            relations: [
                Relation(source: "2", target: "1", kind: .meetsWith),
                // "4" is a second Alpha (a false positive entity) but its relations resolve to Alpha.
                Relation(source: "4", target: "3", kind: .pays),
                Relation(source: "3", target: "4", kind: .pays),
            ])
        let score = GoldScorer.score(gold: gold, predicted: predicted)
        XCTAssertEqual(score.entities, ScoreCounts(truePositives: 3, falsePositives: 1))
        XCTAssertEqual(score.relations, ScoreCounts(truePositives: 2, falsePositives: 1))
        XCTAssertEqual(score.unlabeledRelations, ScoreCounts(truePositives: 2), "c–a is the same pair as a–c")
    }

    func testOptionalGoldItems_countNeitherWay() {
        let optional: JSONObject = ["optional": true]
        let gold = CaseFile(
            entities: [
                Entity(id: "a", name: "Alpha", kind: .person), Entity(id: "b", name: "Beta", kind: .person),
                Entity(id: "o", name: "Omega", kind: .person, attributes: optional),
                Entity(id: "p", name: "Psi", kind: .person, attributes: optional),
            ],
            relations: [
                Relation(source: "a", target: "b", kind: .pays),
                Relation(source: "a", target: "o", kind: .pays, attributes: optional),
                Relation(source: "b", target: "p", kind: .advises, attributes: optional),
            ])
        let predicted = CaseFile(
            entities: [
                Entity(id: "1", name: "Alpha", kind: .person), Entity(id: "2", name: "Beta", kind: .person),
                Entity(id: "3", name: "Omega", kind: .person), Entity(id: "4", name: "omega", kind: .person),
            ],
            relations: [
                Relation(source: "1", target: "2", kind: .pays), Relation(source: "1", target: "3", kind: .pays),
            ])
        let score = GoldScorer.score(gold: gold, predicted: predicted)
        XCTAssertEqual(
            score.entities, ScoreCounts(truePositives: 2), "Omega (twice) counts neither way, Psi is not missed")
        XCTAssertEqual(score.relations, ScoreCounts(truePositives: 1))
        XCTAssertEqual(score.unlabeledRelations, ScoreCounts(truePositives: 1))
        XCTAssertEqual(score.summaryLine, "entityF1=1.00 relF1=1.00 relUnlabeledF1=1.00")
    }

    func testCounts_andTable() {
        let counts = ScoreCounts(truePositives: 3, falsePositives: 1, falseNegatives: 2)
        XCTAssertEqual(counts.precision, 0.75)
        XCTAssertEqual(counts.recall, 0.6)
        XCTAssertEqual(counts.f1, 2 * 0.75 * 0.6 / 1.35, accuracy: 1e-12)
        XCTAssertEqual(ScoreCounts().f1, 1, "nothing to find and nothing found")
        XCTAssertEqual(ScoreCounts(falseNegatives: 2).f1, 0)
        var score = GoldScore()
        score.entities = counts
        score.kindsCorrect = 2
        XCTAssertEqual(score.summaryLine, "entityF1=0.67 relF1=1.00 relUnlabeledF1=1.00")
        let table = score.description
        XCTAssertTrue(
            table.contains("entities                   3     1     2      0.750      0.600      0.667"), table)
        XCTAssertTrue(table.contains("entity kinds: 2 of 3"), table)
        XCTAssertTrue(table.hasSuffix(score.summaryLine))
    }
}
