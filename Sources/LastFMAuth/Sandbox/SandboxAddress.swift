/// Where a sandbox on 127.0.0.1 answers, from its port: the one place these paths are spelled.
public struct SandboxAddress: Sendable, Equatable {
    /// The loopback port it listens on.
    public let port: Int

    /// The address of a sandbox listening on 127.0.0.1:`port`.
    public init(port: Int) {
        self.port = port
    }

    /// The API root clients use: `http://127.0.0.1:PORT/2.0/`.
    public var apiRoot: String { "http://127.0.0.1:\(port)/2.0/" }
    /// The authorize page: `http://127.0.0.1:PORT/api/auth/`.
    public var authPage: String { "http://127.0.0.1:\(port)/api/auth/" }
    /// The page listing the sessions issued, with a Revoke button each.
    public var applicationsPage: String { "http://127.0.0.1:\(port)/settings/applications" }
}
