import LinkGraph
import XCTest

final class PartialDateTests: XCTestCase {
    func testParse_validPrefixes() {
        XCTAssertEqual(PartialDate("2014"), PartialDate(year: 2014))
        XCTAssertEqual(PartialDate("2014-12"), PartialDate(year: 2014, month: 12))
        XCTAssertEqual(PartialDate("2016-02-29"), PartialDate(year: 2016, month: 2, day: 29))
        XCTAssertEqual(PartialDate("2014-12")?.description, "2014-12")
        XCTAssertEqual(PartialDate("0999-01-05")?.description, "0999-01-05")
    }

    func testParse_rejectsInvalid() {
        for text in [
            "", "14", "2014-1", "2014-00", "2014-13", "2015-02-29", "2014-12-32", "2014/12", "2014-12-03T10:00", "２０１４",
            "-2014",
        ] {
            XCTAssertNil(PartialDate(text), text)
        }
    }

    func testBoundsAndOrder() {
        let year = PartialDate("2014")!, december = PartialDate("2014-12")!, day = PartialDate("2014-12-03")!
        XCTAssertEqual(year.earliestDay, 20140101)
        XCTAssertEqual(year.latestDay, 20141231)
        XCTAssertEqual(PartialDate("2016-02")!.latestDay, 20160229)
        XCTAssertTrue(year < december)
        XCTAssertTrue(december < day)
        XCTAssertTrue(PartialDate("2014-01")! < december)
    }

    func testRelationValidity_overlapsPartialDates() {
        var relation = Relation(
            source: "a", target: "b", kind: .memberOf, from: PartialDate("2014"), until: PartialDate("2018"))
        XCTAssertTrue(relation.isValid(on: PartialDate("2014-01-01")!))
        XCTAssertTrue(relation.isValid(on: PartialDate("2018-12")!))
        XCTAssertFalse(relation.isValid(on: PartialDate("2013-12-31")!))
        XCTAssertFalse(relation.isValid(on: PartialDate("2019")!))
        relation.from = nil
        XCTAssertTrue(relation.isValid(on: PartialDate("1900")!))
    }
}
