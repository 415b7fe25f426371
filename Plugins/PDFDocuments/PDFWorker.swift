import Foundation
import LinkGraphProcess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The child side of `PDFSandbox`: one PDF read in a process of its own, under resource
/// limits, so that a crash or a hang in poppler or Tesseract ends this process and not the
/// one that asked (poppler has a long history of memory-safety bugs).
///
/// A program becomes the worker by calling `run(arguments:)` when started with `commandName`
/// (`linkgraph pdf-worker`). The worker
/// 1. sets its limits (`WorkerLimits`: `--memory`, `--cpu`, `--output`);
/// 2. reads the PDF's bytes from standard input to their end;
/// 3. reads it with `PDFPageReader` (limits as JSON after `--limits`), writing `page N` on
///    descriptor 3 before each page;
/// 4. writes `result` and a line break, then the answer (`Answer`, JSON), and exits 0, also
///    when the PDF could not be read (the answer says why).
public enum PDFWorker {
    /// The first argument that makes a program act as the worker.
    public static let commandName = "pdf-worker"

    static let pagePrefix = "page "
    static let resultLine = "result"

    /// The worker's answer.
    struct Answer: Codable {
        var text: PDFText?
        var failure: PDFFailure?
    }

    /// Reads one PDF and returns the exit status (0 when an answer was written; 2 for
    /// arguments or input it cannot use; 3 when descriptor 3 is not open).
    /// - Parameter arguments: The arguments after `commandName`.
    public static func run(arguments: [String]) -> Int32 {
        guard fcntl(WorkerProcess.channel, F_GETFD) >= 0 else {
            complain("descriptor 3 is not open; this command is run by linkgraph itself")
            return 3
        }
        guard let (workerLimits, rest) = WorkerLimits.parse(arguments) else {
            complain("--memory, --cpu and --output take a whole number")
            return 2
        }
        var limits = PDFLimits.default
        if rest.count == 2, rest[0] == "--limits" {
            guard let decoded = try? JSONDecoder().decode(PDFLimits.self, from: Data(rest[1].utf8)) else {
                complain("--limits takes the limits as JSON")
                return 2
            }
            limits = decoded
        } else if !rest.isEmpty {
            complain("unknown argument \(rest[0])")
            return 2
        }
        workerLimits.apply()
        // Poppler's GLib binding logs the damage it repairs at the info level of the domain
        // "Poppler", which GLib prints (on standard output, captured by the sandbox) only when asked.
        setenv("G_MESSAGES_DEBUG", "Poppler", 1)
        guard let input = readStandardInput() else {
            complain("cannot read the PDF from standard input")
            return 2
        }
        var answer = Answer()
        do {
            answer.text = try PDFPageReader(limits: limits).read(input) { send(Data("\(pagePrefix)\($0)\n".utf8)) }
        } catch {
            answer.failure = error
        }
        guard let encoded = try? JSONEncoder().encode(answer) else {
            complain("cannot encode the answer")
            return 2
        }
        send(Data("\(resultLine)\n".utf8))
        send(encoded)
        return 0
    }

    private static func complain(_ message: String) {
        FileHandle.standardError.write(Data("\(commandName): \(message)\n".utf8))
    }

    private static func send(_ data: Data) {
        data.withUnsafeBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = write(WorkerProcess.channel, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                pointer += written
                left -= written
            }
        }
    }

    private static func readStandardInput() -> [UInt8]? {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[..<count])
        }
    }
}
