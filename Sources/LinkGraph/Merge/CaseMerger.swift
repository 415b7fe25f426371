/// Merges case files (and extractions turned into case-file fragments) into one case, with one
/// entity per real-world thing.
///
/// The **base** case (the first, or the existing case file) is the user's: its documents,
/// entities and relations keep their ids, names, kinds, attributes, confidences and order.
/// Merging only adds: new documents, new entities and relations (at the end, in the order
/// met), new aliases, attribute keys the base lacks, dates and weights the base lacks,
/// evidence and provenance.
///
/// - Entities are matched with `EntityResolver` (id, normalized name or alias, acronym,
///   surname). A matched entity gains the incoming names its key set lacks as aliases.
///   The entities of one incoming case file (`matchIDs`) are different things by its author's
///   word: they match each other only by id, so two of them never become one entity. In a
///   fragment from an extractor, whose ids are made up, two entities may still turn out to be
///   one ("Amiri" and "Hadi al-Amiri" in one text), unless a relation joins them: a relation
///   between two entities is evidence that they are distinct. Either way such a relation is
///   never lost as a self-loop.
///   An unmatched one is added with its own id when free (case files), else a unique slug of
///   its name.
/// - Relations are the same when source, target and kind are (either direction for symmetric
///   kinds or `directed: false`). Evidence is accumulated without duplicates.
/// - **Provenance**: entities and relations carry `provenance`, a list of `Contribution`s
///   (document, extractor, confidence; entities also mentions). Contributions are kept without
///   duplicates; an incoming relation without provenance counts as one contribution credited
///   to `contributor` (e.g. its file name).
/// - **Confidence** of a relation is the noisy-or `1 − Π(1 − cᵢ)` of its distinct contributions,
///   recomputed when a new contribution arrives, unless the relation's confidence differs from
///   the noisy-or of its recorded provenance: then a person set it (a base relation without
///   provenance, or one edited by hand) and it is left as it is. Merging the same contributions
///   again changes nothing.
/// - **Suppressed**: a case's `suppressed` (entity ids or names, and relations by source,
///   target and kind) lists what the user deleted. An incoming entity resolving to a suppressed
///   id or name is dropped with its relations; a relation with a suppressed (source, target,
///   kind) is dropped. Lists from merged cases are united into the result.
/// - A relation whose two ends resolve to the same entity only because of resolution (its
///   ends had different ids) is dropped.
public struct CaseMerger: Sendable {
    /// The case so far.
    public private(set) var caseFile: CaseFile

    private var resolver = EntityResolver()
    private var entityIndex: [String: Int] = [:]
    private var relationIndex: [RelationKey: Int] = [:]
    private var suppressedRelations: Set<RelationKey> = []
    private var documentIDs: Set<String> = []
    /// Review decisions by relation (CaseMerger+Reviews).
    var decisions: [RelationKey: RelationReview.Decision] = [:]

    /// Starts from a base case, kept as it is.
    public init(base: CaseFile = CaseFile()) {
        caseFile = base
        for (i, entity) in base.entities.enumerated() where entityIndex[entity.id] == nil {
            entityIndex[entity.id] = i
        }
        resolver.add(base.entities)
        for (i, relation) in base.relations.enumerated() where relationIndex[RelationKey(relation)] == nil {
            relationIndex[RelationKey(relation)] = i
        }
        documentIDs = Set(base.documents.map(\.id))
        applySuppressed(base.suppressed)
        applyReviews(base.reviews, fromBase: true)
    }

    /// Merges several cases: the first is the base, the others are merged into it in order.
    /// - Parameter contributors: A name per case (its file name) for relations without provenance.
    public static func merge(_ cases: [CaseFile], contributors: [String]? = nil) -> CaseFile {
        guard let first = cases.first else { return CaseFile() }
        var merger = CaseMerger(base: first)
        for (i, other) in cases.enumerated().dropFirst() {
            merger.merge(other, contributor: contributors?[i])
        }
        return merger.caseFile
    }

