import Foundation

extension ExtractorRegistry {
    /// The media type of a file from its extension (`mediaType(forPath:)`), else from its
    /// content (`MediaTypeSniffer`): PDF, HTML, mbox and RFC 822 signatures for any file, and
    /// UTF-8 text as `text/plain` only for a file without an extension.
    /// - Complexity: O(n) in the content's length when the extension says nothing.
    public static func mediaType(forPath path: String, contents: [UInt8]) -> String? {
        if let type = mediaType(forPath: path) { return type }
        let hasExtension = !URL(fileURLWithPath: path).pathExtension.isEmpty
        return MediaTypeSniffer.mediaType(of: contents, textFallback: !hasExtension)
    }
}
