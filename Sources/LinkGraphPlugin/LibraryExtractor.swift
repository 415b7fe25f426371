import Foundation
import LinkGraph

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An extractor in a shared library (`--plugin path.so`), reached through a five-function C ABI
/// that passes JSON text (see `Plugins/Examples/include/linkgraph_plugin.h` and docs/PLUGINS.md):
///
/// ```c
/// int32_t     linkgraph_plugin_abi(void);                     /* 1 */
/// const char *linkgraph_plugin_describe(void);                /* {"name":..,"version":..,"accepts":[..]} */
/// char       *linkgraph_plugin_extract(const char *request);  /* answer JSON, or NULL */
/// const char *linkgraph_plugin_last_error(void);              /* after a NULL */
/// void        linkgraph_plugin_free(char *answer);
/// ```
///
/// The library is opened with `RTLD_NOW | RTLD_LOCAL`, so a missing dependency fails at load
/// time and its symbols do not leak into other plug-ins.
///
/// Lifetime: the library is **never closed** (`dlclose` is never called). Strings, Swift
/// metadata, thread-local storage or threads it created may outlive any one call, and unloading
/// code that is still referenced crashes the host; a process loads a handful of plug-ins, so
/// keeping them mapped costs nothing that matters.
///
/// Threads: calls into one library (by its `dlopen` handle, even through several
/// `LibraryExtractor` values) are serialized with one lock, so a plug-in need not be
/// thread-safe. A library runs inside the host process: a crash in it is a crash of the host.
/// Use a subprocess plug-in (`ProcessExtractor`) for code you do not trust.
public final class LibraryExtractor: Extractor, @unchecked Sendable {
    /// The ABI version this host speaks.
    public static let abiVersion: Int32 = 1
    /// The five functions a plug-in exports.
    public static let symbols = [
        "linkgraph_plugin_abi", "linkgraph_plugin_describe", "linkgraph_plugin_extract",
        "linkgraph_plugin_last_error", "linkgraph_plugin_free",
    ]

    typealias ABIFunction = @convention(c) () -> Int32
    typealias DescribeFunction = @convention(c) () -> UnsafePointer<CChar>?
    typealias ExtractFunction = @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
    typealias LastErrorFunction = @convention(c) () -> UnsafePointer<CChar>?
    typealias FreeFunction = @convention(c) (UnsafeMutablePointer<CChar>?) -> Void

    public let description: ExtractorDescription
    /// The path the library was loaded from.
    public let path: String
    /// The largest answer accepted, in bytes.
    public let maxResponseBytes: Int

    private let extractFunction: ExtractFunction
    private let lastErrorFunction: LastErrorFunction
    private let freeFunction: FreeFunction
    private let lock: NSLock

