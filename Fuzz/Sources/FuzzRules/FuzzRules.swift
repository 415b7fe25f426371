import CLibFuzzer
import LinkGraphPlugin
import TextPatterns

/// TextPatterns' YAML files: the rules file (parsed, its patterns compiled into an extractor
/// and run on a short text) and, on the same bytes, the gazetteer file.
///
/// Oracle: every failure is a `TextPatternsError` whose message starts with the file's name.
let sample = ExtractionRequest(
    id: "d",
    text: "Omar al-Rashid, the former defence minister of Jordan, met with French officials in March 2016. "
        + "He reported to the Ministry of Interior and advised Dana Keller; Keller's aide left for Britain.")

func check(_ error: Error, _ what: String) {
    guard let error = error as? TextPatternsError else { fatalError("untyped error from \(what): \(error)") }
    guard error.description.hasPrefix("fuzz.yaml") else { fatalError("message without the file name: \(error)") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let rules = try RulesFile(yaml: text, path: "fuzz.yaml")
        let extractor = try TextPatternsExtractor(rules: [rules], gazetteers: [], includeBuiltIns: false)
        _ = try extractor.extract(sample)
    } catch {
        check(error, "the rules file")
    }
    do {
        let gazetteer = try GazetteerFile(yaml: text, path: "fuzz.yaml")
        let extractor = try TextPatternsExtractor(rules: [], gazetteers: [gazetteer], includeBuiltIns: false)
        _ = try extractor.extract(sample)
    } catch {
        check(error, "the gazetteer file")
    }
    return 0
}

/// The entry point: SwiftPM links `main` as `FuzzRules_main`; libFuzzer's driver takes over.
@_cdecl("FuzzRules_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzRules(data, size) }
}
