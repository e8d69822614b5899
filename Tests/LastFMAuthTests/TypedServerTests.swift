import LastFMAuth
import Testing
import TestSupport

/// Issue #19: custom servers typed the way people type them.
@Suite("Custom server addresses as people type them")
struct TypedServerTests {
    @Test("the API root gets its slash, a bare host gets /2.0/, a complete one stays", arguments: [
        ("http://127.0.0.1:8080/2.0", "http://127.0.0.1:8080/2.0/"),
        ("https://libre.fm", "https://libre.fm/2.0/"),
        ("https://libre.fm/", "https://libre.fm/2.0/"),
        ("https://gnufm.example.org/gnufm/2.0", "https://gnufm.example.org/gnufm/2.0/"),
        ("https://gnufm.example.org/2.0/", "https://gnufm.example.org/2.0/"),
        ("https://gnufm.example.org/2.0/?x=1", "https://gnufm.example.org/2.0/?x=1"),
        ("libre.fm", "https://libre.fm/2.0/"),
        ("gnufm.example.org/2.0", "https://gnufm.example.org/2.0/"),
        ("localhost:8443", "https://localhost:8443/2.0/"),
    ])
    func completed(typed: String, used: String) throws {
        let server = try TypedServer(apiRoot: "  \(typed) ", authPage: "https://gnufm.example.org/api/auth/")
        #expect(server.service.apiRoot.text == used)
        #expect((server.typedAPIRoot != nil) == (typed != used), "a change is reported, and only a change")
    }

    @Test("a missing authorize page is derived from the API root's scheme, host and port")
    func derivedPage() throws {
        let server = try TypedServer(apiRoot: "http://127.0.0.1:8080/2.0", authPage: nil)
        #expect(server.service.authPage.text == "http://127.0.0.1:8080/api/auth/")
        #expect(server.derivedAuthPage)
        #expect(try TypedServer(apiRoot: "https://[::1]:9/2.0/", authPage: "  ").service.authPage.text == "https://[::1]:9/api/auth/")
        #expect(!(try TypedServer(apiRoot: "https://a.example/2.0/", authPage: "https://b.example/auth/")).derivedAuthPage)
        #expect(Wording.usingAddresses(server) == [
            "Using the API root http://127.0.0.1:8080/2.0/ (typed as http://127.0.0.1:8080/2.0).",
            "Using the authorize page http://127.0.0.1:8080/api/auth/, derived from the API root.",
        ])
    }

    @Test("both addresses are still checked: plain http only to this machine, nothing that is not an address")
    func checked() {
        #expect(throws: ServiceError.insecure("http://gnufm.example.org/2.0/")) { try TypedServer(apiRoot: "http://gnufm.example.org/2.0", authPage: nil) }
        // A host typed without a scheme gets https:// (libre.fm above); a bare word or a path does not.
        #expect(throws: ServiceError.notAnAddress("libre")) { try TypedServer(apiRoot: "libre", authPage: nil) }
        #expect(throws: ServiceError.notAnAddress("/2.0/")) { try TypedServer(apiRoot: "/2.0/", authPage: nil) }
        #expect(throws: ServiceError.self) { try TypedServer(apiRoot: "https://libre.fm/2.0/", authPage: "auth") }
    }
}
