// scrobblez (https://github.com/YodaEmbedding/scrobblez, PyPI scrobblez), an MPRIS scrobbler, as its
// newest source reads its settings (scrobblez/cli.py, version 0.1.1):
// - its folder is `xdg_config_home/scrobblez` (pyxdg: `$XDG_CONFIG_HOME`, else `~/.config`; a
//   relative XDG_CONFIG_HOME, which it would take from its working folder, is not followed here);
// - `secret.json` is a JSON object given whole to pylast as `LastFMNetwork(**secret)`: `api_key`,
//   `api_secret`, `username`, `session_key` (with a session key pylast signs in with no password;
//   its own first run writes `password_hash` instead, which is left as it is);
// - pylast's LastFMNetwork talks to ws.audioscrobbler.com only; read once, at start.
import LastFMAuth

/// scrobblez's secret.json, and how a session is handed to it.
public struct Scrobblez: SessionApp {
    /// The name `--for` takes: `scrobblez`.
    public let id = "scrobblez"
    /// What scrobblez is, one line for `lastfm-auth apps`.
    public let summary = L("MPRIS scrobbler built on pylast (github.com/YodaEmbedding/scrobblez, PyPI scrobblez)")
    /// `scrobblez`, the name its process runs under.
    public let processName: String? = "scrobblez"
    /// Last.fm only (pylast's LastFMNetwork).
    public let services = ["lastfm"]
    /// True: a missing key and secret are written into secret.json after the flow.
    public let writesMissingCredentials = true
    /// `$XDG_CONFIG_HOME/scrobblez` or `~/.config/scrobblez`; nil when neither variable is set.
    public let folder: String?

    /// scrobblez as `environment` places it (XDG_CONFIG_HOME, else HOME).
    public init(environment: [String: String]) {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            folder = xdg + "/scrobblez"
        } else if let home = environment["HOME"], !home.isEmpty {
            folder = home + "/.config/scrobblez"
        } else {
            folder = nil
        }
    }

    /// `secret.json`, which holds the key, the secret, the user name and the session key.
    public var secretPath: String { (folder ?? "$XDG_CONFIG_HOME/scrobblez") + "/secret.json" }
    /// `secret.json`.
    public var files: [String] { [secretPath] }
    /// `secret.json`.
    public var credentialsFile: String { secretPath }

    /// The api_key and api_secret in secret.json; throws when no folder is known or it cannot be read.
    public func credentials() throws(AppError) -> AppCredentials {
        let members = try document().members()
        func value(_ name: String) throws(AppError) -> AppValue? {
            switch members[name] {
            case nil, .null?: return nil
            case .string(let value)?: return value.isEmpty ? nil : AppValue(value, from: .setting(name: name, file: secretPath))
            default: throw .unreadable(path: secretPath, detail: L("{name} is not a string", ["name": "\(name)"]))
            }
        }
        return AppCredentials(key: try value("api_key"), secret: try value("api_secret"))
    }

    /// Writes the profile's key, secret, user name and session key into secret.json where they
    /// differ or are missing, every other member byte for byte.
    public func handOff(_ profile: Profile, dryRun: Bool) throws(AppError) -> [AppWrite] {
        let edit = try document()
        let members = try edit.members()
        let wanted = [("api_key", profile.apiKey), ("api_secret", profile.apiSecret), ("username", profile.username), ("session_key", profile.sessionKey)]
        let changes = wanted.filter { members[$0.0] != .string($0.1) }.map { (name: $0.0, value: $0.1) }
        var plan = AppWritePlan()
        if changes.isEmpty {
            plan.unchanged(L("the key, secret, user name and session key"), at: secretPath)
        } else {
            plan.write(changes.map(\.name).joined(separator: ", "), to: secretPath, try edit.applying(changes))
        }
        return try plan.run(dryRun: dryRun)
    }

    private func document() throws(AppError) -> JSONMemberEdit {
        guard folder != nil else { throw .noConfigFolder(hint: L("set HOME or XDG_CONFIG_HOME")) }
        let text = try AppFiles.text(secretPath) ?? ""
        return JSONMemberEdit(original: text.trimmingWhitespace().isEmpty ? "" : text, path: secretPath)
    }
}
