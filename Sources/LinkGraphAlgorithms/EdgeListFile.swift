import Foundation

/// Streams an edge-list file through an `EdgeListReader` in fixed-size chunks, so that
/// loading never holds the file's text: the peak memory is the graph's, whatever the
/// file's size (a 5M-edge list is about 100 MB of text).
///
/// A first pass counts the newlines, so the edge arrays are reserved once at their final
/// size instead of doubling (which would hold the old and new arrays at once). Both passes
/// read the file with `read(2)` into one reused buffer; the second pass finds the file in
/// the page cache.
enum EdgeListFile {
    /// The chunk size: large enough that a read costs little, small enough to stay in cache.
    static let chunk = 1 << 20

    /// Reads the file at `path` into `reader`.
    /// - Throws: `invalidArgument` when the file cannot be opened or read; the reader's
    ///   syntax errors, with line numbers counted across chunks.
    /// - Complexity: O(bytes) time, O(chunk + longest line) memory besides the reader's.
    static func stream(path: String, delimiter: EdgeListDelimiter, into reader: inout EdgeListReader) throws {
        let size = try fileSize(path)
        reader = EdgeListReader(sizeHint: size)
        let lines = try countLines(path)
        var buffer = [UInt8](repeating: 0, count: chunk)
        var decided: Bool? = nil
        var weightsReserved = false
        try withDescriptor(path) { fd in
            var filled = 0  // bytes of buffer in use: a partial line, then what was read
            var atEnd = false
            while !atEnd {
                if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
                let got = try readSome(fd, into: &buffer, at: filled, path: path)
                atEnd = got == 0
                filled += got
                try buffer.withUnsafeBufferPointer { all in
                    let p = UnsafeBufferPointer(rebasing: all[0..<filled])
                    if decided == nil {
                        decided = delimiter.splitsAtTabsOnly(fileName: path, p, complete: atEnd)
                        guard let tabs = decided else { return }
                        reader.tabSeparated = tabs
                        reader.reserve(edges: lines, weighted: false)
                    }
                    // Whole lines only, unless this is the end of the file.
                    var end = filled
                    if !atEnd {
                        while end > 0 && p[end - 1] != 10 { end -= 1 }
                        if end == 0 { return }  // one line longer than the buffer: read more
                    }
                    try reader.read(UnsafeBufferPointer(rebasing: p[0..<end]), fileName: path)
                    if !weightsReserved, let w = reader.weighted {
                        weightsReserved = true
                        if w { reader.reserve(edges: lines, weighted: true) }
                    }
                    filled -= end
                    if filled > 0 {
                        let rest = end
                        buffer.withUnsafeMutableBufferPointer { b in
                            for i in 0..<filled { b[i] = b[rest + i] }
                        }
                    }
                }
            }
        }
    }

    /// The number of newlines in the file, plus one for a last line without one.
    static func countLines(_ path: String) throws -> Int {
        var buffer = [UInt8](repeating: 0, count: chunk)
        var lines = 0
        var last: UInt8 = 10
        try withDescriptor(path) { fd in
            while true {
                let got = try readSome(fd, into: &buffer, at: 0, path: path)
                if got == 0 { break }
                buffer.withUnsafeBufferPointer { p in
                    var count = 0
                    for i in 0..<got { count &+= p[i] == 10 ? 1 : 0 }
                    lines += count
                    last = p[got - 1]
                }
            }
        }
        return lines + (last == 10 ? 0 : 1)
    }

    static func fileSize(_ path: String) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { throw cannotRead(path) }
        return Int(info.st_size)
    }

    static func withDescriptor(_ path: String, _ body: (Int32) throws -> Void) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw cannotRead(path) }
        defer { close(fd) }
        try body(fd)
    }

    /// One `read(2)` into `buffer[at...]`, retried on EINTR; 0 at the end of the file.
    static func readSome(_ fd: Int32, into buffer: inout [UInt8], at offset: Int, path: String) throws -> Int {
        while true {
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if got >= 0 { return got }
            if errno != EINTR { throw cannotRead(path) }
        }
    }

    static func cannotRead(_ path: String) -> AlgorithmError {
        AlgorithmError.invalidArgument("cannot read the edge list '\(path)'")
    }
}
