import CLibFuzzer
import LinkGraphPlugin
import MailArchives

/// The mail reader on arbitrary bytes, read as an mbox (or a lone message): headers, folding,
/// addresses, dates, RFC 2047 words, MIME multiparts, quoted-printable, base64 and charsets;
/// then the extractor's graph of the messages that were read.
///
/// Oracle: no crash or hang; every error is a `MailError` naming the file and a message
/// number within the file's messages; every header section and body offset lies in the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMail(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let results = MailArchiveReader.read(bytes, file: "fuzz.mbox")
    for (n, result) in results.enumerated() {
        switch result {
        case .success(let message):
            guard message.headerStart <= message.headerEnd, message.headerEnd <= size, message.end <= size else {
                fatalError("message \(n + 1) points outside the input")
            }
            for part in message.bodyParts where part.start > part.end || part.end > size {
                fatalError("a body part of message \(n + 1) points outside the input")
            }
        case .failure(let error):
            guard error.file == "fuzz.mbox", error.message == n + 1 else {
                fatalError("error names the wrong message: \(error)")
            }
        }
    }
    let request = ExtractionRequest(
        id: "d", mediaType: "application/mbox", bytes: bytes, metadata: ["path": "fuzz.mbox"])
    do {
        let result = try MailArchivesExtractor().extractParts(request)
        for relation in result.caseFile.relations {
            for evidence in relation.evidence where (evidence.end ?? 0) > size {
                fatalError("evidence outside the input")
            }
        }
    } catch {
        fatalError("extractParts threw: \(error)")
    }
    return 0
}

/// The entry point: SwiftPM links `main` as `FuzzMail_main`; libFuzzer's driver takes over.
@_cdecl("FuzzMail_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzMail(data, size) }
}
