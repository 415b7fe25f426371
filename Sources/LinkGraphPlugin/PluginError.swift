import LinkGraph

/// Why a plug-in could not be loaded, or failed on one document.
///
/// Every case names the plug-in (its name once known, else its path or command line) and,
/// for failures while extracting, the document, so that a run over many documents can report
/// each failure and go on with the rest.
public enum PluginError: Error, Equatable, CustomStringConvertible {
    /// The dynamic library reports another ABI version than the host speaks.
    case abiMismatch(plugin: String, found: Int, expected: Int)
    /// The dynamic library lacks one of the five `linkgraph_plugin_*` functions.
    case missingSymbol(plugin: String, symbol: String)
    /// `dlopen` failed (no such file, not a shared library, unresolved dependency).
    case loadFailed(plugin: String, reason: String)
    /// The executable could not be started.
    case launchFailed(plugin: String, reason: String)
    /// The self-description (`linkgraph_plugin_describe` or `--describe`) is missing or wrong.
    case invalidDescription(plugin: String, reason: String)
    /// `linkgraph_plugin_extract` returned NULL; `message` is `linkgraph_plugin_last_error`'s.
    case nullResult(plugin: String, document: String, message: String?)
    /// The plug-in answered `{"error": "..."}` for this document.
    case reportedError(plugin: String, document: String, message: String)
    /// The subprocess did not answer within the time limit; it was killed.
    case timeout(plugin: String, document: String, seconds: Double)
    /// The subprocess was killed by a signal (a crash: SIGSEGV, SIGABRT, ...).
    case crashed(plugin: String, document: String, signal: Int32, stderr: String)
    /// The subprocess exited before answering (status 0 included).
    case exited(plugin: String, document: String, status: Int32, stderr: String)
    /// The answer is not valid JSON or not a valid extraction.
    case invalidResponse(plugin: String, document: String, reason: ExtractionWireError)
    /// The answer is larger than the limit (a runaway plug-in).
    case tooLarge(plugin: String, document: String, limit: Int)
    /// No extractor has this name (`--with NAME`).
    case unknownExtractor(name: String, available: [String])
    /// Two extractors share a name, so `--with` could not tell them apart.
    case duplicateName(String)
    /// No chosen extractor takes documents of this media type.
    case noExtractor(document: String, mediaType: String)
    /// The command line of a subprocess plug-in cannot be split into words.
    case badCommandLine(command: String, reason: String)

    public var description: String {
        switch self {
        case .abiMismatch(let plugin, let found, let expected):
            return
                "plug-in \(plugin): ABI version \(found), but this linkgraph speaks version \(expected): rebuild the plug-in against linkgraph_plugin.h version \(expected)"
        case .missingSymbol(let plugin, let symbol):
            return
                "plug-in \(plugin): the library does not export \(symbol) (see linkgraph_plugin.h; Swift plug-ins export it with @_cdecl(\"\(symbol)\"))"
        case .loadFailed(let plugin, let reason):
            return "plug-in \(plugin): cannot load the library: \(reason)"
        case .launchFailed(let plugin, let reason):
            return "plug-in \(plugin): cannot start: \(reason)"
        case .invalidDescription(let plugin, let reason):
            return "plug-in \(plugin): invalid self-description: \(reason)"
        case .nullResult(let plugin, let document, let message):
            return "plug-in \(plugin) failed on document \(document): \(message ?? "no result and no error message")"
        case .reportedError(let plugin, let document, let message):
            return "plug-in \(plugin) failed on document \(document): \(message)"
        case .timeout(let plugin, let document, let seconds):
            return
                "plug-in \(plugin) gave no answer for document \(document) within \(Self.format(seconds)) s; it was stopped"
        case .crashed(let plugin, let document, let signal, let stderr):
            return "plug-in \(plugin) crashed on document \(document) (signal \(signal)\(Self.signalName(signal)))"
                + Self.tail(stderr)
        case .exited(let plugin, let document, let status, let stderr):
            return "plug-in \(plugin) exited with status \(status) before answering for document \(document)"
                + Self.tail(stderr)
        case .invalidResponse(let plugin, let document, let reason):
            return "plug-in \(plugin) gave an invalid answer for document \(document): \(reason)"
        case .tooLarge(let plugin, let document, let limit):
            return "plug-in \(plugin) gave an answer for document \(document) larger than the limit of \(limit) bytes"
        case .unknownExtractor(let name, let available):
            return "no extractor is named \"\(name)\"; available: \(available.joined(separator: ", "))"
        case .duplicateName(let name):
            return "two extractors are named \"\(name)\"; names must differ (letter case, - and _ aside)"
        case .noExtractor(let document, let mediaType):
            return "\(document): no chosen extractor accepts \(mediaType)"
        case .badCommandLine(let command, let reason):
            return "plug-in command \(command): \(reason)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    private static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            4: "SIGILL", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE",
            15: "SIGTERM",
        ]
        return names[signal].map { ", \($0)" } ?? ""
    }

    /// The last lines of a captured standard error, indented, for the end of a message.
    private static func tail(_ stderr: String) -> String {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: true).suffix(8)
        guard !lines.isEmpty else { return "" }
        return "; its standard error ends with:\n" + lines.map { "    " + $0 }.joined(separator: "\n")
    }
}

/// Why a plug-in's JSON answer (or a request) could not be read.
public enum ExtractionWireError: Error, Equatable, CustomStringConvertible {
    /// Not JSON; line and column are 1-based.
    case syntax(line: Int, column: Int, message: String)
    /// JSON, but not a valid extraction: every problem with its JSON path.
    case invalid(problems: [CaseFileProblem])

    public var description: String {
        switch self {
        case .syntax(let line, let column, let message):
            return "not valid JSON: line \(line), column \(column): \(message)"
        case .invalid(let problems):
            return problems.map(\.description).joined(separator: "; ")
        }
    }

    /// The problems of an `.invalid` error; empty for `.syntax`.
    public var problems: [CaseFileProblem] {
        if case .invalid(let problems) = self { return problems }
        return []
    }
}
