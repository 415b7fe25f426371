/// The content transfer encodings of MIME (RFC 2045 §6): quoted-printable and base64 decoded;
/// 7bit, 8bit and binary are the bytes as they are.
enum TransferEncoding {
    /// Decodes a body in the encoding `name` (`Content-Transfer-Encoding`, any case).
    /// - Throws: `MailDecodingError` for bad base64 or an unknown encoding.
    /// - Complexity: O(n).
    static func decode(_ body: ArraySlice<UInt8>, encoding name: String) throws -> [UInt8] {
        switch name.lowercased() {
        case "", "7bit", "8bit", "binary": return Array(body)
        case "quoted-printable": return quotedPrintable(body, header: false)
        case "base64": return try base64(body)
        default: throw MailDecodingError("unknown Content-Transfer-Encoding \"\(name)\"")
        }
    }

    /// Quoted-printable (RFC 2045 §6.7): `=XX` is a byte, `=` at the end of a line a soft line
    /// break, spaces and tabs at the end of a line are dropped. A `=` not followed by two hex
    /// digits is kept as it is (the rule's advice to robust decoders). With `header` (RFC 2047
    /// "Q"), `_` is a space.
    static func quotedPrintable(_ bytes: some Collection<UInt8>, header: Bool) -> [UInt8] {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        var pendingSpace = 0  // spaces and tabs held back until we know they do not end a line
        while i < input.count {
            let byte = input[i]
            if !header, byte == 0x20 || byte == 0x09 {
                pendingSpace += 1
                i += 1
                continue
            }
            if byte == 0x0D || byte == 0x0A {
                pendingSpace = 0  // trailing white space is not part of the text
                out.append(0x0A)
                i += (byte == 0x0D && i + 1 < input.count && input[i + 1] == 0x0A) ? 2 : 1
                continue
            }
            if pendingSpace > 0 {
                out.append(contentsOf: input[(i - pendingSpace)..<i])
                pendingSpace = 0
            }
            if byte == UInt8(ascii: "=") {
                if i + 2 < input.count, let high = hex(input[i + 1]), let low = hex(input[i + 2]) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
                // A soft line break: "=" then optional white space then the line end.
                var j = i + 1
                while j < input.count, input[j] == 0x20 || input[j] == 0x09 { j += 1 }
                if j == input.count { i = j; continue }
                if input[j] == 0x0A { i = j + 1; continue }
                if input[j] == 0x0D { i = j + 1 < input.count && input[j + 1] == 0x0A ? j + 2 : j + 1; continue }
                out.append(byte)
                i += 1
                continue
            }
            out.append(header && byte == UInt8(ascii: "_") ? 0x20 : byte)
            i += 1
        }
        return out
    }

    /// Base64 (RFC 2045 §6.8): line breaks and spaces are ignored.
    /// - Throws: `MailDecodingError` for a character outside the alphabet, padding in the
    ///   middle, or a length that is not a whole number of 4-character groups.
    static func base64(_ bytes: some Collection<UInt8>) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 4)
        var group: UInt32 = 0
        var count = 0
        var padding = 0
        for byte in bytes {
            if byte == 0x0D || byte == 0x0A || byte == 0x20 || byte == 0x09 { continue }
            if byte == UInt8(ascii: "=") {
                padding += 1
                group <<= 6
                count += 1
            } else {
                guard padding == 0 else { throw MailDecodingError("bad base64: data after the \"=\" padding") }
                guard let value = base64Value(byte) else {
                    throw MailDecodingError("bad base64: the byte 0x\(String(byte, radix: 16)) is not in the alphabet")
                }
                group = group << 6 | UInt32(value)
                count += 1
            }
            if count == 4 {
                guard padding <= 2 else { throw MailDecodingError("bad base64: too much \"=\" padding") }
                out.append(UInt8(truncatingIfNeeded: group >> 16))
                if padding < 2 { out.append(UInt8(truncatingIfNeeded: group >> 8)) }
                if padding < 1 { out.append(UInt8(truncatingIfNeeded: group)) }
                group = 0
                count = 0
                if padding > 0 { padding = 3 }  // anything after the padded group is an error
            }
        }
        guard count == 0 else {
            throw MailDecodingError("bad base64: the data ends in the middle of a 4-character group (truncated?)")
        }
        return out
    }

    @inline(__always) static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    @inline(__always) static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
