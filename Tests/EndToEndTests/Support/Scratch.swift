import Foundation
import LastFMSandbox

/// A fresh HOME for one test, so nothing touches the real user's files.
struct Scratch {
    let home: String

    init() {
        home = NSTemporaryDirectory() + "lastfm-auth-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    var credentialsPath: String { home + "/.config/lastfm-auth/credentials.json" }
    var environment: [String: String] { ["HOME": home] }

    /// The environment with the sandbox's key and secret in LASTFM_API_KEY and LASTFM_API_SECRET.
    var environmentWithSandboxCredentials: [String: String] {
        ["HOME": home, "LASTFM_API_KEY": SandboxConfiguration.defaultAPIKey, "LASTFM_API_SECRET": SandboxConfiguration.defaultAPISecret]
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ name: String, _ text: String) -> String {
        let path = home + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func remove() { try? FileManager.default.removeItem(atPath: home) }
}
