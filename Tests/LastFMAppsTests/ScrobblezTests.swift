import Foundation
@testable import LastFMApps
import LastFMAuth
import Testing
import TestSupport

/// scrobblez's secret.json read and written as its source reads it, in a scratch HOME.
@Suite("scrobblez's secret.json, read and written with care")
struct ScrobblezTests {
    static let key = RescrobbledTests.key
    static let secret = RescrobbledTests.secret

    static func app(_ scratch: ScratchFolder, secretJSON: String?, environment: [String: String] = [:]) throws -> Scrobblez {
        try FileManager.default.createDirectory(atPath: scratch.path + "/.config/scrobblez", withIntermediateDirectories: true)
        if let secretJSON { scratch.write(".config/scrobblez/secret.json", secretJSON, mode: 0o644) }
        return Scrobblez(environment: scratch.environment.merging(environment) { $1 })
    }

    @Test("its own first run's file (indent 4, password_hash): key and secret read; the session written in, password_hash and the layout kept")
    func handOff() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let own = "{\n    \"api_key\": \"\(Self.key)\",\n    \"api_secret\": \"\(Self.secret)\",\n    \"username\": \"rj\",\n    \"password_hash\": \"5f4dcc3b5aa765d61d8327deb882cf99\"\n}\n"
        let app = try Self.app(scratch, secretJSON: own)
        #expect(try app.credentials() == AppCredentials(key: AppValue(Self.key, from: .setting(name: "api_key", file: app.secretPath)),
                                                        secret: AppValue(Self.secret, from: .setting(name: "api_secret", file: app.secretPath))))
        let writes = try app.handOff(RescrobbledTests.profile())
        #expect(writes == [AppWrite(what: "session_key", path: app.secretPath, change: .wrote(backup: app.secretPath + ".bak"))])
        #expect(scratch.read(".config/scrobblez/secret.json") == own.replacing("\"\n}\n", with: "\",\n    \"session_key\": \"\(RescrobbledTests.sessionKey)\"\n}\n"))
        #expect(scratch.read(".config/scrobblez/secret.json.bak") == own)
        #expect(scratch.mode(".config/scrobblez/secret.json") == 0o600)
        #expect(try app.handOff(RescrobbledTests.profile()).map(\.change) == [.unchanged])
    }

    @Test("no secret.json: written whole with the four members pylast takes; another key replaced in place; XDG_CONFIG_HOME followed")
    func fresh() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        var app = try Self.app(scratch, secretJSON: nil, environment: ["XDG_CONFIG_HOME": scratch.path + "/xdg"])
        #expect(app.secretPath == scratch.path + "/xdg/scrobblez/secret.json")
        #expect(try app.credentials() == AppCredentials())
        _ = try app.handOff(RescrobbledTests.profile())
        #expect(scratch.read("xdg/scrobblez/secret.json") == "{\n    \"api_key\": \"\(Self.key)\",\n    \"api_secret\": \"\(Self.secret)\",\n    \"username\": \"rj\",\n    \"session_key\": \"\(RescrobbledTests.sessionKey)\"\n}\n")
        app = try Self.app(scratch, secretJSON: "{\"api_key\": \"old\", \"extra\": 1}")
        _ = try app.handOff(RescrobbledTests.profile())
        #expect(scratch.read(".config/scrobblez/secret.json")
                == "{\"api_key\": \"\(Self.key)\", \"extra\": 1,\n    \"api_secret\": \"\(Self.secret)\",\n    \"username\": \"rj\",\n    \"session_key\": \"\(RescrobbledTests.sessionKey)\"\n}")
    }

    @Test("not JSON, or a key that is no string: refused, nothing written")
    func refusals() throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        var app = try Self.app(scratch, secretJSON: "{\"api_key\": ")
        #expect(throws: AppError.unreadable(path: app.secretPath, detail: "not JSON")) { try app.handOff(RescrobbledTests.profile()) }
        app = try Self.app(scratch, secretJSON: "{\"api_key\": 12}")
        #expect(throws: AppError.unreadable(path: app.secretPath, detail: "api_key is not a string")) { try app.credentials() }
        #expect(throws: AppError.cannotEdit(path: app.secretPath, setting: "api_key")) { try app.handOff(RescrobbledTests.profile()) }
        #expect(scratch.read(".config/scrobblez/secret.json") == "{\"api_key\": 12}" && scratch.read(".config/scrobblez/secret.json.bak") == nil)
    }
}
