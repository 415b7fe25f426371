import ArgumentParser
import PDFDocuments

extension LinkGraphCommand {
    /// The child side of the PDF reader's sandbox: `extract` starts `linkgraph pdf-worker` for
    /// every PDF, so that a crash or a hang in poppler or Tesseract ends the worker, not
    /// linkgraph. Not for users; hidden from the help.
    struct PDFWorkerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: PDFWorker.commandName,
            abstract: "Read one PDF for linkgraph itself (the PDF on standard input, the text on descriptor 3).",
            shouldDisplay: false
        )

        @Argument(parsing: .captureForPassthrough, help: "The sandbox's limits.")
        var arguments: [String] = []

        func run() throws {
            let status = PDFWorker.run(arguments: arguments)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

extension GraphvizOptions {
    /// Where PDFs are read: in a worker with the same `--timeout` and `--memory-limit` as
    /// Graphviz's (per PDF), or in this process with `--in-process`.
    var pdfReader: PDFReader {
        get throws {
            if inProcess { return PDFReader(isolation: .inProcess) }
            let limits = PDFSandbox.Limits(seconds: timeout, memoryBytes: memoryLimit << 20)
            guard PDFSandbox.currentExecutable(limits: limits) != nil else {
                throw ValidationError("cannot find linkgraph's own executable to read PDFs in; give --in-process")
            }
            return PDFReader(isolation: .sandboxed(limits))
        }
    }
}
