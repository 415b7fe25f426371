/// Where text stops being valid UTF-8, as a user finds it in an editor: line and column.
public enum UTF8Position {
    /// The line and column (1-based; columns count Unicode scalars) of the first byte that is
    /// not valid UTF-8, or nil when all of `bytes` is valid. Lines end at `\n`.
    /// - Complexity: O(bytes).
    public static func firstInvalid<Bytes: Collection<UInt8>>(in bytes: Bytes) -> (line: Int, column: Int)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return (line, column)
            }
        }
    }
}
