import LinkGraph

/// The dates a page gives itself in `<meta>`: when it was published and last changed.
///
/// Published, first found of: `article:published_time`, `og:published_time`,
/// `datepublished`, `date`, `dc.date`, `dc.date.issued`, `dcterms.date`, `dcterms.issued`,
/// `dcterms.created`, `citation_publication_date`, `pubdate`, `publish-date`,
/// `sailthru.date`, `parsely-pub-date`. Modified: `article:modified_time`, `og:updated_time`,
/// `datemodified`, `dcterms.modified`, `last-modified`.
///
/// A value is read as the ISO 8601 date it starts with (`2016-05-03T09:12:00+02:00` is
/// 2016-05-03, the day as the publisher wrote it, without moving it to UTC), a year and
/// month, or a year; `2016/05/03` is read too. Anything else is ignored.
struct PageDates: Equatable {
    var published: PartialDate?
    var modified: PartialDate?

    static let publishedNames = [
        "article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
        "dcterms.date", "dcterms.issued", "dcterms.created", "citation_publication_date", "pubdate", "publish-date",
        "sailthru.date", "parsely-pub-date",
    ]
    static let modifiedNames = [
        "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified",
    ]

    init(_ meta: [HTMLMeta]) {
        published = Self.first(Self.publishedNames, in: meta)
        modified = Self.first(Self.modifiedNames, in: meta)
    }

    static func first(_ names: [String], in meta: [HTMLMeta]) -> PartialDate? {
        for name in names {
            for entry in meta where entry.name == name {
                if let date = date(entry.content) { return date }
            }
        }
        return nil
    }

    /// The date an ISO 8601 value starts with; nil when it starts with none.
    static func date(_ value: String) -> PartialDate? {
        let text = value.replacingOccurrences(of: "/", with: "-")
        let head = text.prefix { $0.isASCII && ($0.isNumber || $0 == "-") }
        // "2016-13-01" is no date at all, not the year 2016; "20160503" is none either.
        let parts = head.split(separator: "-", omittingEmptySubsequences: false).prefix(3)
        return PartialDate(parts.joined(separator: "-"))
    }
}
