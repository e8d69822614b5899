import Foundation
import LastFMApps
import LastFMAuth
import Testing
import TestSupport

/// rescrobbled's files read and written as its newest source reads them, in a scratch HOME.
@Suite("rescrobbled's settings, read and written with care")
struct RescrobbledTests {
    static let key = "0123456789abcdef0123456789abcdef"
    static let secret = "fedcba9876543210fedcba9876543210"
    static let sessionKey = "SESSIONKEYSESSIONKEYSESSIONKEY12"

    static func profile(key: String = key, secret: String = secret) -> Profile {
        Profile(service: .lastfm, apiKey: key, apiSecret: secret, session: Session(username: "rj", key: sessionKey), createdAt: "2026-12-04T00:00:00Z")
    }

    /// A scratch HOME with `config` as rescrobbled's config.toml (none when nil).
    static func app(_ scratch: ScratchFolder, config: String?, environment: [String: String] = [:]) throws -> Rescrobbled {
        try FileManager.default.createDirectory(atPath: scratch.path + "/.config/rescrobbled", withIntermediateDirectories: true)
        if let config { scratch.write(".config/rescrobbled/config.toml", config, mode: 0o644) }
        return Rescrobbled(environment: scratch.environment.merging(environment) { $1 })
    }

    @Test("what is said before the flow: where each came from, and what is missing and will be written there")
    func readFromAppWording() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let app = try Self.app(scratch, config: nil)
        let key = AppValue(Self.key, from: .setting(name: "lastfm-key", file: app.configPath))
        let secret = AppValue(Self.secret, from: .environment(name: "LASTFM_SECRET"))
        #expect(Wording.readFromApp(app, AppCredentials(key: key, secret: secret))
                == "Using the key from lastfm-key in \(app.configPath) and the secret from LASTFM_SECRET (rescrobbled's own).")
        #expect(Wording.readFromApp(app, AppCredentials(key: key, secret: nil))
                == "Using the key from lastfm-key in \(app.configPath) (rescrobbled's own); its settings have no secret yet: the one you give is written there for it.")
        #expect(Wording.readFromApp(app, AppCredentials())
                == "rescrobbled's settings have no API key or secret yet: the ones you give are written there for it.")
    }

    @Test("the key and secret, under their names, their aliases, a -file setting, or rescrobbled's environment variables")
    func credentials() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        var app = try Self.app(scratch, config: "lastfm-key = \"\(Self.key)\"\napi-secret = '\(Self.secret)'\n")
        #expect(try app.credentials() == AppCredentials(key: AppValue(Self.key, from: .setting(name: "lastfm-key", file: app.configPath)),
                                                        secret: AppValue(Self.secret, from: .setting(name: "api-secret", file: app.configPath))))
        scratch.write("key.txt", "  \(Self.key)\n")
        app = try Self.app(scratch, config: "lastfm-key-file = \"~/key.txt\"\n")
        #expect(try app.credentials().key == AppValue(Self.key, from: .file(path: scratch.path + "/key.txt", setting: "lastfm-key-file")))
        #expect(try app.credentials().secret == nil)
        app = try Self.app(scratch, config: "lastfm-key = \"\(Self.key)\"\n", environment: ["LASTFM_KEY": "ffff"])
        #expect(try app.credentials().key == AppValue("ffff", from: .environment(name: "LASTFM_KEY")))
        app = try Self.app(scratch, config: "lastfm-key = \"\(Self.key)\"\n", environment: ["XDG_CONFIG_HOME": scratch.path + "/elsewhere"])
        #expect(app.configPath == scratch.path + "/elsewhere/rescrobbled/config.toml")
        #expect(try app.credentials() == AppCredentials(), "no config.toml there")
    }

    @Test("a config.toml that does not parse: where and what, and nothing written")
    func broken() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let broken = "# mine\nlastfm-key = \"\(Self.key)\nmin-play-time = 30\n"
        let app = try Self.app(scratch, config: broken)
        #expect {
            try app.credentials()
        } throws: { error in
            guard case .unreadable(let path, let detail) = error as? AppError else { return false }
            return path == app.configPath && detail.hasPrefix("line 2, column")
        }
        #expect(throws: AppError.self) { try app.handOff(Self.profile()) }
        #expect(scratch.read(app.configPath) == broken)
        #expect(scratch.read(app.sessionPath) == nil)
    }

    @Test("key and secret already there: only the session file is written, the key alone, 0600; config.toml untouched")
    func sessionOnly() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let config = "# rescrobbled\nlastfm-key = \"\(Self.key)\"   # mine\nlastfm-secret = \"\(Self.secret)\"\n\n[[listenbrainz]]\ntoken = \"x\"\n"
        let app = try Self.app(scratch, config: config)
        let writes = try app.handOff(Self.profile())
        #expect(writes == [AppWrite(what: "the session key", path: app.sessionPath, change: .wrote(backup: nil))])
        #expect(scratch.read(app.sessionPath) == Self.sessionKey, "no line break: rescrobbled reads the file untrimmed")
        #expect(scratch.mode(app.sessionPath) == 0o600)
        #expect(scratch.read(app.configPath) == config)
        #expect(scratch.mode(app.configPath) == 0o644, "not rewritten")
        #expect(try app.handOff(Self.profile()) == [AppWrite(what: "the session key", path: app.sessionPath, change: .unchanged)])
    }

    @Test("an existing session file is kept as session.bak, then session.bak.1")
    func backups() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let app = try Self.app(scratch, config: "lastfm-key = \"\(Self.key)\"\nlastfm-secret = \"\(Self.secret)\"\n")
        scratch.write(app.sessionPath, "old")
        #expect(try app.handOff(Self.profile()).last?.change == .wrote(backup: app.sessionPath + ".bak"))
        #expect(scratch.read(app.sessionPath + ".bak") == "old")
        scratch.write(app.sessionPath, "older")
        #expect(try app.handOff(Self.profile()).last?.change == .wrote(backup: app.sessionPath + ".bak.1"))
        #expect(scratch.read(app.sessionPath + ".bak") == "old" && scratch.read(app.sessionPath + ".bak.1") == "older")
    }

    @Test("no key in config.toml: key and secret inserted at the top, every other byte kept, the file before kept, 0600")
    func inserted() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let config = "# my settings\nmin-play-time = 30\nplayer-whitelist = [\"mpv\"]\n\n[[listenbrainz]]\ntoken = \"abc\"\n"
        let app = try Self.app(scratch, config: config)
        let writes = try app.handOff(Self.profile())
        #expect(writes.first == AppWrite(what: "lastfm-key and lastfm-secret", path: app.configPath, change: .wrote(backup: app.configPath + ".bak")))
        #expect(scratch.read(app.configPath) == "lastfm-key = \"\(Self.key)\"\nlastfm-secret = \"\(Self.secret)\"\n" + config)
        #expect(scratch.read(app.configPath + ".bak") == config)
        #expect(scratch.mode(app.configPath) == 0o600)
        #expect(try app.credentials().key?.value == Self.key)
    }

    @Test("no config.toml at all: one is made with the key and secret")
    func created() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let app = try Self.app(scratch, config: nil)
        #expect(try app.handOff(Self.profile()).first?.change == .wrote(backup: nil))
        #expect(scratch.read(app.configPath) == "lastfm-key = \"\(Self.key)\"\nlastfm-secret = \"\(Self.secret)\"\n")
    }

    @Test("another key there: replaced on its own line, its comment and the alias kept")
    func replaced() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let old = "ffffffffffffffffffffffffffffffff"
        let config = "api-key = '\(old)'  # from last.fm\nlastfm-secret = \"\(Self.secret)\"\n[[listenbrainz]]\nlastfm-key = \"not this one\"\n"
        let app = try Self.app(scratch, config: config)
        let writes = try app.handOff(Self.profile())
        #expect(writes.first == AppWrite(what: "api-key", path: app.configPath, change: .wrote(backup: app.configPath + ".bak")))
        #expect(scratch.read(app.configPath) == config.replacingOccurrences(of: "'\(old)'", with: "\"\(Self.key)\""))
    }

    @Test("a key written in a form not edited safely (a multi-line string) is left alone, said")
    func notEdited() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let config = "lastfm-key = \"\"\"\nffff\"\"\"\nlastfm-secret = \"\(Self.secret)\"\n"
        let app = try Self.app(scratch, config: config)
        #expect(throws: AppError.cannotEdit(path: app.configPath, setting: "lastfm-key")) { try app.handOff(Self.profile()) }
        #expect(scratch.read(app.configPath) == config)
        #expect(scratch.read(app.sessionPath) == nil, "no session without the key it belongs to")
    }

    @Test("config.toml a link (home-manager's way): read through it; the session written beside it; a key to add refused, the link and its file untouched")
    func linkedConfig() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let managed = scratch.write("store-config.toml", "lastfm-key = \"\(Self.key)\"\nlastfm-secret = \"\(Self.secret)\"\n", mode: 0o444)
        try FileManager.default.createDirectory(atPath: scratch.path + "/.config/rescrobbled", withIntermediateDirectories: true)
        let app = Rescrobbled(environment: scratch.environment)
        try FileManager.default.createSymbolicLink(atPath: app.configPath, withDestinationPath: managed)
        #expect(try app.credentials().key?.value == Self.key)
        #expect(Wording.appListing(app).contains("  \(app.configPath), a link to \(managed): read, never replaced"))
        let writes = try app.handOff(Self.profile())
        #expect(writes == [AppWrite(what: "the session key", path: app.sessionPath, change: .wrote(backup: nil))])
        #expect(scratch.read(app.sessionPath) == Self.sessionKey)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: app.configPath)) == managed)

        let other = "00000000000000000000000000000000"
        #expect(throws: AppError.linked(path: app.configPath, target: managed)) { try app.handOff(Self.profile(key: other)) }
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: app.configPath)) == managed)
        #expect(scratch.read(managed)?.contains(Self.key) == true)
        #expect(scratch.read(app.sessionPath) == Self.sessionKey, "the session is not replaced by one for another key")
        #expect(AppError.linked(path: app.configPath, target: managed).description.contains("is a link to \(managed), which lastfm-auth does not replace"))
    }

    @Test("a refusal changes nothing: a key file to rewrite, but the secret in a form not edited safely: the key file as it was, no session")
    func refusalWritesNothing() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        scratch.write("key.txt", "ffffffffffffffffffffffffffffffff\n")
        let config = "lastfm-key-file = \"~/key.txt\"\nlastfm-secret = \"\"\"\nffffffffffffffffffffffffffffffff\"\"\"\n"
        let app = try Self.app(scratch, config: config)
        #expect(throws: AppError.cannotEdit(path: app.configPath, setting: "lastfm-secret")) { try app.handOff(Self.profile()) }
        #expect(scratch.read("key.txt") == "ffffffffffffffffffffffffffffffff\n", "the key file is not rewritten before the refusal")
        #expect(scratch.read("key.txt.bak") == nil)
        #expect(scratch.read(app.configPath) == config)
        #expect(scratch.read(app.sessionPath) == nil)
    }

    @Test("a key in its own file: that file is rewritten (kept as .bak), config.toml not")
    func keyFile() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        scratch.write("key.txt", "ffffffffffffffffffffffffffffffff\n")
        let config = "lastfm-key-file = \"~/key.txt\"\nlastfm-secret = \"\(Self.secret)\"\n"
        let app = try Self.app(scratch, config: config)
        let writes = try app.handOff(Self.profile())
        #expect(writes.first == AppWrite(what: "lastfm-key-file's key", path: scratch.path + "/key.txt", change: .wrote(backup: scratch.path + "/key.txt.bak")))
        #expect(scratch.read("key.txt") == Self.key)
        #expect(scratch.read(app.configPath) == config)
    }
}
