import LastFMAuth
import Testing
import TestSupport

@Suite("The client reads answers whatever the HTTP status")
struct LastFMClientTests {
    static let key = TestCredentials.apiKey

    func client(_ transport: CannedTransport) -> LastFMClient {
        LastFMClient(service: .lastfm, apiKey: Self.key, secret: TestCredentials.secret, transport: transport)
    }

    @Test("getToken POSTs a signed form to the API root and returns the token")
    func getToken() async throws {
        let transport = CannedTransport(body: #"{"token":"cf45fe5a3e3cebe168480a086d7fe481"}"#)
        #expect(try await client(transport).getToken() == "cf45fe5a3e3cebe168480a086d7fe481")
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url == "https://ws.audioscrobbler.com/2.0/")
        let form = FormEncoding.decode(String(decoding: request.body, as: UTF8.self))
        #expect(form?["method"] == "auth.getToken")
        #expect(form?["api_sig"] == "122db8efff0100fb11599a7629ab9106")
        #expect(form?["format"] == "json")
    }

    @Test("authenticatedUser signs user.getInfo with the session key and no user parameter")
    func authenticatedUser() async throws {
        let transport = CannedTransport(body: #"{"user":{"name":"alice"}}"#)
        #expect(try await client(transport).authenticatedUser(sessionKey: "d580d57f32848f5dcf574d1ce18d78b2") == "alice")
        let request = try #require(transport.requests.first)
        let form = try #require(FormEncoding.decode(String(decoding: request.body, as: UTF8.self)))
        #expect(form["method"] == "user.getInfo")
        #expect(form["sk"] == "d580d57f32848f5dcf574d1ce18d78b2")
        #expect(form["user"] == nil)
        #expect(form["api_sig"] == "b03d241713229efbfeb992cefcd23202")
    }

    @Test("a 4xx with a Last.fm error body is an API error, not a network failure")
    func errorWith400() async {
        let transport = CannedTransport(status: 400, body: #"{"message":"Invalid method signature supplied","error":13}"#)
        await #expect(throws: AuthError.api(code: 13, message: "Invalid method signature supplied")) {
            try await client(transport).getToken()
        }
    }

    @Test("error 29 keeps the Retry-After the server sent")
    func retryAfter() async {
        let transport = CannedTransport(status: 429, body: #"{"error":29,"message":"Rate limit exceeded"}"#, headers: ["Retry-After": "7"])
        await #expect(throws: AuthError.api(code: 29, message: "Rate limit exceeded", retryAfter: .seconds(7))) {
            try await client(transport).getSession(token: "cf45fe5a3e3cebe168480a086d7fe481")
        }
    }

    @Test("an error status with an unreadable body is an HTTP error; transient for 5xx and 429")
    func httpStatus() async {
        for (status, transient) in [(503, true), (502, true), (429, true), (404, false), (401, false)] {
            let transport = CannedTransport(status: status, body: "<html>oops</html>", headers: ["Retry-After": "2"])
            do {
                _ = try await client(transport).getToken()
                Issue.record("HTTP \(status) did not throw")
            } catch {
                #expect(error == .httpStatus(status, retryAfter: .seconds(2)))
                #expect(error.isTransient == transient)
            }
        }
    }

    @Test("a redirect is refused, so the token never reaches another host")
    func redirect() async {
        let transport = CannedTransport(status: 302, body: "", headers: ["Location": "http://evil.example/"])
        do {
            _ = try await client(transport).getToken()
            Issue.record("a redirect was followed")
        } catch {
            guard case .transport(let failure) = error else { Issue.record("unexpected \(error)"); return }
            #expect(failure.kind == .redirect)
            #expect(!error.isTransient)
        }
    }

    @Test("a transport failure is passed on typed")
    func transportFailure() async {
        let transport = CannedTransport([.failure(TransportError(.timeout, "the server did not answer in time"))])
        await #expect(throws: AuthError.transport(TransportError(.timeout, "the server did not answer in time"))) {
            try await client(transport).getToken()
        }
    }

    @Test("a session answer to getToken is a bad response")
    func wrongAnswer() async {
        let transport = CannedTransport(body: #"{"session":{"name":"a","key":"abc"}}"#)
        await #expect(throws: AuthError.badResponse("auth.getToken did not return a token")) { try await client(transport).getToken() }
    }

    @Test("what is logged never holds the signature, token or secret")
    func redaction() {
        let line = Redaction.describe([("api_key", "k"), ("api_sig", "s1g"), ("token", "t0k"), ("method", "auth.getSession")])
        #expect(line == "api_key=k api_sig=<redacted> token=<redacted> method=auth.getSession")
    }
}
