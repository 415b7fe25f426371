import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Several output files that belong together (a case's CSV tables, neo4j-admin's files, a
/// timeline's frames), written all or nothing: each is written to a temporary file beside
/// its target as it is added, and only when every one is complete does `commit` rename them
/// all over their targets and remove the files of an earlier set the new one does not have.
/// A failure while adding leaves every target as it was and no temporary file; an
/// uncommitted set removes its temporaries when it is discarded or released.
///
/// ```swift
/// let set = OutputSet()
/// try set.add(tables.entities, to: "out.entities.csv")
/// try set.add(tables.relations, to: "out.relations.csv")
/// try set.commit(removing: ["out.documents.csv"])      // no documents this time
/// ```
public final class OutputSet {
    private var files: [StagedFile] = []

    public init() {}

    deinit { discard() }

    /// Writes `data` to a temporary file for `path` (see `FileIO.writeAtomically`).
    /// - Parameter newFileMode: The mode of a new file before the umask; an existing file keeps its mode.
    /// - Throws: `FileIOError` naming `path`; the set is discarded then.
    public func add(_ data: Data, to path: String, newFileMode: mode_t = 0o666) throws {
        do {
            files.append(try StagedFile(data, to: path, newFileMode: newFileMode))
        } catch {
            discard()
            throw error
        }
    }

    /// Writes text as UTF-8 (see `add(_:to:newFileMode:)`).
    public func add(_ text: String, to path: String, newFileMode: mode_t = 0o666) throws {
        try add(Data(text.utf8), to: path, newFileMode: newFileMode)
    }

    /// The paths added so far, in order.
    public var paths: [String] { files.map(\.path) }

    /// Renames every file over its target, then removes `stale`: files of an earlier run that
    /// this set replaces (only regular files; missing ones are skipped).
    /// - Throws: `FileIOError` for a rename or removal that failed (the others still happen).
    /// - Complexity: O(files) renames.
    public func commit(removing stale: [String] = []) throws {
        var firstError: Error?
        for index in files.indices {
            do { try files[index].commit() } catch { firstError = firstError ?? error }
        }
        files = []
        for path in stale {
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            if unlink(path) != 0 {
                firstError = firstError ?? FileIOError.system(path, "cannot remove the earlier output")
            }
        }
        if let firstError { throw firstError }
    }

    /// Removes every temporary file; the targets stay as they were.
    public func discard() {
        for index in files.indices { files[index].discard() }
        files = []
    }
}
