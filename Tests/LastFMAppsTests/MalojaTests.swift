import Foundation
@testable import LastFMApps
import LastFMAuth
import Testing
import TestSupport

/// Maloja's settings.ini read and written as its conf.py and doreah read it, in a scratch data folder.
@Suite("Maloja's settings.ini, read and written with care")
struct MalojaTests {
    static let key = RescrobbledTests.key
    static let secret = RescrobbledTests.secret
    static let sk = RescrobbledTests.sessionKey

    static func app(_ scratch: ScratchFolder, settings: String?, environment: [String: String] = [:]) -> Maloja {
        try? FileManager.default.createDirectory(atPath: scratch.path + "/maloja", withIntermediateDirectories: true)
        if let settings { scratch.write("maloja/settings.ini", settings, mode: 0o644) }
        return Maloja(environment: ["MALOJA_DATA_DIRECTORY": scratch.path + "/maloja"].merging(environment) { $1 })
    }

    @Test("the folder: MALOJA_DATA_DIRECTORY, else MALOJA_DIRECTORY_CONFIG (an empty one is unset), else a folder with Maloja's sentinel")
    func folder() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        #expect(Maloja(environment: ["MALOJA_DATA_DIRECTORY": "/d", "MALOJA_DIRECTORY_CONFIG": "/c"]).folder == "/d")
        #expect(Maloja(environment: ["MALOJA_DATA_DIRECTORY": "", "MALOJA_DIRECTORY_CONFIG": "/c"]).folder == "/c")
        try FileManager.default.createDirectory(atPath: scratch.path + "/.local/share/maloja", withIntermediateDirectories: true)
        scratch.write(".local/share/maloja/.maloja_config_sentinel", "")
        if access("/etc/maloja/.maloja_config_sentinel", F_OK) != 0 {
            #expect(Maloja(environment: scratch.environment).settingsPath == scratch.path + "/.local/share/maloja/settings.ini")
        }
    }

    @Test("hand-off into Maloja's own file (unquoted values, as it writes them back): key, secret and sk quoted, scrobble_lastfm = True, the rest byte for byte")
    func handOff() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let own = "[MALOJA]\ndirectory_config = /srv/maloja\n; my comment\nlastfm_api_key = \(Self.key)\nscrobble_lastfm = False\nname = Me\n\n[OTHER]\nx = 1\n"
        let app = Self.app(scratch, settings: own)
        #expect(try app.credentials() == AppCredentials(key: AppValue(Self.key, from: .setting(name: "lastfm_api_key", file: app.settingsPath))))
        let writes = try app.handOff(RescrobbledTests.profile())
        #expect(writes == [AppWrite(what: "lastfm_api_secret, lastfm_api_sk, scrobble_lastfm", path: app.settingsPath,
                                    change: .wrote(backup: app.settingsPath + ".bak"))])
        #expect(scratch.read("maloja/settings.ini") == "[MALOJA]\ndirectory_config = /srv/maloja\n; my comment\nlastfm_api_key = \(Self.key)\nscrobble_lastfm = True\nname = Me\n"
                + "lastfm_api_secret = '\(Self.secret)'\nlastfm_api_sk = '\(Self.sk)'\n\n[OTHER]\nx = 1\n")
        #expect(scratch.read("maloja/settings.ini.bak") == own && scratch.mode("maloja/settings.ini") == 0o600)
        #expect(try app.handOff(RescrobbledTests.profile()).map(\.change) == [.unchanged])
    }

    @Test("no settings.ini: one [MALOJA] section with the four; a file without a header is all [MALOJA]; the environment's key is read, settings.ini then wins")
    func fresh() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        var app = Self.app(scratch, settings: nil, environment: ["MALOJA_LASTFM_API_KEY": Self.key])
        #expect(try app.credentials().key == AppValue(Self.key, from: .environment(name: "MALOJA_LASTFM_API_KEY")))
        _ = try app.handOff(RescrobbledTests.profile())
        #expect(scratch.read("maloja/settings.ini") == "[MALOJA]\nlastfm_api_key = '\(Self.key)'\nlastfm_api_secret = '\(Self.secret)'\nlastfm_api_sk = '\(Self.sk)'\nscrobble_lastfm = True\n")
        app = Self.app(scratch, settings: "port: 42010\nLASTFM_API_SK = \"old\"\n")
        _ = try app.handOff(RescrobbledTests.profile())
        #expect(scratch.read("maloja/settings.ini") == "port: 42010\nLASTFM_API_SK = '\(Self.sk)'\nlastfm_api_key = '\(Self.key)'\nlastfm_api_secret = '\(Self.secret)'\nscrobble_lastfm = True\n")
    }

    @Test("an option named twice, or running on over indented lines, is refused before anything is written")
    func refusals() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        var app = Self.app(scratch, settings: "[MALOJA]\nlastfm_api_sk = a\nLastfm_Api_Sk = b\n")
        #expect(throws: AppError.unreadable(path: app.settingsPath, detail: "lastfm_api_sk is set twice in [MALOJA] (configparser refuses that)")) {
            try app.handOff(RescrobbledTests.profile())
        }
        app = Self.app(scratch, settings: "[MALOJA]\nlastfm_api_sk = a\n  b\n")
        #expect(throws: AppError.cannotEdit(path: app.settingsPath, setting: "lastfm_api_sk")) { try app.handOff(RescrobbledTests.profile()) }
        #expect(scratch.read("maloja/settings.ini.bak") == nil)
    }
}
