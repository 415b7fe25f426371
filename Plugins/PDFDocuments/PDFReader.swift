/// Reads the text of a PDF, page by page, in a worker process (the default) or in this one.
///
/// ```swift
/// let reader = PDFReader(isolation: .sandboxed(.default))
/// let text = try reader.read(bytes, file: "memo.pdf")
/// ```
/// A program that reads `.sandboxed` must act as the worker when started with
/// `PDFWorker.commandName` (`linkgraph pdf-worker` does).
public struct PDFReader: Sendable {
    public enum Isolation: Sendable {
        /// In a worker started from this program's own executable, with these limits.
        case sandboxed(PDFSandbox.Limits)
        /// In the workers of this sandbox (another executable, or other arguments).
        case worker(PDFSandbox)
        /// In this process: faster to start, but a poppler crash ends the program.
        case inProcess
    }

    public var isolation: Isolation
    public var limits: PDFLimits

    public init(isolation: Isolation = .sandboxed(.default), limits: PDFLimits = .default) {
        self.isolation = isolation
        self.limits = limits
    }

    /// The text of a PDF.
    /// - Parameter file: The file's name, for messages.
    /// - Throws: `PDFError` naming `file`: encrypted, damaged, over the limits, or (in a
    ///   worker) crashed, out of time or memory.
    public func read(_ bytes: [UInt8], file: String) throws(PDFError) -> PDFText {
        let sandbox: PDFSandbox
        switch isolation {
        case .inProcess:
            do {
                return try PDFPageReader(limits: limits).read(bytes)
            } catch {
                throw PDFError(file: file, kind: error.kind, message: error.message)
            }
        case .worker(let given):
            sandbox = given
        case .sandboxed(let sandboxLimits):
            guard let found = PDFSandbox.currentExecutable(limits: sandboxLimits) else {
                throw PDFError(
                    file: file, kind: .worker, message: "cannot find this program's executable to read PDFs in a worker"
                )
            }
            sandbox = found
        }
        return try sandbox.read(bytes, file: file, pdfLimits: limits)
    }
}
