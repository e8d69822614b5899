import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// Issue #27: the sandbox acting as a real GNU FM server does (docs/protocol-facts.md), so both
/// fronts can be tested through the real binary against what Libre.fm users meet.
@Suite("The sandbox as a GNU FM server")
struct SandboxGNUFMTests {
    static let gnufm = SandboxConfiguration(flavor: .gnufm)

    @Test("any key and secret work; getToken needs no key; a token not approved, unknown or spent is 14 for ever, never 15")
    func anyKeyAndFourteen() async throws {
        let made = Credential.madeUp()
        try await SandboxHarness.with(Self.gnufm, secret: made.secret, key: made.apiKey) { sandbox in
            let token = try await sandbox.client.getToken()
            let unsigned = try await sandbox.raw(.post, "/2.0/", form: [("method", "auth.getToken"), ("format", "json")])
            #expect(unsigned.status == 200 && unsigned.text.hasPrefix(#"{"token":""#), "getToken without api_key: \(unsigned.text)")
            let notYet = AuthError.api(code: 14, message: "This token has not yet been authorised")
            await #expect(throws: notYet) { try await sandbox.client.getSession(token: token) }
            await #expect(throws: notYet) { try await sandbox.client.getSession(token: String(repeating: "0", count: 32)) }
            let raw = try await sandbox.raw(.post, "/2.0/", form: [("method", "auth.getSession"), ("token", token), ("format", "json")])
            #expect(raw.status == 200, "GNU FM sends every error with HTTP 200")
            #expect(sandbox.server.approve(token: token))
            #expect(try await sandbox.client.getSession(token: token).username == SandboxAccount.user)
            await #expect(throws: notYet, "a spent token is 14, like one not approved") { try await sandbox.client.getSession(token: token) }
        }
    }

    @Test("the XML session comes without a declaration, indented with tabs, as text/html; user.getInfo with sk alone is error 6 in the other shape")
    func answersAsGNUFM() async throws {
        try await SandboxHarness.with(Self.gnufm) { sandbox in
            let token = try await sandbox.client.getToken()
            #expect(sandbox.server.approve(token: token))
            let xml = try await sandbox.raw(.post, "/2.0/", form: [("method", "auth.getSession"), ("token", token)])
            #expect(xml.headers["content-type"] == "text/html; charset=utf-8")
            #expect(xml.text.hasPrefix("<lfm status=\"ok\">\n\t<session>"), "answer: \(xml.text)")
            let info = try await sandbox.raw(.post, "/2.0/", form: [("method", "user.getInfo"), ("sk", "x"), ("format", "json")])
            #expect(info.text == ##"{"error":{"#text":"Invalid parameters - Your request is missing a required parameter","code":"6"}}"##)
        }
    }

    @Test("the authorize page takes any key and has one Submit button, no Deny")
    func submitPage() async throws {
        try await SandboxHarness.with(Self.gnufm) { sandbox in
            let token = try await sandbox.client.getToken()
            let page = try await sandbox.raw(.get, "/api/auth/?api_key=\(Credential.madeUp().apiKey)&token=\(token)")
            #expect(page.status == 200)
            #expect(page.text.contains(">Submit</button>") && !page.text.contains("Deny"))
        }
    }
}