    /// Merges one case into the result.
    /// - Parameters:
    ///   - incoming: The case to add.
    ///   - contributor: Names the contribution of relations that carry no provenance.
    ///   - matchIDs: Whether an incoming id equal to a known id means the same entity (true for
    ///     case files; false for fragments whose ids were made up from names).
    /// - Returns: What happened, for a summary.
    @discardableResult
    public mutating func merge(_ incoming: CaseFile, contributor: String? = nil, matchIDs: Bool = true) -> MergeReport {
        var report = MergeReport()
        applySuppressed(incoming.suppressed)
        applyReviews(incoming.reviews, fromBase: false)

        // Documents: by id; the base's version of a document wins.
        for document in incoming.documents where !documentIDs.contains(document.id) {
            documentIDs.insert(document.id)
            caseFile.documents.append(document)
        }

        // Entities. A case file's: `claimed` is what its entities already are (or will be, by
        // id), which its other entities never resolve to. A fragment's: an entity never resolves
        // to what an entity related to it in the fragment is.
        var mapping: [String: String] = [:]
        var claimed: Set<String> = matchIDs ? Set(incoming.entities.lazy.map(\.id).filter(resolver.contains(id:))) : []
        var related: [String: [String]] = [:]
        if !matchIDs {
            for relation in incoming.relations where relation.source != relation.target {
                related[relation.source, default: []].append(relation.target)
                related[relation.target, default: []].append(relation.source)
            }
        }
        for entity in incoming.entities {
            guard mapping[entity.id] == nil else { continue }
            let excluded = matchIDs ? claimed : Set((related[entity.id] ?? []).compactMap { mapping[$0] })
            let resolution = resolver.resolve(
                id: entity.id, names: entity.allNames, kind: entity.kind, matchID: matchIDs, excluding: excluded)
            switch resolution {
            case .suppressed:
                report.suppressedEntities.append(entity.id)
            case .entity(let id):
                mapping[entity.id] = id
                claimed.insert(id)
                absorb(entity, into: id)
                report.mergedEntities += 1
            case .none:
                let id = NameNormalizer.unique(matchIDs ? entity.id : NameNormalizer.slug(entity.name)) {
                    resolver.contains(id: $0)
                }
                var added = entity
                added.id = id
                added.aliases = Self.distinctNames(entity.aliases, excluding: [entity.name])
                entityIndex[id] = caseFile.entities.count
                caseFile.entities.append(added)
                resolver.add(id: id, names: added.allNames, kind: added.kind)
                mapping[entity.id] = id
                claimed.insert(id)
                report.addedEntities += 1
            }
        }

        // Relations.
        for relation in incoming.relations {
            guard let source = mapping[relation.source], let target = mapping[relation.target] else {
                report.suppressedRelations += 1
                continue
            }
            if source == target && relation.source != relation.target {
                report.droppedSelfLoops += 1
                continue
            }
            var mapped = relation
            mapped.source = source
            mapped.target = target
            let key = RelationKey(mapped)
            if suppressedRelations.contains(key) || decisions[key] == .rejected {
                report.suppressedRelations += 1
                continue
            }
            var contributions = mapped.provenance
            if contributions.isEmpty {
                contributions = [Contribution(file: contributor, confidence: mapped.effectiveConfidence)]
            }
            if let index = relationIndex[key] {
                absorb(mapped, contributions: contributions, into: index)
                report.mergedRelations += 1
            } else {
                mapped.provenance = contributions
                mapped.evidence = Self.distinctEvidence(mapped.evidence)
                relationIndex[key] = caseFile.relations.count
                caseFile.relations.append(mapped)
                report.addedRelations += 1
            }
        }
        return report
    }

    // MARK: Absorbing into what is there

    private mutating func absorb(_ entity: Entity, into id: String) {
        guard let index = entityIndex[id] else { return }
        var target = caseFile.entities[index]
        let known = Set(target.allNames.map(NameNormalizer.key))
        var seen = known
        for name in entity.allNames {
            let key = NameNormalizer.key(name)
            guard !key.isEmpty, !seen.contains(key) else { continue }
            seen.insert(key)
            target.aliases.append(name)
        }
        for (key, value) in entity.attributes where target.attributes[key] == nil { target.attributes[key] = value }
        for (key, value) in entity.unknownFields where target.unknownFields[key] == nil {
            target.unknownFields[key] = value
        }
        target.provenance = Provenance.union(target.provenance, entity.provenance)
        caseFile.entities[index] = target
        resolver.add(id: id, names: target.allNames, kind: target.kind)
    }

    private mutating func absorb(_ relation: Relation, contributions: [Contribution], into index: Int) {
        var target = caseFile.relations[index]
        let before = target.provenance
        let after = Provenance.union(before, contributions)
        if after.count > before.count {
            let accepted = decisions[RelationKey(target)] == .accepted
            if Provenance.isMachineSet(confidence: target.confidence, before) && !accepted {
                let combined = Provenance.noisyOr(after)
                target.confidence = combined == 1 && target.confidence == nil ? nil : combined
            }
            target.provenance = after
        }
        let countedBefore = target.evidence.count
        target.evidence = Self.distinctEvidence(target.evidence + relation.evidence)
        if target.from == nil { target.from = relation.from }
        if target.until == nil { target.until = relation.until }
        if target.weight == nil { target.weight = relation.weight }
        Self.recount(&target, adding: relation, countedBefore: countedBefore)
        for (key, value) in relation.attributes where target.attributes[key] == nil { target.attributes[key] = value }
        caseFile.relations[index] = target
    }

