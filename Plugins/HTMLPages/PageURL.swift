import Foundation

/// The URLs of pages: how a page names itself and where its links go.
///
/// A page is known by one URL, the same in every document that mentions it, so that
/// `CaseMerger` makes one entity of it across the pages of a run: its canonical URL
/// (`<link rel="canonical">`), else `og:url`, else its file as a `file:` URL (absolute,
/// `.` and `..` removed). Relative links are resolved as a browser would against `<base
/// href>`, else against that same page URL; when that differs from resolving against the
/// file itself, the file-based URL is kept as an alias, so a link to `b.html` from a page that
/// names its site matches `b.html` saved beside it in the same folder.
///
/// URLs are compared as written after resolution: scheme and host in lower case, the
/// fragment (`#...`) removed. Only `http`, `https` and `file` links are pages; `mailto:`,
/// `javascript:`, `data:` and the like are not.
enum PageURL {
    /// The schemes of links that are pages.
    static let schemes: Set<String> = ["http", "https", "file"]

    /// The `file:` URL of a path, absolute and standardized.
    static func file(_ path: String) -> URL {
        URL(fileURLWithPath: path).standardizedFileURL
    }

    /// `href` resolved against `base`, in the form pages are compared in; nil for an empty
    /// `href`, a URL Foundation cannot read, or a scheme that is not a page.
    static func resolve(_ href: String, against base: URL?) -> String? {
        // Browsers strip leading and trailing white space and drop tabs and line breaks inside.
        let cleaned = String(
            href.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars.filter {
                $0 != "\t" && $0 != "\n" && $0 != "\r"
            }.map(Character.init))
        guard !cleaned.isEmpty else { return nil }
        let encoded = cleaned.addingPercentEncoding(withAllowedCharacters: allowed) ?? cleaned
        guard let url = URL(string: encoded, relativeTo: base) else { return nil }
        return normalize(url.absoluteURL)
    }

    /// A URL's comparable form: scheme and host in lower case, path standardized, no fragment;
    /// nil for a scheme that is not a page or a web URL without a host.
    static func normalize(_ url: URL) -> String? {
        guard var parts = URLComponents(url: url.standardized, resolvingAgainstBaseURL: true),
            let scheme = parts.scheme?.lowercased(), schemes.contains(scheme)
        else { return nil }
        parts.scheme = scheme
        parts.fragment = nil
        if scheme != "file" {
            guard let host = parts.host, !host.isEmpty else { return nil }
            parts.host = host.lowercased()
            if parts.path.isEmpty { parts.path = "/" }
        }
        return parts.string
    }

    /// The characters left as they are when an `href` is made a URL: those of a URL, and `%`
    /// (an `href` may already be percent-encoded).
    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.formUnion(.urlPathAllowed)
        set.formUnion(.urlFragmentAllowed)
        set.insert(charactersIn: "%#?:/@!$&'()*+,;=[]")
        return set
    }()
}
