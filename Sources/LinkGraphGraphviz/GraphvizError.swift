/// A failure reported by Graphviz (or by this module around it), with Graphviz's own words.
///
/// Graphviz never prints while this module calls it: its messages are captured (see
/// `Graphviz`) and come back here, or as warnings in `GraphvizRendering`.
public struct GraphvizError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Which step failed.
    public enum Kind: String, Sendable {
        /// The DOT text does not parse (`line` tells where), holds no graph, or holds a NUL.
        case syntax
        /// Graphviz could not set itself up (no context, or a plugin is missing).
        case unavailable
        /// cgraph refused to make the graph, a node, an edge or an attribute.
        case build
        /// The layout engine failed or reported an error (for example a malformed HTML-like
        /// label, or an unknown engine named by the graph's `layout` attribute).
        case layout
        /// The renderer failed or reported an error.
        case render
        /// Writing the rendered bytes to a file failed.
        case write
        /// Graphviz crashed in the child process that ran it (`GraphvizSandbox`): a signal
        /// such as SIGSEGV or SIGABRT (a failed assertion), or an exit without an answer.
        case crash
        /// Graphviz did not finish within the sandbox's time limit and was stopped.
        case timeout
        /// Graphviz went over the sandbox's memory or output limit.
        case limit
        /// The sandbox's worker process could not be started or answered nonsense.
        case worker
    }

    /// Which step failed.
    public var kind: Kind
    /// Graphviz's message text (every error it reported, one per line, without the
    /// `Error: ` prefix), or this module's explanation when Graphviz said nothing.
    public var message: String
    /// The 1-based line of the DOT text for a syntax error, when Graphviz names one.
    public var line: Int?

    /// An error of `kind` with `message` and, for a syntax error, the `line` of the DOT text.
    public init(kind: Kind, message: String, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
    }

    /// `Graphviz syntax error at line 3: syntax error in line 3 near '->'`.
    public var description: String {
        // The sandbox's messages say what happened in full ("Graphviz crashed ...").
        if [.crash, .timeout, .limit, .worker].contains(kind) { return message }
        var text = "Graphviz \(kind.rawValue) error"
        if let line { text += " at line \(line)" }
        return text + ": " + message
    }
}
