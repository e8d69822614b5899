// Tests a Last.fm client against LastFMSandbox: a real HTTP server on 127.0.0.1 with real
// signature checks, sessions that can be revoked, and a broken server on demand. No account and
// no internet. Each check below is one you would write in your own tests.
import LastFMAuth
import LastFMSandbox

// A sandbox on a free port. Tokens wait for approval, as with a person on the other end
// (`SandboxConfiguration(approveAfter: .zero)` approves each one at once instead).
let sandbox = try await SandboxServer.start(SandboxConfiguration())
let client = LastFMClient(service: try .custom(apiRoot: sandbox.apiRoot, authPage: sandbox.authPage),
                          apiKey: SandboxAccount.apiKey, secret: SandboxAccount.apiSecret,
                          transport: CurlTransport(environment: [:]))

/// The error a call ends with, if any: the client throws only `AuthError`.
func apiError(_ call: () async throws -> Void) async -> AuthError? {
    do { try await call(); return nil } catch { return error as? AuthError }
}

// Not approved yet: error 14, the "keep waiting" answer.
let token = try await client.getToken()
let early = await apiError { _ = try await client.getSession(token: token) }
precondition(early?.apiCode == .tokenNotAuthorized)

// Approve it as the authorize page's Allow button does, then trade it for a session, once.
sandbox.approve(token: token, as: "alice")
let session = try await client.getSession(token: token)
let owner = try await client.authenticatedUser(sessionKey: session.key)
precondition(session.username == "alice" && owner == "alice")

// Revoke it as the user would in the account's settings (or with the Revoke button on
// the sandbox's /settings/applications page): the key now answers error 9.
sandbox.revoke(sessionKey: session.key)
let revoked = await apiError { _ = try await client.authenticatedUser(sessionKey: session.key) }
precondition(revoked?.apiCode == .invalidSessionKey)

// A wrong shared secret is error 13, whatever the call.
let wrongSecret = LastFMClient(service: client.service, apiKey: client.apiKey, secret: String(repeating: "0", count: 32),
                               transport: CurlTransport(environment: [:]))
let refused = await apiError { _ = try await wrongSecret.getToken() }
precondition(refused?.apiCode == .invalidSignature)

// A broken server on demand: each fault replaces one answer. Rate limiting with Retry-After,
// then a captive portal's page where JSON should be: both are worth retrying, not giving up.
sandbox.inject([
    .apiError(code: 29, message: "Rate limit exceeded", httpStatus: 429, retryAfter: 7),
    .raw(status: 200, headers: ["Content-Type": "text/html"], body: Array("<html>Sign in to the Wi-Fi</html>".utf8)),
])
let limited = await apiError { _ = try await client.getToken() }
precondition(limited?.isRateLimit == true && limited?.retryAfter == .seconds(7))
let portal = await apiError { _ = try await client.getToken() }
precondition(portal?.isTransient == true)

// Every API request is logged, for tests that count or time them.
precondition(sandbox.requests.map(\.method).filter { $0 == "auth.getToken" }.count == 4)

await sandbox.stop()
print("All checks passed.")
