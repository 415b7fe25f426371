import LinkGraph
import LinkGraphPlugin

/// The communication graph of a set of messages as a case file (see `MailArchivesExtractor`).
enum MailGraph {
    /// One sender–recipient pair, accumulated over its messages.
    struct Pair {
        var count = 0
        var first: PartialDate?
        var last: PartialDate?
        var evidence: [Span] = []
        var messageIDs: [String] = []
        var inReplyTo: [String] = []
        var references: [String] = []
    }

    /// - Complexity: O(m + p) in the mailboxes m and pairs p, plus sorting.
    static func caseFile(_ messages: [MailMessage], document: Document, bytes: [UInt8]) -> CaseFile {
        let people = MailPeople(messages.flatMap { $0.from + $0.recipients })
        var pairs: [Int: [Int: Pair]] = [:]
        var pairOrder: [(Int, Int)] = []
        var messageIDAt: [Int: String] = [:]  // header start → Message-ID
        for message in messages {
            let day = message.date.utcDay
            let span = Span(start: message.headerStart, end: message.headerEnd)
            if let id = message.messageID { messageIDAt[message.headerStart] = id }
            let senders = Set(message.from.compactMap { people.personOf[$0.key] })
            for sender in senders.sorted() {
                var seen: Set<Int> = []
                for recipient in message.recipients {
                    guard let target = people.personOf[recipient.key], target != sender, seen.insert(target).inserted
                    else { continue }
                    if pairs[sender]?[target] == nil { pairOrder.append((sender, target)) }
                    var pair = pairs[sender]?[target] ?? Pair()
                    pair.count += 1
                    pair.first = pair.first.map { min($0, day) } ?? day
                    pair.last = pair.last.map { max($0, day) } ?? day
                    pair.evidence.append(span)
                    if let id = message.messageID { pair.messageIDs.append(id) }
                    pair.inReplyTo.append(contentsOf: message.inReplyTo.filter { !pair.inReplyTo.contains($0) })
                    pair.references.append(contentsOf: message.references.filter { !pair.references.contains($0) })
                    pairs[sender, default: [:]][target] = pair
                }
            }
        }

        var entities: [ExtractedEntity] = []
        var relations: [ExtractedRelation] = []
        var organizations: Set<String> = []
        for (i, person) in people.people.enumerated() {
            let aliases =
                Array(person.names.dropFirst())
                + (person.names.isEmpty ? Array(person.addresses.dropFirst()) : person.addresses)
            entities.append(
                ExtractedEntity(
                    id: "p\(i)", name: person.name, kind: .person, aliases: aliases,
                    attributes: ["emails": .array(person.addresses.map { .string($0) })]))
            var domains: [String] = []
            for address in person.addresses {
                let domain = MailAddress(name: "", address: address).domain
                if !domain.isEmpty, !MailPeople.webmailDomains.contains(domain), !domains.contains(domain) {
                    domains.append(domain)
                }
            }
            for domain in domains {
                if organizations.insert(domain).inserted {
                    entities.append(
                        ExtractedEntity(
                            id: "d:" + domain, name: domain, kind: .organization,
                            attributes: ["domain": .string(domain)]))
                }
                relations.append(ExtractedRelation(source: "p\(i)", target: "d:" + domain, kind: .memberOf))
            }
        }
        for (sender, target) in pairOrder {
            let pair = pairs[sender]![target]!
            var attributes: JSONObject = ["messages": .number(JSONNumber(pair.count))]
            if !pair.messageIDs.isEmpty { attributes["messageIds"] = .array(pair.messageIDs.map { .string($0) }) }
            if !pair.inReplyTo.isEmpty { attributes["inReplyTo"] = .array(pair.inReplyTo.map { .string($0) }) }
            if !pair.references.isEmpty { attributes["references"] = .array(pair.references.map { .string($0) }) }
            relations.append(
                ExtractedRelation(
                    source: "p\(sender)", target: "p\(target)", kind: .emailed, from: pair.first, until: pair.last,
                    evidence: pair.evidence, attributes: attributes, weight: Double(pair.count)))
        }
        var caseFile = Extraction(entities: entities, relations: relations)
            .caseFile(document: document, extractor: MailArchivesExtractor.name, text: bytes)
        // Each header section's evidence names its message.
        for r in caseFile.relations.indices where caseFile.relations[r].kind == .emailed {
            for e in caseFile.relations[r].evidence.indices {
                if let start = caseFile.relations[r].evidence[e].start, let id = messageIDAt[start] {
                    caseFile.relations[r].evidence[e].unknownFields["messageId"] = .string(id)
                }
            }
        }
        return caseFile
    }
}
