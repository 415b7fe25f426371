import LinkGraph
import LinkGraphViews
import XCTest

final class TimelineTests: XCTestCase {
    func testLoyaltyChanges_distinctDefectionDatesInOrder_otherKindsIgnored() {
        let story = CaseFile(
            entities: [
                Entity(id: "agent", name: "Agent", kind: .person),
                Entity(id: "agency", name: "Agency", kind: .organization),
                Entity(id: "rival", name: "Rival", kind: .organization),
            ],
            relations: [
                Relation(source: "agent", target: "rival", kind: .defectedTo, from: PartialDate("2014-06")),
                Relation(source: "agent", target: "agency", kind: .defectedFrom, from: PartialDate("2014")),
                Relation(
                    source: "agent", target: "agency", kind: .memberOf, from: PartialDate("2001"),
                    until: PartialDate("2014")),
                Relation(source: "rival", target: "agent", kind: .pays, from: PartialDate("2015")),
                Relation(
                    source: "agent", target: "rival", kind: .defectedFrom, from: PartialDate("2014-06"),
                    until: PartialDate("2019-10")),
            ])
        XCTAssertEqual(Timeline.loyaltyChanges(in: story).map(\.description), ["2014", "2014-06", "2019-10"])
        XCTAssertEqual(Timeline.loyaltyChanges(in: CaseFile()), [])
    }
}
