import LinkGraph

/// A `Date` header value (RFC 5322 §3.3, with the obsolete forms of §4.3): the moment as
/// seconds since 1970 UTC.
///
/// Accepts an optional day name, `D Mon YYYY HH:MM[:SS] zone`, a zone as `+hhmm`/`-hhmm` or
/// one of the obsolete names (UT, GMT, Z, EST/EDT, CST/CDT, MST/MDT, PST/PDT; other military
/// letters are read as +0000 as §4.3 advises), two-digit years (< 50 → 20xx, else 19xx),
/// comments and extra white space. A missing zone is read as +0000.
public struct MailDate: Equatable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int
    /// The zone offset the header gave, in minutes east of UTC.
    public var zoneMinutes: Int

    /// The UTC calendar day.
    public var utcDay: PartialDate {
        let days = Int((Double(secondsSince1970) / 86_400).rounded(.down))
        let (y, m, d) = Self.civil(fromDays: days)
        return PartialDate(year: y, month: m, day: d)
    }

    /// Parses a header value; nil when it is not a date.
    public init?(_ text: String) {
        var comments: [String] = []
        let cleaned = MailAddress.removeComments(text, into: &comments)
        var words = cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        if let first = words.first, first.count >= 3, Self.dayNames.contains(first.prefix(3).lowercased()),
            Int(first) == nil
        {
            words.removeFirst()
        }
        guard words.count >= 4, let day = Int(words[0]), (1...31).contains(day),
            let month = Self.monthNames.firstIndex(of: words[1].prefix(3).lowercased()), var year = Int(words[2]),
            words[2].count <= 4
        else { return nil }
        if words[2].count <= 2 { year += year < 50 ? 2000 : 1900 } else if words[2].count == 3 { year += 1900 }
        guard (0...9999).contains(year) else { return nil }
        let time = words[3].split(separator: ":").map { Int($0) }
        guard time.count == 2 || time.count == 3, let hour = time[0], let minute = time[1],
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let second = time.count == 3 ? time[2] : 0
        guard let second, (0...60).contains(second) else { return nil }
        var zone = 0
        if words.count >= 5 {
            guard let parsed = Self.zone(words[4]) else { return nil }
            zone = parsed
        }
        guard day <= Self.daysIn(month: month + 1, year: year) else { return nil }
        let days = Self.days(fromCivil: year, month + 1, day)
        secondsSince1970 = days * 86_400 + hour * 3600 + minute * 60 + second - zone * 60
        zoneMinutes = zone
    }

    static let dayNames: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zoneNames: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420,
    ]

    /// A zone in minutes east of UTC.
    static func zone(_ word: String) -> Int? {
        let bytes = Array(word.utf8)
        if bytes.count == 5, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
            let hhmm = Int(String(decoding: bytes[1...], as: UTF8.self)), hhmm % 100 < 60
        {
            let minutes = hhmm / 100 * 60 + hhmm % 100
            return bytes[0] == UInt8(ascii: "-") ? -minutes : minutes
        }
        if let named = zoneNames[word.lowercased()] { return named }
        if word.count == 1, word.first!.isLetter { return 0 }
        return nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
    /// Low-Level Date Algorithms", days_from_civil). <https://howardhinnant.github.io/date_algorithms.html>
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number (the inverse of `days(fromCivil:_:_:)`, Hinnant's civil_from_days).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
