import LinkGraph

/// The dates of a defection timeline: the days on which someone's loyalty changes.
public enum Timeline {
    /// The distinct `from` and `until` dates of defectedFrom and defectedTo relations, in order.
    /// - Complexity: O(R log R) for R relations.
    public static func loyaltyChanges(in caseFile: CaseFile) -> [PartialDate] {
        var dates = Set<PartialDate>()
        for relation in caseFile.relations where relation.kind == .defectedFrom || relation.kind == .defectedTo {
            if let from = relation.from { dates.insert(from) }
            if let until = relation.until { dates.insert(until) }
        }
        return dates.sorted()
    }
}
