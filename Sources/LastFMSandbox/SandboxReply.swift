/// An HTTP answer the sandbox sends.
public struct SandboxReply: Sendable, Equatable {
    /// The HTTP status.
    public var status: Int
    /// Headers by name; Content-Length and Cache-Control are added when it is sent.
    public var headers: [String: String]
    /// The body.
    public var body: [UInt8]

    /// A reply as given.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func html(_ status: Int, _ page: String) -> SandboxReply {
        SandboxReply(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(page.utf8))
    }
}
