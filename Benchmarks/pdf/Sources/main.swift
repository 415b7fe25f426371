import Foundation
import PDFDocuments
import PDFTestSupport

// PDF reading throughput (Benchmarks/pdf/run.sh):
//   pdf-bench generate DIR TEXTFILES PAGES SCANS   our own prose as text PDFs and scanned pages
//   pdf-bench read [--worker] FILES...             prints "PAGES SECONDS" for reading them all
// With --worker each file is read in a worker process, this program acting as the worker.

if CommandLine.arguments.dropFirst().first == PDFWorker.commandName {
    exit(PDFWorker.run(arguments: Array(CommandLine.arguments.dropFirst(2))))
}

/// Sentences from a fixed vocabulary, drawn with a seeded generator (SplitMix64).
struct Prose {
    var state: UInt64
    let people = ["Mara Quill", "Tomas Venn", "Ivo Brandt", "Anton Sorel", "Petra Lindqvist", "Ana Ruiz"]
    let verbs = ["met", "paid", "called", "wrote to", "advised", "watched"]
    let places = ["Lisbon", "Vienna", "Rotterdam", "Tallinn", "Genoa", "Porto"]

    mutating func next() -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
    }

    mutating func line() -> String {
        let a = people[next() % people.count], b = people[next() % people.count]
        return "\(a) \(verbs[next() % verbs.count]) \(b) in \(places[next() % places.count]) on day \(next() % 300)."
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "generate" where arguments.count == 5:
    let dir = arguments[1]
    guard let files = Int(arguments[2]), let pages = Int(arguments[3]), let scans = Int(arguments[4]) else { exit(2) }
    var prose = Prose(state: 42)
    for f in 0..<files {
        let content = (0..<pages).map { _ in TestPDF.Page((0..<36).map { _ in prose.line() }) }
        TestPDF.write(content, to: "\(dir)/text-\(f).pdf")
    }
    for s in 0..<scans {
        TestPDF.write(
            [TestPDF.Page((0..<20).map { _ in prose.line() }, scanned: true)], to: "\(dir)/scan-\(s).pdf", scanDPI: 300)
    }
case "read":
    let worker = arguments.dropFirst().first == "--worker"
    let files = Array(arguments.dropFirst(worker ? 2 : 1))
    let isolation: PDFReader.Isolation = worker ? .sandboxed(.default) : .inProcess
    let reader = PDFReader(isolation: isolation)
    let start = Date()
    var pages = 0
    for file in files {
        do {
            pages += try reader.read(Array(try Data(contentsOf: URL(fileURLWithPath: file))), file: file).pages.count
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
    }
    print(pages, Date().timeIntervalSince(start))
default:
    FileHandle.standardError.write(
        Data("usage: pdf-bench generate DIR TEXTFILES PAGES SCANS | read [--worker] FILES...\n".utf8))
    exit(2)
}
