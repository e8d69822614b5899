// Maloja (https://github.com/krateng/maloja, PyPI malojaserver), a self-hosted scrobble database,
// as its newest source reads its settings (maloja/pkg_global/conf.py, maloja/thirdparty/lastfm.py,
// and doreah's configuration.py and persistence.py, which load them; malojaserver 3.2):
// - its config folder is `MALOJA_DATA_DIRECTORY`, else `MALOJA_DIRECTORY_CONFIG` (an empty one counts
//   as unset), else the first of `/etc/maloja` and `~/.local/share/maloja` (with
//   `MALOJA_CONTAINER` set, `/config/config` before them) that holds `.maloja_config_sentinel`, else
//   the first it can create and write to;
// - `settings.ini` there, section `[MALOJA]` (a file without a header is all that section), holds
//   `lastfm_api_key`, `lastfm_api_secret`, `lastfm_api_sk` and `scrobble_lastfm`; each value goes
//   through `ast.literal_eval` unless it is true/yes/y, false/no/n or none/null (any case): a quoted
//   string is a string, so strings are written quoted;
// - settings.ini wins over the environment's `MALOJA_LASTFM_API_*` (and /run/secrets);
// - its proxy scrobbles go to http://ws.audioscrobbler.com/2.0/ only; read once, at start.
#if canImport(Glibc)
import Glibc
#endif
import LastFMAuth

/// Maloja's settings.ini, and how a session is handed to its Last.fm proxy scrobbling.
public struct Maloja: SessionApp {
    /// The name `--for` takes: `maloja`.
    public let id = "maloja"
    /// What Maloja is, one line for `lastfm-auth apps`.
    public let summary = L("self-hosted scrobble database, proxy-scrobbles to Last.fm (github.com/krateng/maloja, PyPI malojaserver)")
    /// `maloja`, the name its process runs under (setproctitle).
    public let processName: String? = "maloja"
    /// Last.fm only: its proxy scrobbles go to Last.fm's own address.
    public let services = ["lastfm"]
    /// True: a missing key and secret are written into settings.ini after the flow.
    public let writesMissingCredentials = true
    /// Maloja's config folder, as conf.py decides it.
    public let folder: String
    private let environment: [String: String]

    /// Maloja as `environment` places it (MALOJA_DATA_DIRECTORY, MALOJA_DIRECTORY_CONFIG, MALOJA_CONTAINER, HOME).
    public init(environment: [String: String]) {
        self.environment = environment
        if let named = ["MALOJA_DATA_DIRECTORY", "MALOJA_DIRECTORY_CONFIG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) {
            folder = named
            return
        }
        var candidates = ["/etc/maloja", (environment["HOME"] ?? "~") + "/.local/share/maloja"]
        if let container = environment["MALOJA_CONTAINER"], !container.isEmpty { candidates.insert("/config/config", at: 0) }
        folder = candidates.first { access($0 + "/.maloja_config_sentinel", F_OK) == 0 }
            ?? candidates.first { Self.usable($0) }
            ?? candidates[candidates.count - 1]
    }

    /// `settings.ini`.
    public var settingsPath: String { folder + "/settings.ini" }
    /// `settings.ini`.
    public var files: [String] { [settingsPath] }
    /// `settings.ini`.
    public var credentialsFile: String { settingsPath }

    /// The key and secret Maloja would use: from settings.ini, else from MALOJA_LASTFM_API_KEY and
    /// MALOJA_LASTFM_API_SECRET.
    public func credentials() throws(AppError) -> AppCredentials {
        let edit = try document()
        func value(_ name: String) throws(AppError) -> AppValue? {
            if let raw = try edit.raw(name), let value = Self.string(raw) { return value.isEmpty ? nil : AppValue(value, from: .setting(name: name, file: settingsPath)) }
            let variable = "MALOJA_" + name.uppercased()
            guard let value = environment[variable], !value.isEmpty else { return nil }
            return AppValue(value, from: .environment(name: variable))
        }
        return AppCredentials(key: try value("lastfm_api_key"), secret: try value("lastfm_api_secret"))
    }

    /// Writes the profile's key, secret and session key, quoted, and `scrobble_lastfm = True` into
    /// settings.ini where they differ or are missing, every other line byte for byte.
    public func handOff(_ profile: Profile, dryRun: Bool) throws(AppError) -> [AppWrite] {
        let edit = try document()
        var changes: [(name: String, written: String)] = []
        for (name, value) in [("lastfm_api_key", profile.apiKey), ("lastfm_api_secret", profile.apiSecret), ("lastfm_api_sk", profile.sessionKey)]
        where try edit.raw(name).flatMap(Self.string) != value {
            changes.append((name, Self.quoted(value)))
        }
        if !["true", "yes", "y"].contains(try edit.raw("scrobble_lastfm")?.lowercased() ?? "") {
            changes.append(("scrobble_lastfm", "True"))
        }
        var plan = AppWritePlan()
        if changes.isEmpty {
            plan.unchanged(L("lastfm_api_key, lastfm_api_secret, lastfm_api_sk and scrobble_lastfm"), at: settingsPath)
        } else {
            plan.write(changes.map(\.name).joined(separator: ", "), to: settingsPath, try edit.applying(changes))
        }
        return try plan.run(dryRun: dryRun)
    }

    /// A value as doreah reads it, when it is a string: a Python string literal without escapes
    /// unquoted, a bare word as it is; nil for none/null, booleans and what is no string.
    static func string(_ raw: String) -> String? {
        if ["none", "null", "true", "yes", "y", "false", "no", "n"].contains(raw.lowercased()) { return nil }
        if let match = raw.wholeMatch(of: /'([^'\\]*)'|"([^"\\]*)"/) { return String(match.output.1 ?? match.output.2 ?? "") }
        // literal_eval turns digits into a number; a key or secret is never one.
        if raw.allSatisfy(\.isNumber) || raw.hasPrefix("'") || raw.hasPrefix("\"") || raw.hasPrefix("[") || raw.hasPrefix("{") || raw.hasPrefix("(") { return nil }
        return raw
    }

    /// A Python string literal for `value` (keys and secrets are letters and digits).
    static func quoted(_ value: String) -> String {
        "'" + value.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
    }

    private func document() throws(AppError) -> INILineEdit {
        INILineEdit(original: try AppFiles.text(settingsPath) ?? "", path: settingsPath, section: "MALOJA")
    }

    /// Whether Maloja could use `folder`: it exists and takes writes, or could be created.
    private static func usable(_ folder: String) -> Bool {
        if access(folder, F_OK) == 0 { return access(folder, W_OK) == 0 }
        var parent = folder
        while access(parent, F_OK) != 0, let slash = parent.lastIndex(of: "/"), slash != parent.startIndex { parent = String(parent[..<slash]) }
        return access(parent, W_OK) == 0
    }
}
