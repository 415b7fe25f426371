import Foundation

/// Precision, recall and F1 of one kind of item.
public struct ScoreCounts: Equatable, Sendable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// TP / (TP + FP); with no predictions, 1 when nothing was missed either, else 0.
    public var precision: Double {
        let denominator = truePositives + falsePositives
        return denominator > 0 ? Double(truePositives) / Double(denominator) : (falseNegatives == 0 ? 1 : 0)
    }

    /// TP / (TP + FN); with nothing to find, 1 when nothing was wrongly predicted either, else 0.
    public var recall: Double {
        let denominator = truePositives + falseNegatives
        return denominator > 0 ? Double(truePositives) / Double(denominator) : (falsePositives == 0 ? 1 : 0)
    }

    /// The harmonic mean of precision and recall; 0 when both are 0.
    public var f1: Double {
        let p = precision, r = recall
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }
}

/// The result of scoring a predicted case against a gold case.
public struct GoldScore: Equatable, Sendable, CustomStringConvertible {
    public var entities = ScoreCounts()
    /// Labeled relations: (source, target, kind), symmetric kinds either direction.
    public var relations = ScoreCounts()
    /// Unlabeled relations: the pair in either direction, any kind.
    public var unlabeledRelations = ScoreCounts()
    /// Matched entity pairs whose kinds agree.
    public var kindsCorrect = 0
    /// Predicted entity id → gold entity id, for the matched pairs.
    public var matches: [String: String] = [:]

    /// Kind accuracy over the matched pairs (1 when nothing matched).
    public var kindAccuracy: Double {
        entities.truePositives > 0 ? Double(kindsCorrect) / Double(entities.truePositives) : 1
    }

    /// `entityF1=0.81 relF1=0.42 relUnlabeledF1=0.55`
    public var summaryLine: String {
        "entityF1=\(Self.format(entities.f1)) relF1=\(Self.format(relations.f1)) relUnlabeledF1=\(Self.format(unlabeledRelations.f1))"
    }

    /// The table of counts and scores, then the kind accuracy, then the summary line.
    public var description: String {
        func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - s.count))
            return left ? s + padding : padding + s
        }
        var lines = [
            pad("", 22, left: true) + ["tp", "fp", "fn"].map { pad($0, 6) }.joined()
                + ["precision", "recall", "F1"].map { pad($0, 11) }.joined()
        ]
        for (name, counts) in [
            ("entities", entities), ("relations (labeled)", relations), ("relations (unlabeled)", unlabeledRelations),
        ] {
            lines.append(
                pad(name, 22, left: true)
                    + [counts.truePositives, counts.falsePositives, counts.falseNegatives].map { pad(String($0), 6) }
                    .joined()
                    + [counts.precision, counts.recall, counts.f1].map { pad(String(format: "%.3f", $0), 11) }.joined())
        }
        lines.append(
            "entity kinds: \(kindsCorrect) of \(entities.truePositives) matched entities have the gold kind (\(String(format: "%.3f", kindAccuracy)))"
        )
        lines.append(summaryLine)
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// Scores an extraction (a predicted case file) against a gold case file, as docs/FORMAT.md's
/// "Scoring" section defines.
///
/// - Entities: a prediction matches a gold entity when a normalized form of its name or
///   aliases equals one of the gold entity's. Matching is one-to-one, a maximum bipartite
///   matching (Hopcroft–Karp); a second prediction of the same gold entity is a false positive.
///   Kind accuracy is counted over the matched pairs.
/// - Relations: each end resolves to the gold entity its prediction matched, else the first gold
///   entity (in file order) sharing a form with it; an unresolved end makes the relation a false
///   positive. Labeled key (source, target, kind), symmetric kinds either direction; unlabeled
///   key: the pair either direction. Predictions are deduplicated by key before counting.
/// - Gold items with `"attributes": {"optional": true}` count neither way: predicting them is
///   not a true or a false positive, missing them is not a false negative.
public enum GoldScorer {
    /// A form for matching: case-folded, white space collapsed, punctuation and symbols stripped
    /// at both ends, a leading "the " dropped (repeated until nothing changes).
    public static func normalize(_ name: String) -> String {
        var s = name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while true {
            let before = s
            while let c = s.unicodeScalars.first, isPunctuationOrSymbol(c) || c == " " {
                s.unicodeScalars.removeFirst()
            }
            while let c = s.unicodeScalars.last, isPunctuationOrSymbol(c) || c == " " { s.unicodeScalars.removeLast() }
            if s.hasPrefix("the ") { s.removeFirst(4) }
            if s == before { return s }
        }
    }

