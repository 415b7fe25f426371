import CLibFuzzer
import Foundation
import LinkGraph
import LinkGraphFormats

/// Node-link JSON import as `linkgraph import` does it: the strict JSON parser, then
/// `NodeLinkJSON.read` (nodes, `links` or `edges`, ids as strings, numbers, booleans or
/// lists) and the property graph's case.
///
/// Oracles: failures are `FormatError`s naming the file; an imported case is a valid case
/// file (written and read back) and, written as node-link JSON, reads back to a case with
/// the same entities and relations.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNodeLink(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let imported: CaseImport
    do {
        imported = try NodeLinkJSON.readCase(bytes, file: "fuzz.json")
    } catch let error as FormatError {
        guard error.description.hasPrefix("fuzz.json") else { fatalError("message without the file name: \(error)") }
        return 0
    } catch {
        fatalError("untyped error from NodeLinkJSON.readCase: \(error)")
    }
    let json = imported.caseFile.jsonText()
    do {
        _ = try CaseFile(jsonBytes: Array(json.utf8), file: "imported.json")
    } catch {
        fatalError("the imported case is not a valid case file: \(error)\n\(json)")
    }
    let written = NodeLinkJSON.write(imported.caseFile)
    do {
        let again = try NodeLinkJSON.readCase(Data(written.utf8), file: "written.json").caseFile
        guard Set(again.entities.map(\.id)) == Set(imported.caseFile.entities.map(\.id)),
            again.relations.count == imported.caseFile.relations.count
        else {
            fatalError("written and read back, the case has other entities or relations:\n\(written)")
        }
    } catch {
        fatalError("the written node-link JSON does not read back: \(error)\n\(written)")
    }
    return 0
}

/// The entry point: SwiftPM links `main` as `FuzzNodeLink_main`; libFuzzer's driver takes over.
@_cdecl("FuzzNodeLink_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzNodeLink(data, size) }
}
