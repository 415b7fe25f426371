import LinkGraph

/// The people of a set of messages: mailboxes merged by address, and by display name across
/// addresses where the name is unambiguous.
///
/// Addresses are compared in lower case. Two addresses are the same person when one display
/// name of at least two words (compared without case and extra spaces) is used with both, and
/// no address concerned is ever used with another name of two words or more (so
/// "Mara Quill" at work and at gmail is one person, but an address shared by two named people
/// joins nobody). One-word names and names that are addresses never merge.
/// - Complexity: O(m α(m)) in the mailboxes m.
struct MailPeople {
    /// One person: the addresses and display names, most used name first.
    struct Person {
        var addresses: [String]
        var names: [String]
        /// The display name used most (first met on a tie), else the first address.
        var name: String { names.first ?? addresses[0] }
    }

    private(set) var people: [Person] = []
    /// The person of each address key.
    private(set) var personOf: [String: Int] = [:]

    /// Domains of webmail providers: their addresses make no organization (a person at
    /// gmail.com is not a member of Google).
    static let webmailDomains: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "hotmail.com", "hotmail.co.uk",
        "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com", "me.com", "mac.com", "gmx.de", "gmx.net",
        "web.de", "protonmail.com", "proton.me", "yandex.ru", "mail.ru", "zoho.com", "fastmail.com", "qq.com",
        "163.com",
    ]

    init(_ mailboxes: [MailAddress]) {
        var order: [String] = []  // address keys, first met first
        var written: [String: String] = [:]  // key → the address as first written
        var nameCounts: [String: [String: Int]] = [:]  // key → display name → uses
        var firstNameOrder: [String: [String]] = [:]
        for mailbox in mailboxes {
            let key = mailbox.key
            if written[key] == nil {
                written[key] = mailbox.address
                order.append(key)
            }
            let name = mailbox.name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !name.isEmpty, name.lowercased() != key else { continue }
            if nameCounts[key, default: [:]][name] == nil { firstNameOrder[key, default: []].append(name) }
            nameCounts[key, default: [:]][name, default: 0] += 1
        }

        // Union-find over addresses.
        var sets = UnionFind(count: order.count)
        let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        func fullNames(_ key: String) -> Set<String> {
            Set((nameCounts[key] ?? [:]).keys.map(Self.nameKey).filter { $0.contains(" ") })
        }
        var addressesOfName: [String: [String]] = [:]
        for key in order {
            for name in fullNames(key) { addressesOfName[name, default: []].append(key) }
        }
        for (_, keys) in addressesOfName where keys.count > 1 && keys.allSatisfy({ fullNames($0).count == 1 }) {
            for key in keys.dropFirst() { sets.union(index[keys[0]]!, index[key]!) }
        }

        var personOfRoot: [Int: Int] = [:]
        var counts: [[String: Int]] = []
        var nameOrder: [[String]] = []
        for (i, key) in order.enumerated() {
            let root = sets.find(i)
            let person: Int
            if let known = personOfRoot[root] {
                person = known
            } else {
                person = people.count
                personOfRoot[root] = person
                people.append(Person(addresses: [], names: []))
                counts.append([:])
                nameOrder.append([])
            }
            people[person].addresses.append(written[key]!)
            personOf[key] = person
            for name in firstNameOrder[key] ?? [] {
                if counts[person][name] == nil { nameOrder[person].append(name) }
                counts[person][name, default: 0] += nameCounts[key]![name]!
            }
        }
        for p in people.indices {
            let position = Dictionary(uniqueKeysWithValues: nameOrder[p].enumerated().map { ($1, $0) })
            people[p].names = nameOrder[p].sorted {
                (counts[p][$0]!, -position[$0]!) > (counts[p][$1]!, -position[$1]!)
            }
        }
    }

    /// A display name as compared: lower case, single spaces.
    static func nameKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
