import Foundation

/// Text in the character sets mail is written in, decoded to Swift strings.
///
/// UTF-8, US-ASCII, ISO-8859-1 and -15, Windows-1250...1254, ISO-8859-2, UTF-16 (BOM, BE, LE),
/// Shift_JIS, EUC-JP and ISO-2022-JP go through Foundation's `String.Encoding`; ISO-8859-15 is
/// ISO-8859-1 with eight code points changed (the euro sign among them) and is decoded here.
/// - Complexity: O(n) in the bytes.
enum Charsets {
    /// The decoder for a charset name (MIME `charset` parameter, RFC 2047 encoded word), compared
    /// without regard to case; nil when the name is not known.
    static func encoding(named name: String) -> Charset? {
        switch name.lowercased() {
        case "utf-8", "utf8": return .foundation(.utf8)
        // ASCII is a subset of UTF-8; 8-bit bytes are kept as UTF-8.
        case "us-ascii", "ascii", "ansi_x3.4-1968": return .foundation(.utf8)
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1": return .foundation(.isoLatin1)
        case "iso-8859-15", "iso8859-15", "latin-9", "latin9", "iso_8859-15": return .latin9
        case "iso-8859-2", "iso8859-2", "latin2", "latin-2": return .foundation(.isoLatin2)
        case "windows-1252", "cp1252", "x-cp1252": return .foundation(.windowsCP1252)
        case "windows-1250", "cp1250": return .foundation(.windowsCP1250)
        case "windows-1251", "cp1251": return .foundation(.windowsCP1251)
        case "windows-1253", "cp1253": return .foundation(.windowsCP1253)
        case "windows-1254", "cp1254": return .foundation(.windowsCP1254)
        case "utf-16": return .foundation(.utf16)
        case "utf-16be": return .foundation(.utf16BigEndian)
        case "utf-16le": return .foundation(.utf16LittleEndian)
        case "shift_jis", "shift-jis", "sjis": return .foundation(.shiftJIS)
        case "euc-jp": return .foundation(.japaneseEUC)
        case "iso-2022-jp": return .foundation(.iso2022JP)
        default: return nil
        }
    }

    /// Decodes `bytes` in the charset `name`.
    /// - Throws: `MailDecodingError` for an unknown charset or bytes invalid in it.
    static func decode(_ bytes: some Collection<UInt8>, charset name: String) throws -> String {
        guard let charset = encoding(named: name) else {
            throw MailDecodingError("unknown charset \"\(name)\"")
        }
        guard let text = charset.decode(Array(bytes)) else {
            throw MailDecodingError("the text is not valid \(name)")
        }
        return text
    }
}

/// One character set.
enum Charset {
    case foundation(String.Encoding)
    /// ISO-8859-15.
    case latin9

    func decode(_ bytes: [UInt8]) -> String? {
        switch self {
        case .foundation(.utf8):
            return String(validating: bytes, as: UTF8.self)
        case .foundation(let encoding):
            if bytes.isEmpty { return "" }
            return String(data: Data(bytes), encoding: encoding)
        case .latin9:
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                scalars.append(Unicode.Scalar(Self.latin9Changes[byte] ?? UInt32(byte))!)
            }
            return String(scalars)
        }
    }

    /// The code points where ISO-8859-15 differs from ISO-8859-1.
    static let latin9Changes: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
    ]
}
