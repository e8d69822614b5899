@testable import LastFMAuth
import Testing

/// What the loopback listener takes: only a GET of its one random address, with our Host, and a
/// token that looks like one. Everything else is refused without reaching the wait.
@Suite("The loopback callback's judgement of a request")
struct CallbackRequestTests {
    let address = CallbackAddress(port: 40123, path: "/0123456789abcdef0123456789abcdef")
    let token = "dfbdffb88582aa3fd0492a5492768204"

    func request(method: String? = "GET", path: String? = nil, host: String? = "127.0.0.1:40123", token: String? = nil) -> CallbackRequest {
        CallbackRequest(method: method, path: path ?? address.path, host: host, token: token)
    }

    @Test("a GET of the address with a token is an approval; without one (or empty), a refusal of access")
    func approvedAndDeclined() {
        #expect(request(token: token).verdict(at: address) == .approved(token: token))
        #expect(request().verdict(at: address) == .declined)
        #expect(request(token: "").verdict(at: address) == .declined)
    }

    @Test("another Host (a name a DNS answer moved here, localhost, another port, none) is refused", arguments: [
        "localhost:40123", "evil.example:40123", "127.0.0.1:40124", "127.0.0.1", "127.0.0.1:40123.evil.example", "[::1]:40123",
    ])
    func wrongHost(host: String) {
        #expect(request(host: host, token: token).verdict(at: address) == .refused(.wrongHost))
        #expect(request(host: nil, token: token).verdict(at: address) == .refused(.wrongHost))
    }

    @Test("any other path is not found: a guess, one digit off, a prefix, a trailing slash, the root", arguments: [
        "/", "/0123456789abcdef0123456789abcdee", "/0123456789abcdef0123456789abcde", "/0123456789abcdef0123456789abcdef/",
        "/0123456789ABCDEF0123456789ABCDEF", "/favicon.ico",
    ])
    func wrongPath(path: String) {
        #expect(request(path: path, token: token).verdict(at: address) == .refused(.notFound))
    }

    @Test("only GET", arguments: ["POST", "HEAD", "PUT", "OPTIONS"])
    func wrongMethod(method: String) {
        #expect(request(method: method, token: token).verdict(at: address) == .refused(.wrongMethod))
    }

    @Test("a token that is not 32 letters and digits is refused before it is sent anywhere", arguments: [
        "dfbdffb88582aa3fd0492a549276820", "dfbdffb88582aa3fd0492a54927682045", "dfbdffb88582aa3fd0492a549276820<", "x&method=auth.getToken0000000000",
    ])
    func notAToken(token: String) {
        #expect(request(token: token).verdict(at: address) == .refused(.notAToken))
    }

    @Test("the random address: 127.0.0.1, the port, 128 bits of hexadecimal, a new one each time")
    func randomAddress() {
        let first = CallbackAddress.random(port: 40123), second = CallbackAddress.random(port: 40123)
        #expect(first.url.hasPrefix("http://127.0.0.1:40123/"))
        #expect(first.path.count == 33 && first.path.dropFirst().allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(first != second)
        #expect(first.isPath(first.path) && !first.isPath(second.path))
    }

    @Test("refusals carry their status: 421, 404, 405, 400")
    func statuses() {
        #expect([CallbackVerdict.Refusal.wrongHost, .notFound, .wrongMethod, .notAToken].map(\.status) == [421, 404, 405, 400])
    }
}
