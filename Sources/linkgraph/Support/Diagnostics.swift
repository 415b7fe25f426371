import Foundation
import LinkGraph

/// Messages for the user on standard error, so standard output stays clean for data.
enum Diagnostics {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
}

/// An error about an input file: the file's name before the library's message.
struct InputError: FileLocatedError, CustomStringConvertible {
    let file: String
    let underlying: Error

    var description: String { "\(file): \(underlying)" }
}
