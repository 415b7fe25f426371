import Foundation
import LinkGraphPlugin

/// A request as `ExtractionSession` makes one for a file.
enum ExtractionRequestFixture {
    static func request(path: String, bytes: [UInt8], id: String = "ledger") -> ExtractionRequest {
        ExtractionRequest(
            id: id, mediaType: "application/pdf", bytes: bytes,
            metadata: ["path": .string(path), "name": .string(URL(fileURLWithPath: path).lastPathComponent)])
    }
}
