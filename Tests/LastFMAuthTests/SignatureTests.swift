import LastFMAuth
import Testing
import TestSupport

@Suite("Signing")
struct SignatureTests {
    static let key = TestCredentials.apiKey
    static let secret = TestCredentials.secret

    @Test("matches the vectors of docs/protocol-facts.md", arguments: [
        (["method": "auth.getToken"], "122db8efff0100fb11599a7629ab9106"),
        (["method": "auth.getToken", "format": "json"], "122db8efff0100fb11599a7629ab9106"),
        (["method": "auth.getSession", "token": "cf45fe5a3e3cebe168480a086d7fe481"], "119e3e96126b29b88fc327b1d34d9d9f"),
        (["method": "track.love", "artist": "Sigur Rós", "track": "Hoppípolla"], "a4e9f51091c74c7701d24d276005b516"),
        // Not in docs/protocol-facts.md: md5 of "api_key0123…cdefmethoduser.getInfoskd580…78b2" + secret,
        // by coreutils' md5sum.
        (["method": "user.getInfo", "sk": "d580d57f32848f5dcf574d1ce18d78b2"], "b03d241713229efbfeb992cefcd23202"),
    ])
    func vectors(parameters: [String: String], expected: String) throws {
        var all = parameters
        all["api_key"] = Self.key
        #expect(try Signature.sign(all, secret: Self.secret) == expected)
    }

    @Test("format, callback and api_sig are not signed; the method's case is")
    func unsignedParameters() throws {
        let base = ["method": "auth.getToken", "api_key": Self.key]
        let signature = try Signature.sign(base, secret: Self.secret)
        #expect(try Signature.sign(base.merging(["callback": "x", "api_sig": "y", "format": "xml"]) { $1 }, secret: Self.secret) == signature)
        #expect(try Signature.sign(["method": "auth.gettoken", "api_key": Self.key], secret: Self.secret) != signature)
    }

    @Test("sorts by byte order, not by locale")
    func byteOrder() throws {
        // "Z" (0x5A) sorts before "a" (0x61) in byte order.
        // MD5("Z2a1s"), not MD5("a1Z2s") = 7ea99f12b9a16348b7bda8f569b02979.
        #expect(try Signature.sign(["a": "1", "Z": "2"], secret: "s") == "2bde2fecc722d2bbd1fe786b7ce79011")
    }

    @Test("the client signs exactly what it sends")
    func clientForm() throws {
        let client = LastFMClient(service: .lastfm, apiKey: Self.key, secret: Self.secret, transport: CannedTransport(body: ""))
        let form = try client.signedForm("auth.getSession", ["token": "cf45fe5a3e3cebe168480a086d7fe481"])
        let fields = Dictionary(uniqueKeysWithValues: form)
        #expect(fields["api_sig"] == "119e3e96126b29b88fc327b1d34d9d9f")
        #expect(fields["format"] == "json")
        #expect(fields["api_key"] == Self.key)
    }
}
