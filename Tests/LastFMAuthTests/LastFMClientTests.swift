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

    /// Issue #27: --verbose said "HTTP 200, 63 bytes" where the README promises each answer.
    @Test("an answer's body for the log: token and session key redacted in JSON and XML, tabs folded, escapes dropped, cut")
    func answerRedaction() {
        #expect(Redaction.describeAnswer(Array(#"{"token":"0123456789abcdef0123456789abcdef"}"#.utf8)) == #"{"token":"<redacted>"}"#)
        #expect(Redaction.describeAnswer(Array(#"{"session":{"name":"alice","key" : "s3cr3t","subscriber":0}}"#.utf8))
                == #"{"session":{"key":"<redacted>","name":"alice","subscriber":0}}"#, "written out again from the parse, names in order")
        let gnufm = "<lfm status=\"ok\">\n\t<session>\n\t\t<name>alice</name>\n\t\t<key>s3cr3t</key>\n\t</session>\n</lfm>"
        #expect(Redaction.describeAnswer(Array(gnufm.utf8)) == "<lfm status=\"ok\"> <session> <name>alice</name><key><redacted></key></session></lfm>")
        #expect(Redaction.describeAnswer(Array("<token>t0k</token>\u{1B}]52;c;eA==\u{07}".utf8)) == "<token><redacted></token>")
        // Issue #37: the page is cut, not redacted away (words, not one long run of letters).
        let page = Redaction.describeAnswer(Array(("<html>" + String(repeating: "x ", count: 5000)).utf8))
        #expect(page.count == 203 && page.hasSuffix("..."))
    }

    /// Issue #37: four valid answer shapes printed the session key or token under --verbose.
    @Test("redaction knows the fields, however the answer spells them: escapes, entities, CDATA, attributes, prefixes, no line breaks", arguments: [
        #"{"session":{"name":"alice","k\u0065y":"5e55105e55105e55105e55105e551051"}}"#,
        #"{"token":"5e55105e5\u00315e55105e55105e551051"}"#,
        "<lfm status=\"ok\"><session><name>alice</name><key>&#x35;e55105e55105e55105e55105e551051</key></session></lfm>",
        "<lfm status=\"ok\"><session><name>alice</name><key><![CDATA[5e55105e55105e55105e55105e551051]]></key></session></lfm>",
        "<lfm status=\"ok\"><session name=\"alice\" key=\"5e55105e55105e55105e55105e551051\"/></lfm>",
        "<lfm status=\"ok\"><lfm:session><lfm:key>5e55105e55105e55105e55105e551051</lfm:key></lfm:session></lfm>",
        "session=5e55105e55105e55105e55105e551051",
    ])
    func answerRedactionByField(body: String) {
        let line = Redaction.describeAnswer(Array(body.utf8))
        #expect(!line.contains("5e55105e5") && !line.contains("e551051"), "\(line)")
        #expect(line.contains("<redacted>"), "\(line)")
    }
}

/// Issue #19: an address that is not the API says so, with the address to use where it is known.
@Suite("Answers that are not the API")
struct NotTheAPITests {
    static func client(_ transport: CannedTransport, root: String = "http://127.0.0.1:8080/2.0") throws -> LastFMClient {
        LastFMClient(service: try .custom(apiRoot: root, authPage: "http://127.0.0.1:8080/api/auth/"), apiKey: TestCredentials.apiKey,
                     secret: TestCredentials.secret, transport: transport)
    }

    @Test("a site's HTML page is a web page at once, not a parser's complaint, and the token request does not wait for it")
    func webPage() async throws {
        let page = CannedTransport(status: 200, body: "<!DOCTYPE html>\n<html><head><title>Libre.fm</title></head></html>", headers: ["content-type": "text/html; charset=utf-8"])
        await #expect(throws: AuthError.webPage(status: 200)) { try await Self.client(page).getToken() }
        #expect(AuthError.webPage(status: 200).description == "this address serves a web page, not the Last.fm API (HTTP 200)")
        #expect(TokenRequestPolicy(attended: true).decision(after: .webPage(status: 200), failures: 1, jitter: 0) == .stop)
        #expect(AuthError.webPage(status: 200).isTransient, "while waiting, a portal's page is still trouble to wait through")
    }

    @Test("GNU FM's XML sent as text/html is still an answer")
    func gnufmXML() async throws {
        let xml = CannedTransport(status: 200, body: "<lfm status=\"ok\"><token>cf45fe5a3e3cebe168480a086d7fe481</token></lfm>", headers: ["content-type": "text/html"])
        #expect(try await Self.client(xml).getToken() == "cf45fe5a3e3cebe168480a086d7fe481")
    }

    @Test("a 404 says there is no API at the address; the sentence gives what an API root looks like")
    func notFound() async throws {
        let missing = CannedTransport(status: 404, body: "not found\n")
        await #expect(throws: AuthError.httpStatus(404, retryAfter: nil)) { try await Self.client(missing).getToken() }
        let root = try WebAddress("http://127.0.0.1:8080/nope/")
        #expect(Wording.tokenRefused(.httpStatus(404, retryAfter: nil), apiRoot: root)
            == "Could not get a token from http://127.0.0.1:8080/nope/: there is no Last.fm-compatible API at this address (HTTP 404). An API root usually ends in /2.0/, such as http://127.0.0.1:8080/2.0/.")
        #expect(TokenRequestPolicy(attended: true).decision(after: .httpStatus(404, retryAfter: nil), failures: 1, jitter: 0) == .stop)
    }

    @Test("a redirect that only adds a slash names the whole address to use; others are refused as before", arguments: [
        "http://127.0.0.1:8080/2.0/", "/2.0/",
    ])
    func slashRedirect(location: String) async throws {
        let redirect = CannedTransport(status: 301, body: "", headers: ["location": location])
        do {
            _ = try await Self.client(redirect).getToken()
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("the same address with a slash added; use http://127.0.0.1:8080/2.0/ as the API root"), "\(error)")
        }
        let elsewhere = CannedTransport(status: 302, body: "", headers: ["location": "https://portal.example/login"])
        await #expect(throws: AuthError.transport(TransportError(.redirect, "the server redirected to https://portal.example/login; redirects are refused so the token stays with the chosen server"))) {
            try await Self.client(elsewhere).getToken()
        }
    }
}
