import LastFMAuth
import Testing

@Suite("Keys, secrets and addresses")
struct CredentialTests {
    @Test("a key is 32 hex characters, trimmed and lowercased")
    func normalize() {
        #expect(Credential.normalize("  0123456789ABCDEF0123456789abcdef\n") == .success("0123456789abcdef0123456789abcdef"))
        #expect(Credential.normalize("") == .failure(.empty))
        #expect(Credential.normalize("   ") == .failure(.empty))
        #expect(Credential.normalize("0123") == .failure(.wrongLength(4)))
        #expect(Credential.normalize("0123456789abcdef0123456789abcdefg") == .failure(.notHex("g")))
        #expect(Credential.normalize("0123456789abcdef 0123456789abcdef") == .failure(.notHex(" ")))
        #expect(Credential.normalize("\u{1B}[200~0123456789abcdef0123456789abcdef\u{1B}[201~") == .failure(.notHex("\u{1B}")))
    }

    @Test("HTTPS is required except for this machine", arguments: [
        ("https://ws.audioscrobbler.com/2.0/", true), ("http://127.0.0.1:8080/2.0/", true), ("http://127.5.0.1/2.0/", true),
        ("http://localhost:9/2.0/", true), ("http://[::1]:9/2.0/", true), ("HTTP://LOCALHOST/x", true),
        ("http://ws.audioscrobbler.com/2.0/", false), ("http://127.0.0.1.evil.com/", false), ("http://10.0.0.1/", false),
        ("http://[::2]/", false), ("ftp://x/", false), ("not a url", false), ("https:///path", false),
        ("https://user@host/", false), ("https://host/\u{1B}[2J", false),
    ])
    func addresses(text: String, accepted: Bool) {
        let parsed = try? WebAddress(text)
        #expect((parsed != nil) == accepted)
    }

    @Test("the seed's http:// Last.fm addresses are https:// in the built-in services")
    func builtInServices() {
        #expect(Service.lastfm.apiRoot.text == "https://ws.audioscrobbler.com/2.0/")
        #expect(Service.lastfm.authorizeURL(apiKey: "k", token: "t") == "https://www.last.fm/api/auth/?api_key=k&token=t")
        #expect(Service.librefm.authPage.text == "https://libre.fm/api/auth/")
        let custom = try? Service.custom(apiRoot: "https://example.org/2.0/", authPage: "https://example.org/auth?x=1")
        #expect(custom?.authorizeURL(apiKey: "k", token: "t") == "https://example.org/auth?x=1&api_key=k&token=t")
    }

    @Test("form encoding round-trips UTF-8, spaces and reserved characters")
    func formEncoding() {
        let pairs = [("artist", "Sigur Rós"), ("q", "a&b=c+d %"), ("empty", "")]
        let encoded = FormEncoding.encode(pairs)
        #expect(encoded == "artist=Sigur%20R%C3%B3s&q=a%26b%3Dc%2Bd%20%25&empty=")
        #expect(FormEncoding.decode(encoded) == ["artist": "Sigur Rós", "q": "a&b=c+d %", "empty": ""])
        #expect(FormEncoding.decode("a=b+c") == ["a": "b c"])
        #expect(FormEncoding.decode("a=%ZZ") == nil)
        #expect(FormEncoding.decode("a=%FF") == nil)
    }

    @Test("proxies come from the environment; loopback and NO_PROXY go direct")
    func proxies() {
        let env = ["HTTPS_PROXY": "http://user:pw@proxy.local:3128/", "NO_PROXY": "internal.example,.corp"]
        let proxy = ProxySettings.forTarget(scheme: "https", host: "ws.audioscrobbler.com", environment: env)
        #expect(proxy?.host == "proxy.local")
        #expect(proxy?.port == 3128)
        #expect(proxy?.credentials?.user == "user")
        #expect(ProxySettings.forTarget(scheme: "https", host: "internal.example", environment: env) == nil)
        #expect(ProxySettings.forTarget(scheme: "https", host: "a.corp", environment: env) == nil)
        #expect(ProxySettings.forTarget(scheme: "http", host: "127.0.0.1", environment: ["http_proxy": "p:1"]) == nil)
        #expect(ProxySettings.forTarget(scheme: "http", host: "example.org", environment: ["http_proxy": "p:1"])?.port == 1)
        #expect(ProxySettings.forTarget(scheme: "https", host: "example.org", environment: [:]) == nil)
    }
}
