/// Review decisions in a merge (`RelationReview`): rejected relations stay out, accepted ones
/// keep their confidence.
extension CaseMerger {
    /// Takes the decisions of a merged case. The base's are the result's as they are; an
    /// incoming case adds decisions on relations the result has no decision on (the base's
    /// decision wins), and a rejection takes the relation out of the result.
    /// - Complexity: O(decisions + relations) when something is rejected, O(decisions) otherwise.
    mutating func applyReviews(_ reviews: [RelationReview], fromBase: Bool) {
        guard !reviews.isEmpty else { return }
        var added: [RelationReview] = []
        for review in reviews {
            if fromBase {
                decisions[review.key] = review.decision
            } else if decisions[review.key] == nil {
                decisions[review.key] = review.decision
                added.append(review)
            }
        }
        guard !added.isEmpty else { return }
        record(added, removing: Set(added.filter { $0.decision == .rejected }.map(\.key)))
    }
}
