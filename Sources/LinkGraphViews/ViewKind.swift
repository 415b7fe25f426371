import LinkGraph

/// Which part of a case a diagram shows.
public enum ViewKind: String, CaseIterable, Sendable {
    /// Who influences, controls, advises, reports to, belongs to and pays whom.
    case influence
    /// Who left whom for whom, and when; the people who switched sides stand out.
    case defection
    /// Every entity and relation.
    case all

    /// The relation kinds the view draws as its main edges; nil means every kind.
    public var relationKinds: Set<RelationKind>? {
        switch self {
        case .influence: return [.influences, .controls, .advises, .reportsTo, .memberOf, .pays]
        case .defection: return [.defectedFrom, .defectedTo]
        case .all: return nil
        }
    }

    /// The diagram's title.
    public var title: String {
        switch self {
        case .influence: return "Influence network"
        case .defection: return "Defection network"
        case .all: return "All relations"
        }
    }
}
