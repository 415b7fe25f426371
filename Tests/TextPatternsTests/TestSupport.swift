import Foundation
import LinkGraph
import LinkGraphPlugin
import XCTest

@testable import TextPatterns

/// One extractor for all tests: building it compiles the gazetteer and rules.
let sharedExtractor: TextPatternsExtractor = try! TextPatternsExtractor()

func extract(_ text: String, with extractor: TextPatternsExtractor = sharedExtractor) throws -> Extraction {
    try extractor.extract(ExtractionRequest(id: "t", text: text))
}

extension Extraction {
    func entity(_ name: String) -> ExtractedEntity? {
        entities.first { $0.name == name } ?? entities.first { $0.aliases.contains(name) }
    }

    func has(_ source: String, _ kind: RelationKind, _ target: String) -> Bool {
        guard let s = entity(source)?.id, let t = entity(target)?.id else { return false }
        return relations.contains { r in
            r.kind == kind && ((r.source == s && r.target == t) || (kind.isSymmetric && r.source == t && r.target == s))
        }
    }

    func relation(_ source: String, _ kind: RelationKind, _ target: String) -> ExtractedRelation? {
        guard let s = entity(source)?.id, let t = entity(target)?.id else { return nil }
        return relations.first { $0.kind == kind && $0.source == s && $0.target == t }
    }

    var summary: String {
        "entities: \(entities.map { "\($0.name)/\($0.kind)" }) relations: \(relations.map { "\($0.source) \($0.kind) \($0.target)" })"
    }
}

/// A file of the shared test data (the seed article, its gold case file); nil when absent.
func sharedFile(_ relative: String) -> URL? { SharedData.file(relative) }

func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        .appendingPathComponent(name)
}

/// FORMAT.md's scoring, for tests: normalized name/alias matching, one-to-one entity matching,
/// labeled relations (symmetric kinds either way) and unlabeled pairs; optional gold items
/// count neither way. Mirrors Benchmarks/extract/score.py.
struct Scorer {
    struct Scores {
        var entityF1: Double
        var relationF1: Double
        var unlabeledF1: Double
    }

    static func normalize(_ s: String) -> String {
        var t = s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        func strip(_ c: Character) -> Bool { c.isPunctuation || c.isSymbol }
        while let f = t.first, strip(f) { t.removeFirst() }
        while let l = t.last, strip(l) { t.removeLast() }
        t = t.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("the ") { t.removeFirst(4) }
        return t
    }

    static func score(_ found: Extraction, goldURL: URL) throws -> Scores {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as! [String: Any]
        let gEntities = gold["entities"] as! [[String: Any]]
        let gRelations = gold["relations"] as! [[String: Any]]
        func optional(_ o: [String: Any]) -> Bool {
            ((o["attributes"] as? [String: Any])?["optional"] as? Bool) == true
        }
        let gForms: [Set<String>] = gEntities.map { e in
            Set(([e["name"] as! String] + ((e["aliases"] as? [String]) ?? [])).map(normalize).filter { !$0.isEmpty })
        }
        let pForms: [Set<String>] = found.entities.map { e in
            Set(([e.name] + e.aliases).map(normalize).filter { !$0.isEmpty })
        }
        let edges = pForms.map { pf in gForms.indices.filter { !gForms[$0].isDisjoint(with: pf) } }
        // Kuhn's augmenting paths.
        var matchG: [Int: Int] = [:]
        func tryP(_ p: Int, _ seen: inout Set<Int>) -> Bool {
            for g in edges[p] where !seen.contains(g) {
                seen.insert(g)
                if matchG[g] == nil || tryP(matchG[g]!, &seen) {
                    matchG[g] = p
                    return true
                }
            }
            return false
        }
        for p in found.entities.indices {
            var seen = Set<Int>()
            _ = tryP(p, &seen)
        }
        var matchP: [Int: Int] = [:]
        for (g, p) in matchG { matchP[p] = g }
        let tp = matchG.keys.filter { !optional(gEntities[$0]) }.count
        let nGold = gEntities.filter { !optional($0) }.count
        let nPred = found.entities.indices.filter { p in !(matchP[p].map { optional(gEntities[$0]) } ?? false) }.count
        func f1(_ tp: Int, _ np: Int, _ ng: Int) -> Double {
            let p = np == 0 ? 0 : Double(tp) / Double(np)
            let r = ng == 0 ? 0 : Double(tp) / Double(ng)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
        var resolve: [String: Int] = [:]
        for (p, e) in found.entities.enumerated() {
            if let g = matchP[p] {
                resolve[e.id] = g
            } else if let g = gForms.indices.first(where: { !gForms[$0].isDisjoint(with: pForms[p]) }) {
                resolve[e.id] = g
            }
        }
        let gIndex = Dictionary(
            uniqueKeysWithValues: gEntities.enumerated().map { ($0.element["id"] as! String, $0.offset) })
        func lkey(_ s: Int, _ t: Int, _ k: String) -> String {
            RelationKind(k).isSymmetric && s > t ? "\(t)|\(s)|\(k)" : "\(s)|\(t)|\(k)"
        }
        func ukey(_ s: Int, _ t: Int) -> String { "\(min(s, t))|\(max(s, t))" }
        var goldL = Set<String>(), goldU = Set<String>(), optL = Set<String>(), optU = Set<String>()
        for r in gRelations {
            let s = gIndex[r["source"] as! String]!, t = gIndex[r["target"] as! String]!, k = r["kind"] as! String
            if optional(r) {
                optL.insert(lkey(s, t, k))
                optU.insert(ukey(s, t))
            } else {
                goldL.insert(lkey(s, t, k))
                goldU.insert(ukey(s, t))
            }
        }
        optL.subtract(goldL)
        optU.subtract(goldU)
        var predL = Set<String>(), predU = Set<String>()
        for r in found.relations {
            guard let s = resolve[r.source], let t = resolve[r.target] else {
                predL.insert("?\(r.source)|\(r.target)|\(r.kind)")
                predU.insert("?\(r.source)|\(r.target)")
                continue
            }
            predL.insert(lkey(s, t, r.kind.rawValue))
            predU.insert(ukey(s, t))
        }
        predL.subtract(optL)
        predU.subtract(optU)
        return Scores(
            entityF1: f1(tp, nPred, nGold), relationF1: f1(predL.intersection(goldL).count, predL.count, goldL.count),
            unlabeledF1: f1(predU.intersection(goldU).count, predU.count, goldU.count))
    }
}
