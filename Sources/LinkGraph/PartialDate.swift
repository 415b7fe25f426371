/// An ISO-8601 date prefix: a year, a year and month, or a full date (`2014`, `2014-12`,
/// `2014-12-03`), as case files write `from` and `until`.
///
/// A partial date stands for an interval: `2014` is all of 2014. `earliestDay` and
/// `latestDay` give its bounds, so "valid on a date" is decided without inventing precision.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts[0].count == 4, let year = Int(parts[0]), parts[0].allSatisfy(\.isASCII)
        else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), let m = month,
                (1...PartialDate.daysIn(month: m, year: year)).contains(d)
            else { return nil }
            day = d
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// The text form, as it is written in a case file.
    public var description: String {
        var s = String(year)
        s = String(repeating: "0", count: max(0, 4 - s.count)) + s
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }

    /// The first day the prefix covers, as `yyyymmdd`.
    public var earliestDay: Int { year * 10_000 + (month ?? 1) * 100 + (day ?? 1) }

    /// The last day the prefix covers, as `yyyymmdd`.
    public var latestDay: Int {
        let m = month ?? 12
        return year * 10_000 + m * 100 + (day ?? PartialDate.daysIn(month: m, year: year))
    }

    /// Orders by earliest day, then by precision (a year before its months).
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        if a.earliestDay != b.earliestDay { return a.earliestDay < b.earliestDay }
        return a.latestDay > b.latestDay
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
