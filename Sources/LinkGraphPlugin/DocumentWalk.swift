import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The documents of a run: the files given, and the files of the folders given, found by a
/// safe recursive walk. What `linkgraph extract FILE... DIR...` reads.
///
/// - A file given is read as it is (a symbolic link given is followed).
/// - A folder given is walked depth first, each folder's entries in the byte order of their
///   names, so the order (and the document ids made from it) is the same on every run.
/// - Hidden entries (names starting with `.`) are left out without a word.
/// - A symbolic link inside a folder is followed only when its target lies inside the folder
///   given, and after everything reached without links (so a file is read under its own name);
///   one out of the folder, one that loops back to a folder above it, one to a folder or
///   file already found another way, and anything not a regular file or folder (a pipe, a
///   socket, a device) are listed in `skipped` with the reason.
/// - A broken link and a folder that cannot be listed are `problems`: errors of the run.
/// - Paths listed in `excluding` (the output case, `--into`'s case) are skipped when a walk
///   meets them, so a second run does not read its own output.
///
/// - Complexity: O(entries) system calls (an `lstat`, and a `realpath` per folder and link).
public struct DocumentWalk: Sendable {
    /// A document to read.
    public struct File: Equatable, Sendable {
        /// The path as given, or the folder's path joined with the names under it.
        public var path: String
        /// Whether it was found by walking a folder (then a file no extractor reads is skipped,
        /// not an error).
        public var fromFolder: Bool

        public init(path: String, fromFolder: Bool) {
            self.path = path
            self.fromFolder = fromFolder
        }
    }

    /// An entry of a folder not read, and why.
    public struct Skipped: Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        public var description: String { "\(path): \(reason)" }
    }

    /// Something of a folder that should have been read and cannot be.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        public var description: String { "\(path): \(reason)" }
    }

    /// The documents, in the order of the arguments, each folder's in walk order.
    public private(set) var files: [File] = []
    public private(set) var skipped: [Skipped] = []
    public private(set) var problems: [Problem] = []

    /// Walks the arguments.
    /// - Parameters:
    ///   - arguments: Files and folders, as given.
    ///   - excluding: Files never read from a folder (compared by their real path).
    public init(_ arguments: [String], excluding: [String] = []) {
        let excluded = Set(excluding.compactMap(Self.realPath))
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue,
                let root = Self.realPath(argument)
            else {
                // A file, or nothing: reading it gives the error that names it.
                files.append(File(path: argument, fromFolder: false))
                continue
            }
            var walker = Walker(root: root, excluded: excluded)
            walker.walk(folder: argument, real: root)
            walker.followLinks()
            files += walker.files
            skipped += walker.skipped
            problems += walker.problems
        }
    }

    /// The canonical path of an existing file or folder, symbolic links resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// One folder argument's walk.
    private struct Walker {
        let root: String
        let excluded: Set<String>
        var files: [File] = []
        var skipped: [Skipped] = []
        var problems: [Problem] = []
        /// Real paths of the folders walked and the files found, with the path that found them.
        var seen: [String: String] = [:]
        /// Symbolic links met, followed after the walk (`followLinks`).
        var links: [String] = []

        init(root: String, excluded: Set<String>) {
            self.root = root
            self.excluded = excluded
        }

        func inside(_ real: String) -> Bool {
            real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }

        mutating func walk(folder path: String, real: String) {
            seen[real] = path
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                problems.append(Problem(path: path, reason: "cannot list the folder: \(Self.reason(error))"))
                return
            }
            for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
            where !name.hasPrefix(".") {
                visit(path.hasSuffix("/") ? path + name : path + "/" + name)
            }
        }

        mutating func visit(_ path: String) {
            var status = stat()
            guard lstat(path, &status) == 0 else {
                problems.append(Problem(path: path, reason: "cannot examine it: \(String(cString: strerror(errno)))"))
                return
            }
            if status.st_mode & S_IFMT == S_IFLNK {
                links.append(path)
                return
            }
            guard let real = DocumentWalk.realPath(path) else {
                problems.append(
                    Problem(path: path, reason: "cannot resolve its path: \(String(cString: strerror(errno)))"))
                return
            }
            follow(path, real: real, status: status, link: nil)
        }

        /// The links met, once everything reached without a link is found (so a file is read
        /// under its own name, not a link's), in the order met; links found in folders reached
        /// through a link come after.
        mutating func followLinks() {
            var next = 0
            while next < links.count {
                let path = links[next]
                next += 1
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                var status = stat()
                guard stat(path, &status) == 0, let real = DocumentWalk.realPath(path) else {
                    problems.append(Problem(path: path, reason: "a symbolic link to \(target), which does not exist"))
                    continue
                }
                guard inside(real) else {
                    skipped.append(
                        Skipped(
                            path: path, reason: "a symbolic link out of the folder (to \(target)); name it to read it"))
                    continue
                }
                follow(path, real: real, status: status, link: target)
            }
        }

        /// A file or folder (reached directly or through a link inside the tree).
        mutating func follow(_ path: String, real: String, status: stat, link: String?) {
            let type = status.st_mode & S_IFMT
            if type == S_IFDIR {
                let parent = DocumentWalk.realPath((path as NSString).deletingLastPathComponent) ?? ""
                if link != nil, parent == real || parent.hasPrefix(real.hasSuffix("/") ? real : real + "/") {
                    skipped.append(Skipped(path: path, reason: "a symbolic link loop (to \(link ?? real))"))
                } else if let first = seen[real] {
                    skipped.append(Skipped(path: path, reason: "the same folder as \(first)"))
                } else {
                    walk(folder: path, real: real)
                }
                return
            }
            guard type == S_IFREG else {
                skipped.append(Skipped(path: path, reason: "not a regular file or folder"))
                return
            }
            if excluded.contains(real) {
                skipped.append(Skipped(path: path, reason: "the case this run reads or writes"))
            } else if let first = seen[real] {
                skipped.append(Skipped(path: path, reason: "the same file as \(first)"))
            } else {
                seen[real] = path
                files.append(File(path: path, fromFolder: true))
            }
        }

        static func reason(_ error: Error) -> String {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain {
                return String(cString: strerror(Int32(code)))
            }
            return error.localizedDescription
        }
    }
}
