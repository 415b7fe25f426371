import CGraphviz
import Foundation
import LinkGraphFormats
import LinkGraphProcess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The child side of `GraphvizSandbox`: one Graphviz job in a process of its own, under
/// resource limits, so that a crash or a hang in Graphviz ends this process and not the one
/// that asked.
///
/// A program becomes a worker by calling `run(arguments:)` when it is started with
/// `commandName` as its first argument (`linkgraph graphviz-worker` is one; the arguments
/// after it are the sandbox's). The worker
/// 1. sets its own limits with `setrlimit`: address space (`RLIMIT_AS`, not under
///    AddressSanitizer), CPU time
///    (`RLIMIT_CPU`: SIGXCPU at the limit, SIGKILL 2 s later), file size (`RLIMIT_FSIZE`,
///    which bounds its answer), and no core dumps;
/// 2. reads one request (JSON) from standard input to its end;
/// 3. parses, lays out or renders with `Graphviz.shared`, reporting each stage on
///    descriptor 3 before it starts, then the answer (see `GraphvizWire`);
/// 4. exits 0, also when Graphviz reported an error (the answer carries it).
///
/// Its standard output and error go to the sandbox, which quotes them when the worker dies.
public enum GraphvizWorker {
    /// The first argument that makes a program act as the worker.
    public static let commandName = "graphviz-worker"

    /// The descriptor the answer is written to.
    static let channel: Int32 = 3

    /// Whether this program runs under AddressSanitizer, whose shadow memory takes terabytes
    /// of address space: an address-space limit would stop it before it starts, so none is set.
    public static var underAddressSanitizer: Bool { WorkerLimits.underAddressSanitizer }

    /// Runs one request and returns the exit status (0 when an answer was written; 2 for
    /// arguments or a request it cannot use; 3 when descriptor 3 is not open).
    /// - Parameter arguments: The arguments after `commandName`: `--memory BYTES`,
    ///   `--cpu SECONDS`, `--output BYTES`, each optional.
    public static func run(arguments: [String]) -> Int32 {
        guard fcntl(channel, F_GETFD) >= 0 else {
            FileHandle.standardError.write(
                Data("graphviz-worker: descriptor 3 is not open; this command is run by linkgraph itself\n".utf8))
            return 3
        }
        guard let (limits, rest) = WorkerLimits.parse(arguments), rest.isEmpty else {
            let bad = WorkerLimits.parse(arguments)?.rest.first.map { "unknown argument \($0)" }
            FileHandle.standardError.write(
                Data("graphviz-worker: \(bad ?? "--memory, --cpu and --output take a whole number")\n".utf8))
            return 2
        }
        limits.apply()

        let response: GraphvizWire.WorkerResponse
        var data = Data()
        do {
            let input = try readStandardInput()
            let request = try JSONDecoder().decode(GraphvizWire.WorkerRequest.self, from: input)
            (response, data) = perform(request)
        } catch {
            FileHandle.standardError.write(Data("graphviz-worker: unreadable request: \(error)\n".utf8))
            return 2
        }
        let header: Data
        do {
            header = try JSONEncoder().encode(response)
        } catch {
            FileHandle.standardError.write(Data("graphviz-worker: cannot encode the answer: \(error)\n".utf8))
            return 2
        }
        send(Data("\(GraphvizWire.resultPrefix)\(header.count) \(data.count)\n".utf8))
        send(header)
        send(data)
        return 0
    }

    /// Does what `request` asks, in this process.
    static func perform(_ request: GraphvizWire.WorkerRequest) -> (GraphvizWire.WorkerResponse, Data) {
        var warnings: [String] = []
        do {
            switch request.operation {
            case .parse:
                stage("parse")
                let graph = try GraphvizDOTParser.parse(request.dot ?? "")
                return (
                    GraphvizWire.WorkerResponse(ok: true, warnings: [], graph: GraphvizWire.WireGraph(graph)), Data()
                )
            case .renderGraph, .renderDOT:
                guard let layout = request.layout.flatMap(GraphvizLayout.init(name:)),
                    let format = request.format.flatMap(GraphvizFormat.init(rawValue:))
                else {
                    throw GraphvizError(kind: .worker, message: "the request names no known layout or format")
                }
                let data = try Graphviz.shared.withSession { session -> Data in
                    let graphs: [UnsafeMutablePointer<Agraph_t>]
                    if request.operation == .renderGraph {
                        stage("build")
                        guard let wire = request.graph else {
                            throw GraphvizError(kind: .worker, message: "the request holds no graph")
                        }
                        graphs = [try session.buildGraph(try wire.graph())]
                    } else {
                        stage("parse")
                        graphs = try session.readGraphs(request.dot ?? "")
                    }
                    defer { for graph in graphs { agclose(graph) } }
                    let bytes = try session.layoutAndRender(graphs[0], layout: layout, format: format, stage: stage)
                    warnings = session.warnings
                    return bytes
                }
                return (GraphvizWire.WorkerResponse(ok: true, warnings: warnings), data)
            }
        } catch let error as GraphvizError {
            return (
                GraphvizWire.WorkerResponse(
                    ok: false, warnings: warnings, errorKind: error.kind.rawValue, errorMessage: error.message,
                    errorLine: error.line),
                Data()
            )
        } catch {
            return (
                GraphvizWire.WorkerResponse(
                    ok: false, warnings: warnings, errorKind: GraphvizError.Kind.worker.rawValue,
                    errorMessage: "\(error)"),
                Data()
            )
        }
    }

    /// Reports the step about to start on the answer channel.
    static func stage(_ name: String) {
        send(Data("\(GraphvizWire.stagePrefix)\(name)\n".utf8))
    }

    private static func send(_ data: Data) {
        data.withUnsafeBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = write(channel, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                pointer += written
                left -= written
            }
        }
    }

    private static func readStandardInput() throws -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw GraphvizError(
                    kind: .worker, message: "cannot read the request: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[..<count])
        }
    }
}