    /// For a counted kind (`RelationKind.isCounted`, e.g. `emailed`) that gained evidence: a
    /// weight and a `messages` attribute that equalled the evidence count before the merge
    /// follow the new count (a weight a person set, any other value, is left alone), and the
    /// dates widen to span both relations' events. Evidence is deduplicated first, so merging
    /// the same file twice counts nothing twice.
    private static func recount(_ relation: inout Relation, adding other: Relation, countedBefore: Int) {
        guard relation.kind.isCounted, relation.evidence.count != countedBefore else { return }
        let count = relation.evidence.count
        if let from = other.from, let current = relation.from, from < current { relation.from = from }
        if let until = other.until, let current = relation.until, current < until { relation.until = until }
        if relation.weight == Double(countedBefore) { relation.weight = Double(count) }
        if case .number(let messages)? = relation.attributes["messages"], messages.doubleValue == Double(countedBefore)
        {
            relation.attributes["messages"] = .number(JSONNumber(count))
        }
    }

    // MARK: Suppressed

    private mutating func applySuppressed(_ suppressed: Suppression) {
        guard !suppressed.isEmpty else { return }
        for name in suppressed.entities { resolver.suppress(name) }
        for relation in suppressed.relations { suppressedRelations.insert(relation.key) }
        caseFile.suppressed.formUnion(suppressed)
    }

    /// Adds review decisions to the result and takes out the relations in `rejected`
    /// (CaseMerger+Reviews).
    mutating func record(_ reviews: [RelationReview], removing rejected: Set<RelationKey>) {
        caseFile.reviews += reviews
        guard !rejected.isEmpty else { return }
        caseFile.relations.removeAll { rejected.contains(RelationKey($0)) }
        relationIndex = [:]
        for (i, relation) in caseFile.relations.enumerated() where relationIndex[RelationKey(relation)] == nil {
            relationIndex[RelationKey(relation)] = i
        }
    }

    static func distinctNames(_ names: [String], excluding: [String]) -> [String] {
        var seen = Set(excluding.map(NameNormalizer.key))
        var out: [String] = []
        for name in names {
            let key = NameNormalizer.key(name)
            if key.isEmpty || seen.contains(key) { continue }
            seen.insert(key)
            out.append(name)
        }
        return out
    }

    static func distinctEvidence(_ evidence: [Evidence]) -> [Evidence] {
        var seen: Set<EvidenceKey> = []
        return evidence.filter { seen.insert(EvidenceKey($0)).inserted }
    }

    /// When two pieces of evidence are the same: the same document and span, or, without
    /// offsets, the same document and quotation.
    struct EvidenceKey: Hashable {
        let document: String
        let start: Int?
        let end: Int?
        let text: String?

        init(_ evidence: Evidence) {
            document = evidence.document
            start = evidence.start
            end = evidence.start == nil ? nil : evidence.end
            text = evidence.start == nil ? evidence.text ?? "" : nil
        }
    }
}

/// What a merge did.
public struct MergeReport: Equatable, Sendable {
    public var addedEntities = 0
    public var mergedEntities = 0
    /// Incoming entity ids dropped because they resolve to a suppressed entity.
    public var suppressedEntities: [String] = []
    public var addedRelations = 0
    public var mergedRelations = 0
    /// Relations dropped as suppressed, or because an end was suppressed.
    public var suppressedRelations = 0
    /// Relations dropped because resolution joined their two ends into one entity.
    public var droppedSelfLoops = 0

    public init() {}
}

/// The identity of a relation for deduplication: source, target and kind, with the ends in a
/// fixed order for symmetric kinds and undirected relations.
public struct RelationKey: Hashable, Sendable {
    public let source: String
    public let target: String
    public let kind: RelationKind

    public init(source: String, target: String, kind: RelationKind, directed: Bool) {
        if !directed && target < source {
            self.source = target
            self.target = source
        } else {
            self.source = source
            self.target = target
        }
        self.kind = kind
    }

    public init(_ relation: Relation) {
        self.init(source: relation.source, target: relation.target, kind: relation.kind, directed: relation.isDirected)
    }
}
