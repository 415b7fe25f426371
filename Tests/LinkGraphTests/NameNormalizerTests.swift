import XCTest

@testable import LinkGraph

final class NameNormalizerTests: XCTestCase {
    func testKey_foldsCaseTheArticleDiacriticsHyphensAndSpacing() {
        let same = [
            "Salim al-Jabouri", "the Salim Al Jabouri", "SALIM  el-JABOURI", "Salim Jabouri", "Sălim al‑Jabouri",
        ]
        for name in same { XCTAssertEqual(NameNormalizer.key(name), "salim jabouri", name) }
        XCTAssertEqual(NameNormalizer.key("Ḥaydar al-‘Abādī"), NameNormalizer.key("Haydar al-Abadi"))
        XCTAssertEqual(NameNormalizer.key("U.S."), "us")
        XCTAssertEqual(NameNormalizer.key("US"), "us")
        XCTAssertEqual(NameNormalizer.key("Kata'ib Hezbollah"), NameNormalizer.key("Kataib Hezbollah"))
        XCTAssertEqual(NameNormalizer.key("Iran’s"), "iran")
        XCTAssertEqual(NameNormalizer.key("Quds-Force"), "quds force")
        XCTAssertEqual(NameNormalizer.key("Al"), "al", "a name that is only the article keeps it")
        XCTAssertEqual(NameNormalizer.key("The"), "the")
        XCTAssertEqual(NameNormalizer.key("  —  "), "")
        XCTAssertNotEqual(NameNormalizer.key("Iran"), NameNormalizer.key("Iraq"))
    }

    func testAcronyms_initialsOfMultiwordNames() {
        XCTAssertTrue(NameNormalizer.acronyms(of: "Popular Mobilization Forces").contains("pmf"))
        XCTAssertTrue(NameNormalizer.acronyms(of: "Islamic Revolutionary Guard Corps").contains("irgc"))
        let ministry = NameNormalizer.acronyms(of: "Ministry of Intelligence and Security")
        XCTAssertTrue(ministry.contains("mois"), "\(ministry)")
        XCTAssertTrue(ministry.contains("mis"), "\(ministry)")
        XCTAssertEqual(NameNormalizer.acronyms(of: "Iraq"), [])
        XCTAssertEqual(NameNormalizer.acronyms(of: "the Ministry"), [])
    }

    func testLooksLikeAcronym() {
        for yes in ["PMF", "IRGC", "U.S.", "MoI", "CIA"] { XCTAssertTrue(NameNormalizer.looksLikeAcronym(yes), yes) }
        for no in ["Iraq", "pmf", "P", "Popular Forces", "ABCDEFGHIJ", "G7"] {
            XCTAssertFalse(NameNormalizer.looksLikeAcronym(no), no)
        }
    }

    func testLastToken_andSlug() {
        XCTAssertEqual(NameNormalizer.lastToken(of: "Qassem Soleimani"), "soleimani")
        XCTAssertEqual(NameNormalizer.lastToken(of: "Hadi al-Amiri"), "amiri")
        XCTAssertNil(NameNormalizer.lastToken(of: "Soleimani"))
        XCTAssertEqual(NameNormalizer.slug("Salim al-Jabouri"), "salim-al-jabouri")
        XCTAssertEqual(NameNormalizer.slug("Ḥizb  ’Allah (Lebanon)"), "hizb-allah-lebanon")
        XCTAssertEqual(NameNormalizer.slug("!!!"), "entity")
        XCTAssertEqual(NameNormalizer.slug("مقتدى"), "entity")
        XCTAssertEqual(NameNormalizer.unique("a", taken: { ["a", "a-2"].contains($0) }), "a-3")
        XCTAssertEqual(NameNormalizer.unique("b", taken: { _ in false }), "b")
    }

