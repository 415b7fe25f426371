import CGraphviz
import Foundation

/// The process's one Graphviz context, and the lock that every call into Graphviz takes.
///
/// Graphviz keeps global state (cgraph's lexer and parser, its error state, the layout and
/// render jobs of a context) and is not thread-safe, not even for reading. So this module
/// keeps exactly one `GVC_t`, created on first use and kept for the life of the process (its
/// plugins are loaded once), and runs every Graphviz call (building, parsing, layout,
/// rendering, `agclose`) while holding one lock. Calls from concurrent tasks are safe; they
/// run one at a time and block the calling thread while they wait and while they run.
///
/// Graphviz's messages are routed with `agseterrf` into a buffer that is only touched under
/// the same lock, so Graphviz never writes to stderr: errors become a `GraphvizError` (with
/// the line for a syntax error), warnings come back in `GraphvizRendering.warnings`.
///
/// Graphviz runs in this process: a crash inside Graphviz (2.43 has known ones, for example
/// `concentrate=true` with records and clusters) ends the process. `GraphvizSandbox` runs
/// the same calls in a worker process with time and memory limits; use it (and
/// `DOTSanitizer`) for DOT that did not come from LinkGraph itself.
///
/// ## References
/// - E. Gansner, "Using Graphviz as a Library (cgraph version)": <https://graphviz.org/pdf/libguide.pdf>
/// - S. North, E. Gansner, "Cgraph Tutorial": <https://graphviz.org/pdf/cgraph.pdf>
public final class Graphviz: @unchecked Sendable {
    /// The shared instance. Its first use creates the Graphviz context and reads the plugin
    /// configuration (a few milliseconds).
    public static let shared = Graphviz()

    /// Serialises every Graphviz call; guards `context` and `GraphvizMessages.buffer`.
    private let lock = NSLock()
    /// The one `GVC_t *` of the process; `nil` when Graphviz could not create it.
    private let context: OpaquePointer?
    /// Graphviz's version, e.g. `"2.43.0"`, or `""` when no context could be made.
    public let version: String

    private init() {
        // Route cgraph's and gvc's messages (agerr) to our buffer before anything can
        // report one, and report warnings as well as errors.
        agseterrf(GraphvizMessages.collect)
        agseterr(AGWARN)
        // The context lives as long as the process: `shared` is never released, so there is
        // no gvFreeContext (plugins stay loaded, as in the `dot` command).
        context = gvContext()
        GraphvizMessages.buffer = ""
        if let context, let text = gvcVersion(context) {
            version = String(cString: text)
        } else {
            version = ""
        }
    }

    /// Runs `body` with the lock held and a fresh session (empty message buffer, cgraph's
    /// error level reset). Nothing else may call Graphviz outside this.
    func withSession<R>(_ body: (inout GraphvizSession) throws -> R) throws -> R {
        lock.lock()
        defer { lock.unlock() }
        guard let context else {
            throw GraphvizError(
                kind: .unavailable, message: "Graphviz could not create its context (gvContext returned NULL)")
        }
        var session = GraphvizSession(context: context)
        return try body(&session)
    }
}

/// What one locked use of Graphviz holds: the context and the warnings seen so far.
/// It exists only inside `Graphviz.withSession`, so code that takes it runs under the lock.
struct GraphvizSession {
    /// The shared `GVC_t *`.
    let context: OpaquePointer
    /// Graphviz's warnings so far, in order, without the `Warning: ` prefix.
    private(set) var warnings: [String] = []

    init(context: OpaquePointer) {
        self.context = context
        GraphvizMessages.buffer = ""
        agreseterrors()
    }

    /// Collects the messages Graphviz reported since the last call: warnings are kept, and
    /// errors (or `failed`) throw a `GraphvizError` of `kind` with Graphviz's text.
    /// - Parameter fallback: The message when the step failed but Graphviz said nothing.
    mutating func settle(_ kind: GraphvizError.Kind, failed: Bool = false, fallback: @autoclosure () -> String) throws {
        let sawError = agreseterrors() >= Int32(AGERR.rawValue)
        let messages = GraphvizMessages.take()
        warnings += messages.warnings
        guard failed || sawError || !messages.errors.isEmpty else { return }
        let text = messages.errors.isEmpty ? fallback() : messages.errors.joined(separator: "\n")
        let line = kind == .syntax ? messages.errors.lazy.compactMap(GraphvizMessages.lineNumber(in:)).first : nil
        throw GraphvizError(kind: kind, message: text, line: line)
    }
}
