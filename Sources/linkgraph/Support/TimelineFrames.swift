import Foundation
import LinkGraph
import LinkGraphGraphviz

/// The frame files of a timeline run in its folder.
enum TimelineFrames {
    /// The frames in `directory` that a timeline run wrote (`frame-N-DATE.EXT`, EXT a
    /// format's extension) and that are not in `keeping`: an earlier run's, to remove.
    /// - Complexity: O(entries of `directory`).
    static func staleFrames(in directory: String, keeping: [String]) -> [String] {
        let kept = Set(keeping.map { URL(fileURLWithPath: $0).lastPathComponent })
        let extensions = Set(GraphvizFormat.allCases.map(\.fileExtension) + ["dot"])
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.filter { name in
            guard !kept.contains(name), name.hasPrefix("frame-"), let dot = name.lastIndex(of: ".")
            else { return false }
            let parts = name[..<dot].dropFirst("frame-".count).split(separator: "-", maxSplits: 1)
            return parts.count == 2 && parts[0].allSatisfy(\.isASCII) && parts[0].allSatisfy(\.isNumber)
                && PartialDate(String(parts[1])) != nil && extensions.contains(String(name[name.index(after: dot)...]))
        }.map { URL(fileURLWithPath: directory).appendingPathComponent($0).path }
    }
}
