import ArgumentParser
import Foundation
import LinkGraph

/// Reads the case file a command was given, turning library errors into one clear message.
enum CaseLoading {
    /// Reads and validates a case file within `limits`; the error names the file and every
    /// problem, or the limit it is over and the flag that raises it.
    static func load(_ path: String, limits: InputLimits = .defaults) throws -> CaseFile {
        try limits.loadCase(path)
    }

    /// The lower-cased extension of a path, without the dot.
    static func fileExtension(_ path: String) -> String {
        URL(fileURLWithPath: path).pathExtension.lowercased()
    }

    /// Whether the path names a DOT file (`.dot` or `.gv`).
    static func isDOT(_ path: String) -> Bool {
        ["dot", "gv"].contains(fileExtension(path))
    }
}

/// Writes a command's output to a file (atomically) or to standard output.
enum OutputWriter {
    static func write(_ data: Data, to path: String?) throws {
        if let path {
            try FileIO.writeAtomically(data, to: path)
        } else {
            try Console.data(data)
        }
    }

    static func write(_ text: String, to path: String?) throws {
        try write(Data(text.utf8), to: path)
    }
}
