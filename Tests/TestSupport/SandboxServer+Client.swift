import LastFMAuth
import LastFMSandbox

extension SandboxServer {
    /// A client for this sandbox: its addresses, its key and secret (or the ones given, to be
    /// refused), over `transport`.
    public func client(transport: any HTTPTransport, apiKey: String? = nil, secret: String? = nil) throws -> LastFMClient {
        try LastFMClient.forSandbox(apiRoot: apiRoot, authPage: authPage, transport: transport,
                                    apiKey: apiKey ?? configuration.apiKey, secret: secret ?? configuration.apiSecret)
    }
}

extension LastFMClient {
    /// A client for a sandbox-like server at `apiRoot` (a TLS front door, a proxy's target), with
    /// the sandbox's default key and secret unless others are given.
    public static func forSandbox(apiRoot: String, authPage: String? = nil, transport: any HTTPTransport,
                                  apiKey: String = SandboxAccount.apiKey,
                                  secret: String = SandboxAccount.apiSecret) throws -> LastFMClient {
        let service = try Service.custom(apiRoot: apiRoot, authPage: authPage ?? apiRoot.replacingOccurrences(of: "/2.0/", with: "/api/auth/"))
        return LastFMClient(service: service, apiKey: apiKey, secret: secret, transport: transport)
    }
}

extension SandboxServer {
    /// Runs `body` with a sandbox started with `configuration`, and stops it (awaited) however
    /// `body` ends, so no test leaves a server running behind the next one.
    public static func with<T>(_ configuration: SandboxConfiguration = SandboxConfiguration(),
                               _ body: (SandboxServer) async throws -> T) async throws -> T {
        try await start(configuration).whileRunning(body)
    }

    /// Runs `body` with this sandbox, then stops it (awaited) however `body` ends.
    public func whileRunning<T>(_ body: (SandboxServer) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await stop()
            return result
        } catch {
            await stop()
            throw error
        }
    }
}
