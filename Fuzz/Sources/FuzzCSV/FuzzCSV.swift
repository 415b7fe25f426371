import CLibFuzzer
import CSVTables
import Foundation
import LinkGraph
import LinkGraphFormats
import LinkGraphPlugin

/// The CSV readers: `CSVTable.parse` (RFC 4180 through `CSVReader`: quotes, CRLF/LF/CR,
/// byte-order mark, blank lines, UTF-8) as `linkgraph import` reads tables, then the same
/// bytes through the csv-tables extractor as `linkgraph extract` reads them.
///
/// Oracles: failures are `FormatError`/`CSVTablesError` naming the file; a table that reads is
/// written (`text()`) and read back equal (a one-column row whose only cell is absent is a
/// blank line, which CSV cannot tell from none, so such tables are only read); an extraction
/// passes the checks a plug-in's answer gets and gives a valid case-file fragment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let table = try CSVTable.parse(Data(bytes), file: "fuzz.csv")
        let blankRow = table.header.count == 1 && table.rows.contains { $0 == [nil] }
        if !blankRow {
            let text = table.text()
            let again = try CSVTable.parse(Data(text.utf8), file: "written.csv")
            guard again.header == table.header, again.rows == table.rows else {
                fatalError("written and read back, the table differs:\n\(text)")
            }
        }
    } catch let error as FormatError {
        guard error.description.hasPrefix("fuzz.csv") else { fatalError("message without the file name: \(error)") }
    } catch {
        fatalError("untyped error from CSVTable.parse: \(error)")
    }
    let request = ExtractionRequest(id: "d", mediaType: "text/csv", bytes: bytes, metadata: ["path": "fuzz.csv"])
    let extraction: Extraction
    do {
        extraction = try CSVTablesExtractor().extract(request)
    } catch let error as CSVTablesError {
        guard error.file == "fuzz.csv" else { fatalError("error names the wrong file: \(error)") }
        return 0
    } catch {
        fatalError("untyped error from CSVTablesExtractor.extract: \(error)")
    }
    do {
        try extraction.validate(document: "d", documentLength: size)
    } catch {
        fatalError("the extraction does not pass a plug-in answer's checks: \(error)")
    }
    let fragment = extraction.caseFile(
        document: Document(id: "d", title: "fuzz.csv", source: "fuzz.csv"), extractor: "csv-tables", text: bytes)
    let json = fragment.jsonText()
    do {
        _ = try CaseFile(jsonBytes: Array(json.utf8), file: "fragment.json")
    } catch {
        fatalError("the extraction's case file is not valid: \(error)\n\(json)")
    }
    return 0
}

/// The entry point: SwiftPM links `main` as `FuzzCSV_main`; libFuzzer's driver takes over.
@_cdecl("FuzzCSV_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzCSV(data, size) }
}
