// TextPatterns benchmark and driver.
//
//   TextPatternsBench extract FILE [--rules F] [--gazetteer F]   extraction of FILE as JSON on stdout
//   TextPatternsBench bench --mb 50 FILE...                        throughput over FILE... repeated to ~50 MB
import Foundation
import LinkGraph
import LinkGraphPlugin
import TextPatterns

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

var args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else { fail("usage: TextPatternsBench extract FILE | bench --mb N FILE...") }
args.removeFirst()
var rules: [String] = []
var gazetteers: [String] = []
var megabytes = 50.0
var files: [String] = []
var i = 0
while i < args.count {
    switch args[i] {
    case "--rules": rules.append(args[i + 1]); i += 2
    case "--gazetteer": gazetteers.append(args[i + 1]); i += 2
    case "--mb": megabytes = Double(args[i + 1]) ?? 50; i += 2
    default: files.append(args[i]); i += 1
    }
}

do {
    let extractor = try TextPatternsExtractor(userRulesFiles: rules, userGazetteerFiles: gazetteers)
    switch command {
    case "extract":
        guard let file = files.first, let data = FileManager.default.contents(atPath: file) else {
            fail("cannot read \(files)")
        }
        let request = ExtractionRequest(id: "doc", mediaType: "text/plain", bytes: Array(data))
        let found = try extractor.extract(request)
        print(JSONWriter.pretty(found.jsonValue(document: "doc")))
    case "bench":
        let texts = try files.map { f -> [UInt8] in
            guard let d = FileManager.default.contents(atPath: f) else {
                throw TextPatternsError.unreadable(file: f, reason: "missing")
            }
            return Array(d)
        }
        guard !texts.isEmpty else { fail("no files") }
        // Documents: the texts in turn until ~N MB.
        var docs: [[UInt8]] = []
        var total = 0
        while Double(total) < megabytes * 1_000_000 {
            for t in texts {
                docs.append(t)
                total += t.count
            }
        }
        var words = 0
        for d in docs {
            var inWord = false
            for b in d {
                let w = b > 32
                if w && !inWord { words += 1 }
                inWord = w
            }
        }
        let clock = ContinuousClock()
        var entities = 0
        var relations = 0
        let elapsed = try clock.measure {
            for (n, d) in docs.enumerated() {
                let found = try extractor.extract(ExtractionRequest(id: "d\(n)", mediaType: "text/plain", bytes: d))
                entities += found.entities.count
                relations += found.relations.count
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let mb = Double(total) / 1_000_000
        print(
            String(
                format: "bytes=%d docs=%d words=%d seconds=%.3f MB/s=%.2f words/s=%.0f entities=%d relations=%d",
                total, docs.count, words, seconds, mb / seconds, Double(words) / seconds, entities, relations))
    default:
        fail("unknown command \(command)")
    }
} catch {
    fail("\(error)")
}
