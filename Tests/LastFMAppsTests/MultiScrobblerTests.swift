import Foundation
import LastFMApps
import LastFMAuth
import Testing
import TestSupport

/// multi-scrobbler's lastfm.json read (never rewritten) and its currentCreds file written, in a scratch CONFIG_DIR.
@Suite("multi-scrobbler's files")
struct MultiScrobblerTests {
    static let key = "0123456789abcdef0123456789abcdef"
    static let secret = "fedcba9876543210fedcba9876543210"
    static let profile = Profile(service: .lastfm, apiKey: key, apiSecret: secret, session: Session(username: "rj", key: "SK"), createdAt: "2026-12-04T00:00:00Z")
    static let clients = """
        [
          {"name": "lfmSource", "configureAs": "source", "data": {"apiKey": "ffffffffffffffffffffffffffffffff", "secret": "x"}},
          {"name": "myLastFm", "data": {"apiKey": "\(key)", "secret": "\(secret)", "redirectUri": "http://localhost:9078/lastfm/callback"}}
        ]
        """

    @Test("the first client entry's apiKey and secret; currentCreds-lastfm-NAME.json written 0600, lastfm.json untouched")
    func handOff() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        scratch.write("lastfm.json", Self.clients, mode: 0o644)
        let app = MultiScrobbler(environment: ["CONFIG_DIR": scratch.path])
        #expect(try app.credentials() == AppCredentials(key: AppValue(Self.key, from: .setting(name: "myLastFm's apiKey", file: app.clientsPath)),
                                                        secret: AppValue(Self.secret, from: .setting(name: "myLastFm's secret", file: app.clientsPath))))
        let path = app.credentialsPath(client: "myLastFm")
        #expect(try app.handOff(Self.profile) == [AppWrite(what: "the session key", path: path, change: .wrote(backup: nil))])
        let state = try #require(try JSONSerialization.jsonObject(with: Data((scratch.read(path) ?? "").utf8)) as? [String: Any])
        #expect(state["sessionKey"] as? String == "SK" && state["name"] as? String == "rj" && state["lastRefreshed"] is Int)
        #expect(scratch.mode(path) == 0o600)
        #expect(scratch.read("lastfm.json") == Self.clients)
        #expect(try app.handOff(Self.profile) == [AppWrite(what: "the session key", path: path, change: .unchanged)])
        scratch.write(path, "{\"sessionKey\": \"older\"}")
        #expect(try app.handOff(Self.profile).first?.change == .wrote(backup: path + ".bak"))
        #expect(scratch.read(path + ".bak") == "{\"sessionKey\": \"older\"}")
    }

    @Test("not JSON, no CONFIG_DIR, no client, or another key: said, nothing written", arguments: [
        ("[{\"name\": \"a\", data: {}}]", "not JSON"),
        ("{\"name\": \"a\"}", "not a JSON array of clients"),
        ("[{\"name\": \"a\", \"configureAs\": \"source\", \"data\": {}}]", "no client entry with a name and data"),
        ("[{\"name\": \"a\", \"data\": {\"apiKey\": \"ffffffffffffffffffffffffffffffff\", \"secret\": \"\(secret)\"}}]", "needs the profile's apiKey and secret"),
    ])
    func refused(clients: String, said: String) throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        scratch.write("lastfm.json", clients)
        let app = MultiScrobbler(environment: ["CONFIG_DIR": scratch.path])
        #expect {
            try app.handOff(Self.profile)
        } throws: { error in
            (error as? AppError)?.description.contains(said) == true
        }
        #expect(scratch.read("lastfm.json") == clients)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) == ["lastfm.json"])
        #expect(throws: AppError.self) { try MultiScrobbler(environment: [:]).credentials() }
    }
}
