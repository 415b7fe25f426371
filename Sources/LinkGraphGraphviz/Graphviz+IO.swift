import CGraphviz

/// DOT text into cgraph through an I/O discipline (`Agiodisc_t`): `agread` pulls the text
/// from a `DOTTextSource`. All pointer code for it is here.
///
/// There is no `agwrite` counterpart on purpose: Graphviz 2.43's `agwrite` compares a node's
/// attributes in a subgraph with the root's defaults instead of the subgraph's, so it drops
/// values (a node `shape=box` in a cluster with `node [shape=circle]` under a root with
/// `node [shape=box]` is written without its shape). `-Tdot` and `-Tcanon` output share
/// that bug.
enum GraphvizIO {
    /// The one I/O discipline, allocated once and never freed: every graph this module opens
    /// keeps a pointer to it (`agopen` copies the discipline pointers, not the structs).
    nonisolated(unsafe) static let discipline: UnsafeMutablePointer<Agiodisc_t> = {
        let pointer = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        // `putstr` refuses: nothing here calls agwrite (the -Tdot renderer brings its own discipline).
        pointer.initialize(to: Agiodisc_t(afread: read, putstr: { _, _ in -1 }, flush: { _ in 0 }))
        return pointer
    }()

    /// `afread`: copies up to `size` bytes of the source into `buffer`; 0 at the end.
    private static let read: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32 = {
        channel, buffer, size in
        guard let channel, let buffer, size > 0 else { return 0 }
        let source = Unmanaged<DOTTextSource>.fromOpaque(channel).takeUnretainedValue()
        let count = min(Int(size), source.bytes.count - source.offset)
        guard count > 0 else { return 0 }
        source.bytes.withUnsafeBufferPointer { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + source.offset, byteCount: count)
        }
        source.offset += count
        return Int32(count)
    }
}

/// DOT text being read by cgraph's lexer.
final class DOTTextSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ text: String) { bytes = Array(text.utf8) }
}

extension GraphvizSession {
    /// Every graph in `text`, parsed by cgraph (`agread` until it returns NULL, so the lexer
    /// reaches the end of the text and keeps nothing for the next read). The caller closes
    /// each graph with `agclose`.
    /// - Throws: `GraphvizError.Kind.syntax` with Graphviz's message and line for a syntax
    ///   error, a NUL character, or a text without any graph.
    /// - Complexity: O(length of the text).
    mutating func readGraphs(_ text: String) throws -> [UnsafeMutablePointer<Agraph_t>] {
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw GraphvizError(kind: .syntax, message: "NUL character in the DOT text", line: line)
        }
        let source = DOTTextSource(text)
        var discipline = lg_disc_with_io(GraphvizIO.discipline)
        var graphs: [UnsafeMutablePointer<Agraph_t>] = []
        // Line numbers count from 1 for this text, and no file name from an earlier `#line`.
        agsetfile(nil)
        withExtendedLifetime(source) {
            let channel = Unmanaged.passUnretained(source).toOpaque()
            while let graph = agread(channel, &discipline) {
                graphs.append(graph)
            }
        }
        do {
            try settle(.syntax, failed: graphs.isEmpty, fallback: "the DOT text holds no graph")
        } catch var error as GraphvizError {
            for graph in graphs { agclose(graph) }
            // Bison's "memory exhausted" is its parse stack: subgraphs or brackets nested too deep.
            if error.message.contains("memory exhausted") {
                error.message += " (subgraphs nested too deep: Graphviz's parser holds about 3,300 levels)"
            }
            throw error
        } catch {
            for graph in graphs { agclose(graph) }
            throw error
        }
        return graphs
    }
}
