/// English inflection of trigger lemmas: the verb forms a pattern must match ("recruit" →
/// recruits, recruited, recruiting) and noun plurals ("member" → members).
///
/// Regular rules (e-dropping, y → i, consonant doubling after a single short vowel) plus a table
/// of irregular verbs; enough for the relation vocabulary, not a general morphology.
/// - Complexity: O(length of the word).
enum Inflection {
    /// Irregular past and past participle.
    static let irregular: [String: (past: [String], participle: [String])] = [
        "be": (["was", "were"], ["been"]), "have": (["had"], ["had"]), "do": (["did"], ["done"]),
        "go": (["went"], ["gone"]), "run": (["ran"], ["run"]), "lead": (["led"], ["led"]), "meet": (["met"], ["met"]),
        "pay": (["paid"], ["paid"]), "fight": (["fought"], ["fought"]), "hold": (["held"], ["held"]),
        "give": (["gave"], ["given"]), "sell": (["sold"], ["sold"]), "buy": (["bought"], ["bought"]),
        "send": (["sent"], ["sent"]), "keep": (["kept"], ["kept"]), "leave": (["left"], ["left"]),
        "flee": (["fled"], ["fled"]), "break": (["broke"], ["broken"]), "swear": (["swore"], ["sworn"]),
        "bear": (["bore"], ["born", "borne"]), "seek": (["sought"], ["sought"]), "take": (["took"], ["taken"]),
        "tell": (["told"], ["told"]), "find": (["found"], ["found"]), "set": (["set"], ["set"]),
        "put": (["put"], ["put"]),
        "hide": (["hid"], ["hidden"]), "win": (["won"], ["won"]), "begin": (["began"], ["begun"]),
        "speak": (["spoke"], ["spoken"]), "write": (["wrote"], ["written"]), "oversee": (["oversaw"], ["overseen"]),
        "become": (["became"], ["become"]), "come": (["came"], ["come"]), "know": (["knew"], ["known"]),
        "get": (["got"], ["got", "gotten"]), "make": (["made"], ["made"]), "lend": (["lent"], ["lent"]),
        "deal": (["dealt"], ["dealt"]), "steal": (["stole"], ["stolen"]), "shoot": (["shot"], ["shot"]),
        "stand": (["stood"], ["stood"]), "teach": (["taught"], ["taught"]), "catch": (["caught"], ["caught"]),
        "think": (["thought"], ["thought"]), "lose": (["lost"], ["lost"]), "see": (["saw"], ["seen"]),
        "say": (["said"], ["said"]), "bring": (["brought"], ["brought"]), "spend": (["spent"], ["spent"]),
        "feed": (["fed"], ["fed"]), "undertake": (["undertook"], ["undertaken"]),
        "withdraw": (["withdrew"], ["withdrawn"]),
        "forsake": (["forsook"], ["forsaken"]), "strike": (["struck"], ["struck"]), "lay": (["laid"], ["laid"]),
    ]

    /// Verbs of more than one syllable that double their last consonant (stress on the last syllable).
    static let doubling: Set<String> = [
        "control", "patrol", "transfer", "commit", "admit", "equip", "abet", "rebel", "compel", "expel", "propel",
        "surveil", "wiretap", "kidnap", "refer", "occur", "confer", "defer", "enrol", "extol", "handicap",
    ]

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// Whether the verb doubles its final consonant before -ed and -ing.
    static func doubles(_ v: String) -> Bool {
        if doubling.contains(v) { return true }
        let c = Array(v)
        guard c.count >= 3, !vowels.contains(c[c.count - 1]), !"wxy".contains(c[c.count - 1]),
            vowels.contains(c[c.count - 2]),
            !vowels.contains(c[c.count - 3])
        else { return false }
        // One vowel group only: a one-syllable word (plan, ship, tap).
        var groups = 0
        var inVowel = false
        for ch in c {
            let v = vowels.contains(ch) || (ch == "y" && !inVowel && groups > 0)
            if v && !inVowel { groups += 1 }
            inVowel = v
        }
        return groups == 1
    }

    static func thirdPerson(_ v: String) -> String {
        if v == "be" { return "is" }
        if v == "have" { return "has" }
        if v.hasSuffix("s") || v.hasSuffix("x") || v.hasSuffix("z") || v.hasSuffix("ch") || v.hasSuffix("sh")
            || v.hasSuffix("o")
        {
            return v + "es"
        }
        if consonantY(v) { return String(v.dropLast()) + "ies" }
        return v + "s"
    }

    static func past(_ v: String) -> [String] {
        if let irr = irregular[v] { return irr.past }
        return [regularPast(v)]
    }

    static func participle(_ v: String) -> [String] {
        if let irr = irregular[v] { return irr.participle }
        return [regularPast(v)]
    }

    static func gerund(_ v: String) -> String {
        if v == "be" { return "being" }
        if v.hasSuffix("ie") { return String(v.dropLast(2)) + "ying" }
        if v.hasSuffix("e") && !v.hasSuffix("ee") && !v.hasSuffix("ye") && !v.hasSuffix("oe") && v.count > 2 {
            return String(v.dropLast()) + "ing"
        }
        if doubles(v) { return v + String(v.last!) + "ing" }
        return v + "ing"
    }

    private static func regularPast(_ v: String) -> String {
        if v.hasSuffix("e") { return v + "d" }
        if consonantY(v) { return String(v.dropLast()) + "ied" }
        if doubles(v) { return v + String(v.last!) + "ed" }
        return v + "ed"
    }

    private static func consonantY(_ v: String) -> Bool {
        guard v.count >= 2, v.hasSuffix("y") else { return false }
        return !vowels.contains(Array(v)[v.count - 2])
    }

    /// Every finite or non-finite form: base, -s, past, participle, -ing (and for "be": am, is,
    /// are, was, were, been, being).
    static func allForms(_ v: String) -> [String] {
        if v == "be" { return ["be", "am", "is", "are", "was", "were", "been", "being"] }
        var out = [v, thirdPerson(v), gerund(v)] + past(v) + participle(v)
        var seen = Set<String>()
        out.removeAll { !seen.insert($0).inserted }
        return out
    }

    static func plural(_ n: String) -> String {
        if n.hasSuffix("man") { return String(n.dropLast(3)) + "men" }
        if n.hasSuffix("s") || n.hasSuffix("x") || n.hasSuffix("ch") || n.hasSuffix("sh") { return n + "es" }
        if consonantY(n) { return String(n.dropLast()) + "ies" }
        return n + "s"
    }
}
