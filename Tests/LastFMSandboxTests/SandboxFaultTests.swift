import LastFMAuth
import LastFMSandbox
import Testing

@Suite("A misbehaving sandbox gives typed errors, never a crash or a hang")
struct SandboxFaultTests {
    @Test("rate limit 29 with Retry-After, 503, garbage, HTML, an empty 200, a huge body")
    func badAnswers() async throws {
        try await SandboxHarness.with { (sandbox: SandboxHarness) async throws in
            sandbox.server.inject([
                .apiError(code: 29, message: "Rate limit exceeded", httpStatus: 429, retryAfter: 9),
                .raw(status: 503, headers: ["Retry-After": "4"], body: Array("Service Unavailable".utf8)),
                .raw(status: 200, body: [0x00, 0xFF, 0x13, 0x37]),
                .raw(status: 200, headers: ["Content-Type": "text/html"], body: Array("<html><body>Login to the Wi-Fi</body></html>".utf8)),
                .raw(status: 200, body: []),
                .raw(status: 200, body: [UInt8](repeating: 0x20, count: (1 << 20) + 10)),
            ])
            await #expect(throws: AuthError.api(code: 29, message: "Rate limit exceeded", retryAfter: .seconds(9))) { try await sandbox.client.getToken() }
            await #expect(throws: AuthError.httpStatus(503, retryAfter: .seconds(4))) { try await sandbox.client.getToken() }
            await #expect(throws: AuthError.badResponse("the answer is not valid UTF-8")) { try await sandbox.client.getToken() }
            // Issue #19: a web page is named as one, not as a parser's complaint.
            await #expect(throws: AuthError.webPage(status: 200)) { try await sandbox.client.getToken() }
            await #expect(throws: AuthError.badResponse("the answer is empty")) { try await sandbox.client.getToken() }
            do throws(AuthError) {
                _ = try await sandbox.client.getToken()
                Issue.record("a huge body was accepted")
            } catch {
                guard case .transport(let failure) = error else { Issue.record("unexpected \(error)"); return }
                #expect(failure.kind == .tooLarge)
            }
            #expect(try await sandbox.client.getToken().count == 32, "the server works again once the faults are used up")
        }
    }

    @Test("a closed connection and a server that never answers are transient transport errors")
    func silentServers() async throws {
        // A closed connection is told apart from a timeout with a deadline it never needs; the
        // silent servers get a short one, and must end soon after it (slack for a loaded machine).
        for (fault, expected, deadline) in [(SandboxFault.closeConnection, TransportError.Kind.connection, Duration.seconds(30)),
                                            (.hang, .timeout, .seconds(1)), (.slowDrip(interval: .milliseconds(500)), .timeout, .seconds(1))] {
            let sandbox = try await SandboxHarness(deadline: deadline)
            sandbox.server.inject([fault])
            let started = ContinuousClock.now
            do {
                _ = try await sandbox.client.getToken()
                Issue.record("expected a \(expected) failure")
            } catch {
                if case .transport(let failure) = error {
                    #expect(failure.kind == expected, "\(fault)")
                    #expect(error.isTransient)
                } else {
                    Issue.record("unexpected \(error)")
                }
            }
            #expect(started.duration(to: .now) < deadline + .seconds(10), "\(fault): bounded by the deadline")
            await sandbox.close()
        }
    }

    @Test("the sandbox counts requests, so tests can check the polling budget")
    func requestLog() async throws {
        try await SandboxHarness.with { sandbox in
            _ = try await sandbox.client.getToken()
            _ = try? await sandbox.client.getSession(token: "00000000000000000000000000000000")
            #expect(sandbox.server.requests.map(\.method) == ["auth.getToken", "auth.getSession"])
        }
    }

    @Test("a redirect to another host or to http:// is refused over real HTTP, and the other host hears nothing", arguments: [301, 302, 307, 308])
    func redirectRefused(status: Int) async throws {
        try await SandboxHarness.with { sandbox in
            try await SandboxServer.with { elsewhere in
                sandbox.server.inject([.raw(status: status, headers: ["Location": elsewhere.apiRoot + "?method=auth.getToken"], body: [])])
                do throws(AuthError) {
                    _ = try await sandbox.client.getToken()
                    Issue.record("a \(status) was followed")
                } catch {
                    guard case .transport(let failure) = error else { Issue.record("unexpected \(error)"); return }
                    #expect(failure.kind == .redirect)
                    #expect(!error.isTransient)
                }
                #expect(elsewhere.requests.isEmpty, "the token request never reached the other host")
            }
        }
    }
}