    func testUniqueIDs_suffixesInOrder_reservedAndExternalIDsSkipped() {
        var ids = UniqueIDs(taken: ["ana", "bo-2"])
        XCTAssertEqual(ids.claim("ana"), "ana-2")
        XCTAssertEqual(ids.claim("ana"), "ana-3")
        XCTAssertEqual(ids.claim("bo"), "bo")
        XCTAssertEqual(ids.claim("bo"), "bo-3")
        ids.reserve("cy")
        XCTAssertEqual(ids.claim("cy", isTaken: { $0 == "cy-2" }), "cy-3")
        XCTAssertTrue(ids.contains("cy-3"))
        let many = (0..<1000).map { _ in ids.claim("entity") }
        XCTAssertEqual(Set(many).count, 1000)
        XCTAssertEqual(many.last, "entity-1000")
    }
}

final class EntityResolverTests: XCTestCase {
    func resolver() -> EntityResolver {
        var resolver = EntityResolver()
        resolver.add([
            Entity(id: "pmf", name: "Popular Mobilization Forces", kind: .organization),
            Entity(id: "amiri", name: "Hadi al-Amiri", kind: .person),
            Entity(id: "us", name: "United States", kind: .country, aliases: ["America"]),
            Entity(id: "jordan-river", name: "Jordan", kind: .place),
        ])
        return resolver
    }

    func testResolve_byIDOnlyWhenAsked() {
        let r = resolver()
        XCTAssertEqual(r.resolve(id: "amiri", names: ["Somebody Else"], kind: .person, matchID: true), .entity("amiri"))
        XCTAssertEqual(
            r.resolve(id: "amiri", names: ["Somebody Else"], kind: .person, matchID: false),
            EntityResolver.Resolution.none)
    }

    func testResolve_byNormalizedNameOrAlias() {
        let r = resolver()
        XCTAssertEqual(r.resolve(id: nil, names: ["the AMERICA"], kind: .country, matchID: false), .entity("us"))
        XCTAssertEqual(r.resolve(id: nil, names: ["Hadi Amiri"], kind: .person, matchID: false), .entity("amiri"))
        XCTAssertEqual(
            r.resolve(id: nil, names: ["Jordan"], kind: .country, matchID: false), .entity("jordan-river"),
            "with no entity of the same kind, a name match still merges")
    }

    func testResolve_acronymsBothWays() {
        let r = resolver()
        XCTAssertEqual(r.resolve(id: nil, names: ["PMF"], kind: .organization, matchID: false), .entity("pmf"))
        XCTAssertEqual(r.resolve(id: nil, names: ["U.S."], kind: .country, matchID: false), .entity("us"))
        var reverse = EntityResolver()
        reverse.add(id: "irgc", names: ["IRGC"], kind: .organization)
        XCTAssertEqual(
            reverse.resolve(id: nil, names: ["Islamic Revolutionary Guard Corps"], kind: .organization, matchID: false),
            .entity("irgc"))
        XCTAssertEqual(
            r.resolve(id: nil, names: ["pmf"], kind: .organization, matchID: false), .none,
            "lower case is not an acronym")
    }

    func testResolve_surnamesOnlyWhenUnambiguous() {
        var r = resolver()
        XCTAssertEqual(r.resolve(id: nil, names: ["Amiri"], kind: .person, matchID: false), .entity("amiri"))
        XCTAssertEqual(
            r.resolve(id: nil, names: ["Amiri"], kind: .organization, matchID: false), .none, "surnames are for people")
        r.add(id: "ali-amiri", names: ["Ali Amiri"], kind: .person)
        XCTAssertEqual(
            r.resolve(id: nil, names: ["Amiri"], kind: .person, matchID: false), .none, "two Amiris: ambiguous")
        var reverse = EntityResolver()
        reverse.add(id: "soleimani", names: ["Soleimani"], kind: .person)
        XCTAssertEqual(
            reverse.resolve(id: nil, names: ["Qassem Soleimani"], kind: .person, matchID: false), .entity("soleimani"))
    }

    func testResolve_tombstones() {
        var r = resolver()
        r.add(id: "gone", names: ["Harbor Trust"], kind: .other, tombstone: true)
        XCTAssertEqual(
            r.resolve(id: nil, names: ["the harbor trust"], kind: .organization, matchID: false), .suppressed("gone"))
        XCTAssertEqual(
            r.resolve(id: nil, names: ["HT"], kind: .organization, matchID: false), .none, "no acronyms for tombstones")
    }
}