    /// Loads a plug-in library, checks its ABI version and reads its self-description.
    /// - Parameters:
    ///   - path: The `.so` (or `.dylib`) file. A path without a `/` is taken relative to the
    ///     current directory, not searched for in the library path.
    ///   - maxResponseBytes: The largest answer accepted (64 MiB by default).
    /// - Throws: `PluginError.loadFailed`, `.missingSymbol`, `.abiMismatch` or `.invalidDescription`.
    public init(path: String, maxResponseBytes: Int = ProcessExtractor.defaultMaxResponseBytes) throws {
        let resolved = path.contains("/") ? path : "./" + path
        self.path = path
        self.maxResponseBytes = maxResponseBytes
        guard FileManager.default.fileExists(atPath: resolved) else {
            throw PluginError.loadFailed(plugin: path, reason: "no such file")
        }
        guard let handle = dlopen(resolved, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown dlopen error"
            throw PluginError.loadFailed(plugin: path, reason: reason)
        }
        // Never dlclose(handle): see the type's documentation.
        func symbol(_ name: String) throws -> UnsafeMutableRawPointer {
            guard let pointer = dlsym(handle, name) else { throw PluginError.missingSymbol(plugin: path, symbol: name) }
            return pointer
        }
        let abi = unsafeBitCast(try symbol("linkgraph_plugin_abi"), to: ABIFunction.self)
        let describe = unsafeBitCast(try symbol("linkgraph_plugin_describe"), to: DescribeFunction.self)
        extractFunction = unsafeBitCast(try symbol("linkgraph_plugin_extract"), to: ExtractFunction.self)
        lastErrorFunction = unsafeBitCast(try symbol("linkgraph_plugin_last_error"), to: LastErrorFunction.self)
        freeFunction = unsafeBitCast(try symbol("linkgraph_plugin_free"), to: FreeFunction.self)
        let lock = LibraryLocks.shared.lock(for: handle)
        self.lock = lock

        lock.lock()
        defer { lock.unlock() }
        let found = abi()
        guard found == Self.abiVersion else {
            throw PluginError.abiMismatch(plugin: path, found: Int(found), expected: Int(Self.abiVersion))
        }
        guard let text = describe() else {
            throw PluginError.invalidDescription(plugin: path, reason: "linkgraph_plugin_describe returned NULL")
        }
        let bytes = UnsafeRawBufferPointer(start: text, count: strnlen(text, 1 << 20))
        description = try ExtractorDescription(jsonBytes: bytes, origin: .library(path: path), plugin: path)
    }

    /// The name used in messages: the plug-in's name and its file.
    public var label: String { "\(description.name) (\(path))" }

    public func extract(_ request: ExtractionRequest) throws -> Extraction {
        let line = request.jsonLine()
        let answer: [UInt8]
        do {
            lock.lock()
            defer { lock.unlock() }
            guard let result = line.withCString({ extractFunction($0) }) else {
                let message = lastErrorFunction().map { String(cString: $0) }
                throw PluginError.nullResult(plugin: label, document: request.id, message: message)
            }
            defer { freeFunction(result) }
            let length = strnlen(result, maxResponseBytes + 1)
            if length > maxResponseBytes {
                throw PluginError.tooLarge(plugin: label, document: request.id, limit: maxResponseBytes)
            }
            answer = Array(UnsafeRawBufferPointer(start: result, count: length))
        }
        return try Self.decodeAnswer(answer, plugin: label, request: request)
    }

    /// Decodes an answer, turning `{"error": "..."}` and wire errors into `PluginError`s.
    static func decodeAnswer<Bytes: Collection>(_ answer: Bytes, plugin: String, request: ExtractionRequest) throws
        -> Extraction where Bytes.Element == UInt8
    {
        do {
            let json = try JSONParser.parse(answer, maxDepth: Extraction.maxWireDepth)
            if case .object(let object) = json, object.count <= 2, case .string(let message)? = object["error"],
                object.keys.allSatisfy({ $0 == "error" || $0 == "id" })
            {
                throw PluginError.reportedError(plugin: plugin, document: request.id, message: message)
            }
            return try Extraction(json: json, document: request.id, documentLength: request.bytes.count)
        } catch let error as JSONSyntaxError {
            throw PluginError.invalidResponse(
                plugin: plugin, document: request.id,
                reason: .syntax(line: error.line, column: error.column, message: error.message))
        } catch let error as ExtractionWireError {
            throw PluginError.invalidResponse(plugin: plugin, document: request.id, reason: error)
        }
    }
}

/// One lock per loaded library handle, shared by every `LibraryExtractor` of that library.
final class LibraryLocks: @unchecked Sendable {
    static let shared = LibraryLocks()
    private let guardLock = NSLock()
    private var locks: [UnsafeMutableRawPointer: NSLock] = [:]

    func lock(for handle: UnsafeMutableRawPointer) -> NSLock {
        guardLock.lock()
        defer { guardLock.unlock() }
        if let lock = locks[handle] { return lock }
        let lock = NSLock()
        locks[handle] = lock
        return lock
    }
}
