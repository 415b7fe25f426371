import Foundation
import XCTest

/// Where the tests find the repository and the shared, read-only test data.
///
/// The one locator of every test target: the shared folder (seed article, gold case files,
/// corpora) is `LINKGRAPH_SHARED` when set, else `../shared` beside the repository. It is
/// read in place, never copied into the repository; tests that need it skip cleanly without it.
public enum SharedData {
    /// The repository root, found from this file's path.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shared folder, or nil when it is not there.
    public static var root: URL? {
        let environment = ProcessInfo.processInfo.environment["LINKGRAPH_SHARED"].flatMap { $0.isEmpty ? nil : $0 }
        let candidate =
            environment.map { URL(fileURLWithPath: $0) }
            ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return candidate
    }

    /// A file or folder inside the shared folder, or nil when either is missing.
    public static func file(_ relative: String) -> URL? {
        guard let url = root?.appendingPathComponent(relative), FileManager.default.fileExists(atPath: url.path) else {
            return nil
        }
        return url
    }

    /// A file or folder inside the shared folder.
    /// - Throws: `XCTSkip` saying what is missing and how to point the tests at it.
    public static func require(_ relative: String) throws -> URL {
        if let url = file(relative) { return url }
        throw XCTSkip(
            "\(relative) of the shared test data is not here "
                + "(set LINKGRAPH_SHARED or put the shared folder beside the repository)")
    }
}