    static func isPunctuationOrSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// The normalized, non-empty forms of an entity's name and aliases.
    public static func forms(of entity: Entity) -> Set<String> {
        Set(entity.allNames.map(normalize).filter { !$0.isEmpty })
    }

    static func isOptional(_ attributes: JSONObject) -> Bool { attributes["optional"]?.boolValue == true }

    /// Scores `predicted` against `gold`.
    /// - Complexity: O(E·√V) for the matching, plus O(names + relations) hashing.
    public static func score(gold: CaseFile, predicted: CaseFile) -> GoldScore {
        var result = GoldScore()
        let goldForms = gold.entities.map(forms)
        var goldByForm: [String: [Int]] = [:]
        for (j, formsOfJ) in goldForms.enumerated() {
            for form in formsOfJ { goldByForm[form, default: []].append(j) }
        }
        let optionalGold = gold.entities.map { isOptional($0.attributes) }

        // Entities: maximum matching between predictions and required gold entities.
        let predictedForms = predicted.entities.map(forms)
        var adjacency: [[Int]] = []
        var hitsOptional: [Bool] = []
        var firstSharing: [Int?] = []
        for formsOfI in predictedForms {
            var neighbours = Set<Int>()
            for form in formsOfI { neighbours.formUnion(goldByForm[form] ?? []) }
            let ordered = neighbours.sorted()
            adjacency.append(ordered.filter { !optionalGold[$0] })
            hitsOptional.append(ordered.contains { optionalGold[$0] })
            firstSharing.append(ordered.first)
        }
        let matching = BipartiteMatching.maximum(adjacency: adjacency, rightCount: gold.entities.count)
        var goldOfPredicted: [String: Int] = [:]
        for (i, entity) in predicted.entities.enumerated() {
            if let j = matching[i] {
                result.entities.truePositives += 1
                result.matches[entity.id] = gold.entities[j].id
                if entity.kind == gold.entities[j].kind { result.kindsCorrect += 1 }
                if goldOfPredicted[entity.id] == nil { goldOfPredicted[entity.id] = j }
            } else {
                if !hitsOptional[i] { result.entities.falsePositives += 1 }
                if goldOfPredicted[entity.id] == nil, let j = firstSharing[i] { goldOfPredicted[entity.id] = j }
            }
        }
        let requiredGold = optionalGold.filter { !$0 }.count
        result.entities.falseNegatives = requiredGold - result.entities.truePositives

        // Relations.
        let goldIndex = gold.entityIndexByID()
        var labeledGold: Set<LabeledKey> = [], labeledOptional: Set<LabeledKey> = []
        var pairGold: Set<PairKey> = [], pairOptional: Set<PairKey> = []
        for relation in gold.relations {
            guard let s = goldIndex[relation.source], let t = goldIndex[relation.target] else { continue }
            if isOptional(relation.attributes) {
                labeledOptional.insert(LabeledKey(s, t, relation.kind))
                pairOptional.insert(PairKey(s, t))
            } else {
                labeledGold.insert(LabeledKey(s, t, relation.kind))
                pairGold.insert(PairKey(s, t))
            }
        }
        labeledOptional.subtract(labeledGold)
        pairOptional.subtract(pairGold)

        var labeledPredicted: Set<LabeledKey> = [], pairPredicted: Set<PairKey> = []
        var unresolvedLabeled: Set<[String]> = [], unresolvedPairs: Set<Set<String>> = []
        for relation in predicted.relations {
            if let s = goldOfPredicted[relation.source], let t = goldOfPredicted[relation.target] {
                labeledPredicted.insert(LabeledKey(s, t, relation.kind))
                pairPredicted.insert(PairKey(s, t))
            } else {
                let ends =
                    relation.kind.isSymmetric
                    ? [relation.source, relation.target].sorted() : [relation.source, relation.target]
                unresolvedLabeled.insert(ends + [relation.kind.rawValue])
                unresolvedPairs.insert([relation.source, relation.target])
            }
        }
        result.relations = count(
            predicted: labeledPredicted, gold: labeledGold, optional: labeledOptional,
            unresolved: unresolvedLabeled.count)
        result.unlabeledRelations = count(
            predicted: pairPredicted, gold: pairGold, optional: pairOptional, unresolved: unresolvedPairs.count)
        return result
    }

