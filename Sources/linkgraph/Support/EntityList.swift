import ArgumentParser
import Foundation

/// Parses `--remove A,B,...`: entity ids, names or aliases, comma-separated.
struct EntityList: ExpressibleByArgument {
    let names: [String]

    init?(argument: String) {
        let parts = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        guard !parts.isEmpty else { return nil }
        names = parts
    }
}
