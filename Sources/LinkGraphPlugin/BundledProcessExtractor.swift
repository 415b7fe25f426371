import Foundation
import LinkGraph

/// A subprocess plug-in shipped with LinkGraph (such as `Plugins/SpacyExtractor`), listed as a
/// built-in: its description is known up front, so listing or building a registry starts no
/// process, and it is started through `ProcessExtractor` (the subprocess loader that
/// `--plugin-exec` uses, with its time and size limits) on its first document.
///
/// When it is started, its own `--describe` must give the same name and media types as the
/// description given here; a difference, or a failure to start, fails each document with the
/// `PluginError` that says why.
public final class BundledProcessExtractor: Extractor, @unchecked Sendable {
    public let description: ExtractorDescription
    /// The command line, as `ProcessExtractor` takes it.
    public let command: String
    public let timeout: Double

    private let lock = NSLock()
    private var process: ProcessExtractor?

    /// - Parameters:
    ///   - description: What the plug-in is; its `origin` is set to `.process(command:)`.
    ///   - command: The command line that runs it.
    ///   - timeout: Seconds allowed per document (`ProcessExtractor`'s limit).
    public init(description: ExtractorDescription, command: String, timeout: Double = ProcessExtractor.defaultTimeout) {
        var description = description
        description.origin = .process(command: command)
        self.description = description
        self.command = command
        self.timeout = timeout
    }

    /// A command line of words, each quoted so that `CommandLineWords.split` gives it back.
    public static func commandLine(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }.joined(separator: " ")
    }

    public func extract(_ request: ExtractionRequest) throws -> Extraction {
        try started().extract(request)
    }

    /// The running plug-in, started (and its description checked) on first use.
    /// - Throws: `PluginError` from `ProcessExtractor.init`, or `.invalidDescription` when the
    ///   plug-in describes itself differently.
    public func started() throws -> ProcessExtractor {
        lock.lock()
        defer { lock.unlock() }
        if let process { return process }
        let started = try ProcessExtractor(command: command, timeout: timeout)
        let found = started.description
        guard found.name == description.name, found.accepts == description.accepts else {
            throw PluginError.invalidDescription(
                plugin: "\(description.name) (\(command))",
                reason: "--describe gives the name \(found.name) and accepts \(found.accepts), "
                    + "expected \(description.name) and \(description.accepts)")
        }
        process = started
        return started
    }

    /// Stops the worker process, if one was started.
    public func shutdown() {
        lock.lock()
        defer { lock.unlock() }
        process?.shutdown()
    }
}
