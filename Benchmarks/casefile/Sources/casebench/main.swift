// Times LinkGraph's case-file reader and writer on one file; driven by casefile/run.py.
//
//   casebench read FILE    → {"parse": s, "decode": s, "total": s, "cpu": s, "entities": n, "relations": n}
//   casebench write FILE   → {"write": s, "cpu": s, "bytes": n}   (FILE is read first, then written to memory)
//
// Seconds exclude process start; "total" is reading the bytes, parsing and decoding, as
// `CaseFile.read(from:)` does; "cpu" is the process's CPU time over the same span (on a
// machine shared with other work, the fairer figure).
import Foundation
import LinkGraph

func seconds(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

/// The process's CPU time in seconds.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count == 3, ["read", "write"].contains(arguments[1]) else {
    FileHandle.standardError.write("usage: casebench read|write FILE\n".data(using: .utf8)!)
    exit(64)
}
let path = arguments[2]

switch arguments[1] {
case "read":
    let cpuStart = cpuSeconds()
    let start = DispatchTime.now()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let parseStart = DispatchTime.now()
    let json = try JSONParser.parse(bytes, maxDepth: JSONParser.defaultMaxDepth)
    let parse = seconds(parseStart)
    let decodeStart = DispatchTime.now()
    let caseFile = try CaseFile(json: json, file: path)
    let decode = seconds(decodeStart)
    let total = seconds(start)
    let cpu = cpuSeconds() - cpuStart
    print(
        #"{"parse": \#(parse), "decode": \#(decode), "total": \#(total), "cpu": \#(cpu), "entities": \#(caseFile.entities.count), "relations": \#(caseFile.relations.count)}"#
    )
default:
    let caseFile = try CaseFile.read(from: path)
    let cpuStart = cpuSeconds()
    let start = DispatchTime.now()
    let text = caseFile.jsonText()
    let write = seconds(start)
    let cpu = cpuSeconds() - cpuStart
    print(#"{"write": \#(write), "cpu": \#(cpu), "bytes": \#(text.utf8.count)}"#)
}
