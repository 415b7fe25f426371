import LinkGraph

/// One place in the text that names (or stands for) an entity.
struct Mention {
    enum Source: UInt8 {
        /// A gazetteer name or alias.
        case gazetteer
        /// A gazetteer demonym (`Iranian`, `the Americans`).
        case demonym
        /// A title-case name found in the text.
        case name
        /// An upper-case acronym found in the text.
        case acronym
        /// A designation such as `Source 134992`.
        case designation
        /// An unnamed entity a rule created (`al-Jabouri's adviser`).
        case created
        /// `he`, `him`, `she`: stands for the nearest person before it.
        case pronoun
        /// `the bank`, `the brigade`: stands for the nearest organization whose name ends so.
        case definite
    }

    /// A pronoun or definite description: it stands for an entity but does not name it.
    var isReference: Bool { source == .pronoun || source == .definite }

    /// Token indices, end exclusive.
    var tokens: Range<Int>
    var source: Source
    /// The gazetteer entry, for `.gazetteer` and `.demonym`.
    var entry: Int32 = -1
    /// What the context says the entity is (honorific → person, `Forces` → organization, ...).
    var kindHint: EntityKind?
    /// An adjectival demonym (`Iraqi Shia militia`): refers to the country only loosely, so
    /// relation slots skip it unless a rule asks for `:weak`.
    var weak = false
    /// Token index where a title or rank before the name starts (`Lt. Gen.`), if any.
    var honorificStart: Int?
    var sentence: Int
    /// The entity (cluster) it belongs to, once coreference has run.
    var cluster: Int = -1
    /// For a created mention: its name.
    var createdName: String?
}
