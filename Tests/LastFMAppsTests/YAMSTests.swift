import Foundation
@testable import LastFMApps
import LastFMAuth
import Testing
import TestSupport

/// YAMS's yams.yml and session file read and written as its source reads them, in a scratch HOME.
@Suite("YAMS's settings, read and written with care")
struct YAMSTests {
    static let key = RescrobbledTests.key
    static let secret = RescrobbledTests.secret
    static let settings = "# my yams\nmpd_host: 127.0.0.1   # the box under the desk\nmpd_port: '6600'\nscrobble_threshold: 50\n"

    static func app(_ scratch: ScratchFolder, config: String?, folder: String = ".config/yams") throws -> YAMS {
        try FileManager.default.createDirectory(atPath: scratch.path + "/" + folder, withIntermediateDirectories: true)
        if let config { scratch.write(folder + "/yams.yml", config, mode: 0o644) }
        return YAMS(environment: scratch.environment, workingFolder: scratch.path + "/work")
    }

    static func profile(apiRoot service: Service = .lastfm) -> Profile {
        Profile(service: service, apiKey: key, apiSecret: secret, session: Session(username: "rj", key: RescrobbledTests.sessionKey), createdAt: "2026-12-06T00:00:00Z")
    }

    @Test("the first folder holding yams.yml, in YAMS's order (~/.config/yams before ~/.yams); XDG_CONFIG_HOME is not read")
    func folder() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        _ = try Self.app(scratch, config: "api_key: x\n", folder: ".yams")
        try FileManager.default.createDirectory(atPath: scratch.path + "/.config/yams", withIntermediateDirectories: true)
        var app = YAMS(environment: scratch.environment.merging(["XDG_CONFIG_HOME": scratch.path + "/xdg"]) { $1 }, workingFolder: "/nonexistent")
        #expect(app.folder == scratch.path + "/.yams", "~/.config/yams exists but holds no yams.yml")
        scratch.write(".config/yams/yams.yml", "api_key: y\n")
        app = YAMS(environment: scratch.environment, workingFolder: "/nonexistent")
        #expect(app.configPath == scratch.path + "/.config/yams/yams.yml")
        #expect(app.files == [scratch.path + "/.config/yams/yams.yml", scratch.path + "/.config/yams/.lastfm_session"])
        #expect(YAMS(environment: [:]).folder == nil)
    }

    @Test("key and secret plain, quoted or absent; a key in a form not read is said, not guessed")
    func credentials() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        var app = try Self.app(scratch, config: "api_key: \(Self.key)  # mine\napi_secret: '\(Self.secret)'\n")
        #expect(try app.credentials() == AppCredentials(key: AppValue(Self.key, from: .setting(name: "api_key", file: app.configPath)),
                                                        secret: AppValue(Self.secret, from: .setting(name: "api_secret", file: app.configPath))))
        app = try Self.app(scratch, config: Self.settings)
        #expect(try app.credentials() == AppCredentials())
        app = try Self.app(scratch, config: "api_key: [1, 2]\n")
        #expect(throws: AppError.unreadable(path: app.configPath, detail: "api_key is not a one-line string")) { try app.credentials() }
    }

    @Test("hand-off: key, secret and base_url set by editing lines (comments and spacing kept), the session file holds the user then the key")
    func handOff() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let config = Self.settings + "api_key: 293ef0836603c5c8023ba86eb413794b # YAMS's own\nbase_url: http://libre.fm/2.0/\n"
        let app = try Self.app(scratch, config: config)
        let writes = try app.handOff(Self.profile())
        let folder = scratch.path + "/.config/yams"
        #expect(writes == [AppWrite(what: "api_key, api_secret, base_url", path: folder + "/yams.yml", change: .wrote(backup: folder + "/yams.yml.bak")),
                           AppWrite(what: "the user name and session key", path: folder + "/.lastfm_session", change: .wrote(backup: nil))])
        #expect(scratch.read(".config/yams/yams.yml") == Self.settings + "api_key: '\(Self.key)' # YAMS's own\nbase_url: 'https://ws.audioscrobbler.com/2.0/'\napi_secret: '\(Self.secret)'\n")
        #expect(scratch.read(".config/yams/yams.yml.bak") == config)
        #expect(scratch.mode(".config/yams/yams.yml") == 0o600)
        #expect(scratch.read(".config/yams/.lastfm_session") == "rj\n\(RescrobbledTests.sessionKey)\n")
        #expect(scratch.mode(".config/yams/.lastfm_session") == 0o600)
        let again = try app.handOff(Self.profile())
        #expect(again.map(\.change) == [.unchanged, .unchanged])
    }

    @Test("base_url: left when absent for Last.fm (YAMS's default is Last.fm over http) or naming the same server; written for another server")
    func baseURL() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let held = "api_key: '\(Self.key)'\napi_secret: '\(Self.secret)'\n"
        var app = try Self.app(scratch, config: held)
        #expect(try app.handOff(Self.profile(), dryRun: true).first?.change == .unchanged)
        app = try Self.app(scratch, config: held + "base_url: http://ws.audioscrobbler.com/2.0/\n")
        #expect(try app.handOff(Self.profile(), dryRun: true).first?.change == .unchanged)
        app = try Self.app(scratch, config: held)
        let sandbox = try Service.custom(apiRoot: "http://127.0.0.1:4567/2.0/", authPage: "http://127.0.0.1:4567/api/auth/")
        _ = try app.handOff(Self.profile(apiRoot: sandbox))
        #expect(scratch.read(".config/yams/yams.yml") == held + "base_url: 'http://127.0.0.1:4567/2.0/'\n")
    }

    @Test("session_file in yams.yml is where the session goes; --dry-run plans both writes and writes nothing")
    func sessionFileAndDryRun() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let config = "session_file: \(scratch.path)/sessions/yams\n"
        let app = try Self.app(scratch, config: config)
        let writes = try app.handOff(Self.profile(), dryRun: true)
        #expect(writes.map(\.change) == [.wouldWrite(backup: scratch.path + "/.config/yams/yams.yml.bak"), .wouldWrite(backup: nil)])
        #expect(writes.last?.path == scratch.path + "/sessions/yams")
        #expect(scratch.read(".config/yams/yams.yml") == config && scratch.read("sessions/yams") == nil && scratch.read(".config/yams/yams.yml.bak") == nil)
    }

    @Test("a setting written as a block, or twice, is refused before anything is written; a file that is no mapping is unreadable")
    func refusals() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        var app = try Self.app(scratch, config: "api_key: >\n  abc\n")
        #expect(throws: AppError.unreadable(path: app.configPath, detail: "api_key is not a one-line string")) { try app.handOff(Self.profile()) }
        app = try Self.app(scratch, config: "base_url: http://a/\nbase_url: http://b/\n")
        #expect(throws: AppError.cannotEdit(path: app.configPath, setting: "base_url")) { try app.handOff(Self.profile()) }
        #expect(scratch.read(".config/yams/.lastfm_session") == nil, "nothing written")
        app = try Self.app(scratch, config: "- a\n- b\n")
        #expect(throws: AppError.unreadable(path: app.configPath, detail: "line 1 is not a `name: value` setting (lastfm-auth reads only those at the top level)")) {
            try app.credentials()
        }
    }

    @Test("YAMLLineEdit: quotes written YAML-safe; comments, a leading --- and CRLF-free lines kept")
    func lineEdit() throws {
        let edit = YAMLLineEdit(original: "---\n# head\nname: 'it''s'   # c\nother: x\n", path: "/y.yml")
        #expect(try edit.setting("name") == .value("it's"))
        #expect(try edit.applying([("name", "o'k: #1")]) == "---\n# head\nname: 'o''k: #1'   # c\nother: x\n")
        #expect(try YAMLLineEdit(original: "", path: "/y.yml").applying([("a", "b")]) == "a: 'b'\n")
        #expect(try YAMLLineEdit(original: "a: ~\n", path: "/y.yml").setting("a") == .value(nil))
    }
}
