import Foundation

/// The URL a page is known by, its other URLs, and the URL its relative links are resolved
/// against (see `PageURL`).
struct PageIdentity: Equatable {
    /// The page's entity name: canonical URL, else `og:url`, else its `file:` URL.
    var url: String
    /// Its other URLs (its `file:` URL when it names a web URL, and `og:url` beside a canonical).
    var aliases: [String]
    /// What relative links are resolved against: `<base href>`, else `url`.
    var base: URL?
    /// The file's own URL, to resolve links as they point on disk.
    var file: URL

    init(_ page: HTMLPage, path: String) {
        let file = PageURL.file(path)
        self.file = file
        let fileURL = PageURL.normalize(file) ?? file.absoluteString
        let named = [page.canonical, page.meta("og:url")].compactMap {
            $0.flatMap { PageURL.resolve($0, against: file) }
        }
        url = named.first ?? fileURL
        var aliases: [String] = []
        for other in named.dropFirst() + [fileURL] where other != url && !aliases.contains(other) {
            aliases.append(other)
        }
        self.aliases = aliases
        let baseURL = page.base.flatMap { PageURL.resolve($0, against: URL(string: url)) }
        base = URL(string: baseURL ?? url)
    }

    /// Whether a URL is this page's own.
    func isSelf(_ other: String) -> Bool { other == url || aliases.contains(other) }

    /// The host of the page's URL (nil for `file:`), for the `htmlLinks: "site"` option.
    var host: String? { URL(string: url)?.host?.lowercased() }
}
