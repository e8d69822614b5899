/// An HTTP answer the sandbox sends.
public struct SandboxReply: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func html(_ status: Int, _ page: String) -> SandboxReply {
        SandboxReply(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(page.utf8))
    }
}
