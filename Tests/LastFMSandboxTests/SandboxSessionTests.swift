import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

@Suite("The sandbox's sessions: user.getInfo, the applications page and revoking")
struct SandboxSessionTests {
    /// A session approved as `user` through the real flow.
    static func session(_ sandbox: SandboxHarness, as user: String = "sandbox-user") async throws -> Session {
        let token = try await sandbox.client.getToken()
        #expect(sandbox.server.approve(token: token, as: user))
        return try await sandbox.client.getSession(token: token)
    }

    @Test("an authenticated user.getInfo names the session's user; an unknown key is error 9; no key and no user is 6")
    func userInfo() async throws {
        try await SandboxHarness.with { sandbox in
            let alice = try await Self.session(sandbox, as: "alice")
            #expect(try await sandbox.client.authenticatedUser(sessionKey: alice.key) == "alice")
            await #expect(throws: AuthError.api(code: 9, message: "Invalid session key - Please re-authenticate")) {
                try await sandbox.client.authenticatedUser(sessionKey: "ffffffffffffffffffffffffffffffff")
            }
            let unsigned = try await sandbox.raw(.post, "/2.0/", form: [("method", "user.getInfo"), ("api_key", SandboxAccount.apiKey), ("format", "json")])
            #expect(unsigned.text.contains(#""error":6"#), "api_sig missing")
            let form = try sandbox.client.signedForm("user.getInfo", [:])
            let noUser = try await sandbox.raw(.post, "/2.0/", form: form)
            #expect(noUser.text == #"{"error":6,"message":"Invalid parameters - Your request is missing a required parameter (user)"}"#)
        }
    }

    @Test("a wrong secret on user.getInfo is 13, checked before the session key")
    func signatureFirst() async throws {
        try await SandboxHarness.with { sandbox in
            let session = try await Self.session(sandbox)
            let wrong = try sandbox.server.client(transport: sandbox.transport, secret: "00000000000000000000000000000000")
            await #expect(throws: AuthError.api(code: 13, message: "Invalid method signature supplied")) {
                try await wrong.authenticatedUser(sessionKey: session.key)
            }
        }
    }

    @Test("Revoke on /settings/applications: that key answers 9 from then on, the other still works")
    func revokeOnThePage() async throws {
        try await SandboxHarness.with { sandbox in
            let first = try await Self.session(sandbox, as: "alice")
            let second = try await Self.session(sandbox, as: "bob")
            let page = try await sandbox.raw(.get, "/settings/applications")
            #expect(page.status == 200)
            #expect(page.text.contains("...\(first.key.suffix(4))") && page.text.contains("...\(second.key.suffix(4))"))
            #expect(!page.text.contains(first.key), "the page never shows a whole key")
            let ids = sandbox.server.sessions.map(\.id)
            #expect(ids.count == 2 && ids.allSatisfy { page.text.contains("name=\"session\" value=\"\($0)\"") })
            let revoked = try await sandbox.raw(.post, "/settings/applications", form: [("session", ids[0]), ("action", "revoke")])
            #expect(revoked.status == 200 && revoked.text.contains("Access revoked"))
            await #expect(throws: AuthError.api(code: 9, message: "Invalid session key - Please re-authenticate")) {
                try await sandbox.client.authenticatedUser(sessionKey: first.key)
            }
            #expect(try await sandbox.client.authenticatedUser(sessionKey: second.key) == "bob")
            let again = try await sandbox.raw(.post, "/settings/applications", form: [("session", ids[0])])
            #expect(again.status == 404)
            let after = try await sandbox.raw(.get, "/settings/applications")
            #expect(after.text.contains("<td>revoked</td>"))
        }
    }

    @Test("revoke(sessionKey:) from Swift does what the button does")
    func revokeFromSwift() async throws {
        try await SandboxHarness.with { sandbox in
            let session = try await Self.session(sandbox)
            #expect(sandbox.server.revoke(sessionKey: session.key))
            #expect(!sandbox.server.revoke(sessionKey: session.key))
            #expect(sandbox.server.sessions.map(\.revoked) == [true])
            await #expect(throws: AuthError.api(code: 9, message: "Invalid session key - Please re-authenticate")) {
                try await sandbox.client.authenticatedUser(sessionKey: session.key)
            }
        }
    }
}
