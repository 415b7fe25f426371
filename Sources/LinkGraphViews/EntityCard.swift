import Foundation
import LinkGraph
import LinkGraphFormats

/// The HTML-like label of an entity: its name in bold, its kind, and its role when known.
/// Every user string is escaped, so a name can never become markup.
enum EntityCard {
    /// The longest text shown on a card line; longer names are cut with an ellipsis (the
    /// tooltip keeps the whole name).
    static let maxLineLength = 60
    /// The longest role shown under the name; the tooltip has the whole role.
    static let maxRoleLength = 42

    /// - Parameters:
    ///   - highlighted: Adds a "switched sides" line (the defection view's defectors).
    ///   - faded: Greys the text out (context around a highlighted path or chain).
    ///   - namePointSize: The name's size when nodes are sized by a measure.
    static func html(for entity: Entity, highlighted: Bool, faded: Bool = false, namePointSize: Double? = nil) -> String
    {
        var name = "<B>\(escape(entity.name))</B>"
        if let namePointSize { name = "<FONT POINT-SIZE=\"\(namePointSize)\">\(name)</FONT>" }
        var rows = "<TR><TD>\(name)</TD></TR>"
        var subtitle = entity.kind.rawValue
        if let role = entity.attribute("role"), !role.isEmpty {
            subtitle += " · " + Quotation.shortened(role, limit: maxRoleLength)
        }
        let subtitleColour = faded ? ViewStyle.fadedText : "#555555"
        rows += "<TR><TD><FONT POINT-SIZE=\"9\" COLOR=\"\(subtitleColour)\">\(escape(subtitle))</FONT></TD></TR>"
        if highlighted {
            rows +=
                "<TR><TD><FONT POINT-SIZE=\"9\" COLOR=\"\(ViewStyle.defectorColour)\">switched sides</FONT></TD></TR>"
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">\(rows)</TABLE>"
    }

    /// Escaped and shortened text for a card line.
    static func escape(_ text: String) -> String {
        DOTHTML.escape(Quotation.shortened(text, limit: maxLineLength))
    }
}

/// Stable SVG ids for diagram elements, so a web page can target them.
public enum ElementID {
    /// `entity-` followed by the entity id with anything but letters, digits, `-` and `_`
    /// replaced by `_`.
    public static func entity(_ id: String) -> String { "entity-" + sanitize(id) }

    /// `relation-N` for the relation at index N of the case file.
    public static func relation(_ index: Int) -> String { "relation-\(index)" }

    static func sanitize(_ text: String) -> String {
        String(
            text.unicodeScalars.map { scalar -> Character in
                let ok =
                    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_"
                return ok ? Character(scalar) : "_"
            })
    }
}

/// Edge labels: the relation kind, with its dates when it has them.
enum EdgeLabel {
    static func text(for relation: Relation, withDates: Bool) -> String {
        var text = relation.kind.rawValue
        if withDates, let dates = Tooltip.dates(relation) { text += "\n" + dates }
        return text
    }
}

/// Tooltip text: kind, dates, confidence and evidence, so a reader can check every element.
enum Tooltip {
    static func entity(_ entity: Entity) -> String {
        var lines = ["\(entity.name) (\(entity.kind.rawValue))"]
        if let role = entity.attribute("role") { lines.append(role) }
        if !entity.aliases.isEmpty { lines.append("also: " + entity.aliases.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    /// The longest evidence quotation shown in a relation's tooltip, in characters.
    static let maxQuotation = 300

    /// `Source Name kind Target Name`, the dates, the confidence, and each piece of evidence:
    /// its citation (`doc[12..<40]`) and, when the case holds it, the quoted text.
    /// - Parameter names: Entity names by id; an id without a name is shown as it is.
    static func relation(_ relation: Relation, names: [String: String] = [:]) -> String {
        let source = names[relation.source] ?? relation.source
        let target = names[relation.target] ?? relation.target
        var lines = ["\(source) \(relation.kind.rawValue) \(target)"]
        if let dates = dates(relation) { lines.append(dates) }
        if let confidence = relation.confidence { lines.append("confidence \(confidence)") }
        for evidence in relation.evidence {
            var line = "evidence: " + evidence.citation
            if let text = evidence.text, !text.isEmpty {
                line += " “" + Quotation.shortened(text, limit: maxQuotation) + "”"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `2014–2018`, `from 2014`, `until 2018`, or nil when the relation has no dates.
    static func dates(_ relation: Relation) -> String? {
        switch (relation.from, relation.until) {
        case (let from?, let until?): return from == until ? from.description : "\(from)–\(until)"
        case (let from?, nil): return "from \(from)"
        case (nil, let until?): return "until \(until)"
        case (nil, nil): return nil
        }
    }
}
