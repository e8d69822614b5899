import NIOCore
import NIOHTTP1

extension SandboxReply {
    /// Sends the reply on a NIO connection; with `drip`, the body four bytes at a time that far
    /// apart (for testing clients' deadlines).
    func write(to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>, drip: Duration?) async throws {
        var headers = HTTPHeaders()
        for (name, value) in self.headers { headers.add(name: name, value: value) }
        // A reply that asks for chunked transfer gets it (NIO frames the chunks), for testing clients' limits.
        if !headers[canonicalForm: "Transfer-Encoding"].contains("chunked") {
            headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
        }
        headers.replaceOrAdd(name: "Cache-Control", value: "no-store")
        try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)))
        if let drip {
            for start in stride(from: 0, to: body.count, by: 4) {
                try await Task.sleep(for: drip)
                try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body[start..<min(start + 4, body.count)]))))
            }
        } else {
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
        }
        try await outbound.write(.end(nil))
    }
}
