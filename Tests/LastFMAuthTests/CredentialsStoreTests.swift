import LastFMAuth
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

@Suite("The credentials file")
struct CredentialsStoreTests {
    static let alice = Session(username: "alice", key: "d580d57f32848f5dcf574d1ce18d78b2")

    func profile(_ session: Session = alice) -> Profile {
        Profile(service: .lastfm, apiKey: "0123456789abcdef0123456789abcdef", apiSecret: "fedcba9876543210fedcba9876543210",
                session: session, createdAt: "2026-11-25T17:00:00Z")
    }

    @Test("lives under XDG_CONFIG_HOME, else ~/.config")
    func location() {
        #expect(CredentialsStore.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/lastfm-auth/credentials.json")
        #expect(CredentialsStore.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/lastfm-auth/credentials.json")
        #expect(CredentialsStore.defaultPath(environment: [:]) == nil)
    }

    @Test("is written with mode 0600 in a 0700 folder, in the documented shape, with no temporary file left")
    func writesPrivately() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let store = CredentialsStore(path: dir.path + "/new/lastfm-auth/credentials.json")
        try store.save(profile(), as: "default")
        #expect(dir.mode("new/lastfm-auth") == 0o700)
        #expect(dir.mode("new/lastfm-auth/credentials.json") == 0o600)
        let text = try #require(dir.read("new/lastfm-auth/credentials.json"))
        for field in ["\"profiles\"", "\"default\"", "\"service\" : \"lastfm\"", "\"api_root\"", "\"auth_url\"", "\"api_key\"",
                      "\"api_secret\"", "\"session_key\" : \"d580d57f32848f5dcf574d1ce18d78b2\"", "\"username\" : \"alice\"", "\"created_at\""] {
            #expect(text.contains(field), "missing \(field)")
        }
        var warnings: [String] = []
        #expect(try store.profile(named: "default", warnings: &warnings) == profile())
        #expect(warnings.isEmpty)
        #expect(dir.list("new/lastfm-auth").allSatisfy { !$0.contains(".tmp-") })
    }

    @Test("other profiles and unknown fields are kept")
    func keepsOthers() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.write("credentials.json", #"{"profiles":{"work":{"service":"librefm","api_root":"https://libre.fm/2.0/","auth_url":"https://libre.fm/api/auth/","api_key":"k","api_secret":"s","session_key":"x","username":"bob","created_at":"then","note":"mine"}},"version":2}"#)
        let store = CredentialsStore(path: dir.path + "/credentials.json")
        try store.save(profile(), as: "default")
        let text = try #require(dir.read("credentials.json"))
        #expect(text.contains("\"note\" : \"mine\""))
        #expect(text.contains("\"version\" : 2"))
        var warnings: [String] = []
        #expect(try store.profile(named: "work", warnings: &warnings)?.username == "bob")
        #expect(try store.profile(named: "default", warnings: &warnings)?.username == "alice")
    }

    /// Issue #37: the plain front's keep path and --print env wrote such a name to the terminal.
    @Test("a user name edited into the file is read back as the server's answer is checked: escapes dropped, over 256 bytes refused")
    func usernameReadBackChecked() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let store = CredentialsStore(path: dir.path + "/credentials.json")
        func file(_ name: String) -> String {
            #"{"profiles":{"other":{"service":"lastfm","api_root":"https://ws.audioscrobbler.com/2.0/","auth_url":"https://www.last.fm/api/auth/","api_key":"b25b959554ed76058ac220b7b2e0a026","api_secret":"425b55975eed76058ac220b7b2e0a026","session_key":"d580d57f32848f5dcf574d1ce18d78b2","username":"\#(name)","created_at":"2026-11-25T00:00:00Z"}}}"#
        }
        dir.write("credentials.json", file(#"bob\u001b]52;c;ZXZpbA==\u0007"#))
        var warnings: [String] = []
        #expect(try store.profile(named: "other", warnings: &warnings)?.username == "bob")
        dir.write("credentials.json", file(String(repeating: "a", count: 257)))
        #expect(throws: StoreError.self) { try store.profile(named: "other", warnings: &warnings) }
    }

    /// Issue #37: five profiles with a 900 KB user name each pushed the file past its 4 MiB read limit.
    @Test("a profile too large to keep is refused with the reason; the file and the other profiles stay readable")
    func oversizedProfileRefused() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let store = CredentialsStore(path: dir.path + "/credentials.json")
        try store.save(profile(), as: "default")
        var huge = profile()
        huge.authURL = "https://example.org/" + String(repeating: "a", count: 100_000)
        let refusal = #expect(throws: StoreError.self) { try store.save(huge, as: "huge") }
        #expect(refusal?.description.contains("it would take more than 64 KiB") == true, "\(String(describing: refusal))")
        var warnings: [String] = []
        #expect(try store.profile(named: "default", warnings: &warnings) == profile())
        #expect(try store.profile(named: "huge", warnings: &warnings) == nil)
    }

    @Test("a corrupt file is reported and never clobbered")
    func corrupt() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.write("credentials.json", "{ this is not json")
        let store = CredentialsStore(path: dir.path + "/credentials.json")
        #expect(throws: StoreError.corrupt(path: store.path, detail: "not a JSON object")) { try store.save(profile(), as: "default") }
        #expect(dir.read("credentials.json") == "{ this is not json")
    }

    @Test("a symlink is refused for reading and writing, and its target is untouched")
    func symlinkRefused() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.write("target.json", "{}")
        symlink(dir.path + "/target.json", dir.path + "/credentials.json")
        let store = CredentialsStore(path: dir.path + "/credentials.json")
        #expect(throws: StoreError.symlink(path: store.path)) { try store.save(profile(), as: "default") }
        var warnings: [String] = []
        #expect(throws: StoreError.symlink(path: store.path)) { try store.profile(named: "default", warnings: &warnings) }
        #expect(dir.read("target.json") == "{}")
    }

    @Test("a directory in its place is a clear error")
    func directoryInPlace() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        mkdir(dir.path + "/credentials.json", 0o700)
        let store = CredentialsStore(path: dir.path + "/credentials.json")
        #expect(throws: StoreError.notAFile(path: store.path)) { try store.save(profile(), as: "default") }
    }

    @Test("a file readable by others is fixed to 0600, with a warning")
    func fixesMode() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.write("credentials.json", #"{"profiles":{}}"#, mode: 0o644)
        let store = CredentialsStore(path: dir.path + "/credentials.json")
        var warnings: [String] = []
        #expect(try store.profile(named: "default", warnings: &warnings) == nil)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("mode 644") == true)
        #expect(dir.mode("credentials.json") == 0o600)
    }

    @Test("an unwritable place fails with the system's reason")
    func unwritable() {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.write("file", "x")
        let store = CredentialsStore(path: dir.path + "/file/credentials.json")
        #expect {
            try store.save(profile(), as: "default")
        } throws: { error in
            guard case .notAFile = error as? StoreError else { return false }
            return true
        }
    }

    @Test("many saves at once from several threads lose no profile")
    func concurrentSaves() async throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let store = CredentialsStore(path: dir.path + "/credentials.json")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<16 {
                group.addTask {
                    try store.save(profile(Session(username: "user\(index)", key: "key\(index)")), as: "p\(index)")
                }
            }
            try await group.waitForAll()
        }
        var warnings: [String] = []
        for index in 0..<16 {
            #expect(try store.profile(named: "p\(index)", warnings: &warnings)?.username == "user\(index)")
        }
    }

    @Test("a pending token is remembered beside the credentials, resumed while young, and forgotten")
    func pendingTokens() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let pending = PendingTokenStore(besideCredentialsAt: dir.path + "/credentials.json")
        let token = PendingToken(apiRoot: "https://libre.fm/2.0/", apiKey: "k", token: "t", issuedAt: 1000)
        try pending.remember(token, for: "default")
        #expect(dir.mode("pending.json") == 0o600)
        #expect(pending.resumable(for: "default", apiRoot: "https://libre.fm/2.0/", apiKey: "k", now: 1000 + 600, lifetime: .seconds(3600)) == token)
        #expect(pending.resumable(for: "default", apiRoot: "https://libre.fm/2.0/", apiKey: "other", now: 1600, lifetime: .seconds(3600)) == nil)
        #expect(pending.resumable(for: "default", apiRoot: "https://x/2.0/", apiKey: "k", now: 1600, lifetime: .seconds(3600)) == nil)
        #expect(pending.resumable(for: "default", apiRoot: "https://libre.fm/2.0/", apiKey: "k", now: 1000 + 3590, lifetime: .seconds(3600)) == nil)
        #expect(pending.resumable(for: "default", apiRoot: "https://libre.fm/2.0/", apiKey: "k", now: 900, lifetime: .seconds(3600)) == nil)
        try pending.forget(profile: "default")
        #expect(pending.resumable(for: "default", apiRoot: "https://libre.fm/2.0/", apiKey: "k", now: 1600, lifetime: .seconds(3600)) == nil)
    }
}