    static func count<Key: Hashable>(predicted: Set<Key>, gold: Set<Key>, optional: Set<Key>, unresolved: Int)
        -> ScoreCounts
    {
        var counts = ScoreCounts()
        for key in predicted {
            if gold.contains(key) {
                counts.truePositives += 1
            } else if !optional.contains(key) {
                counts.falsePositives += 1
            }
        }
        counts.falsePositives += unresolved
        counts.falseNegatives = gold.count - counts.truePositives
        return counts
    }

    struct LabeledKey: Hashable {
        let source: Int, target: Int, kind: RelationKind
        init(_ source: Int, _ target: Int, _ kind: RelationKind) {
            let swap = kind.isSymmetric && target < source
            self.source = swap ? target : source
            self.target = swap ? source : target
            self.kind = kind
        }
    }

    struct PairKey: Hashable {
        let low: Int, high: Int
        init(_ a: Int, _ b: Int) {
            low = min(a, b)
            high = max(a, b)
        }
    }
}

/// Maximum bipartite matching (Hopcroft–Karp).
///
/// - Returns: For each left vertex, its matched right vertex or nil.
/// - Complexity: O(E·√V).
///
/// ## References
/// - J. E. Hopcroft and R. M. Karp, "An n^5/2 Algorithm for Maximum Matchings in Bipartite
///   Graphs", SIAM J. Computing 2(4), 1973. <https://doi.org/10.1137/0202019>
enum BipartiteMatching {
    static func maximum(adjacency: [[Int]], rightCount: Int) -> [Int?] {
        let n = adjacency.count
        var matchLeft = [Int?](repeating: nil, count: n)
        var matchRight = [Int?](repeating: nil, count: rightCount)
        var distance = [Int](repeating: 0, count: n)
        let infinity = Int.max

        func bfs() -> Bool {
            var queue: [Int] = []
            for u in 0..<n {
                if matchLeft[u] == nil { distance[u] = 0; queue.append(u) } else { distance[u] = infinity }
            }
            var found = false
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for v in adjacency[u] {
                    if let w = matchRight[v] {
                        if distance[w] == infinity {
                            distance[w] = distance[u] + 1
                            queue.append(w)
                        }
                    } else {
                        found = true
                    }
                }
            }
            return found
        }

        // Iterative DFS along the layers from a free left vertex.
        func augment(from root: Int) -> Bool {
            var stack: [(u: Int, next: Int)] = [(root, 0)]
            var path: [(u: Int, v: Int)] = []
            while let top = stack.last {
                let u = top.u
                if top.next >= adjacency[u].count {
                    distance[u] = infinity  // dead end
                    stack.removeLast()
                    if !path.isEmpty { path.removeLast() }
                    continue
                }
                let v = adjacency[u][top.next]
                stack[stack.count - 1].next += 1
                if let w = matchRight[v] {
                    if distance[w] == distance[u] + 1 {
                        path.append((u, v))
                        stack.append((w, 0))
                    }
                } else {
                    path.append((u, v))
                    for (pu, pv) in path {
                        matchLeft[pu] = pv
                        matchRight[pv] = pu
                    }
                    return true
                }
            }
            return false
        }

        while bfs() {
            for u in 0..<n where matchLeft[u] == nil { _ = augment(from: u) }
        }
        return matchLeft
    }
}
