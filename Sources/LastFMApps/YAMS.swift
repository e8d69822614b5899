// YAMS (https://github.com/Berulacks/yams, PyPI YAMScrobbler), an MPD scrobbler, as its newest
// source reads its settings (yams/configure.py, yams/scrobble.py, version 0.7.3):
// - its folder is the first of `~/.config/yams`, `~/.yams`, `./.yams`, `.`, `~` that holds
//   `yams.yml` (`~` is HOME, through Path.home(); XDG_CONFIG_HOME is not read); without one, the
//   first of the first three that exists, else `~/.config/yams`, which it then creates;
// - yams.yml (YAML, read with PyYAML over its defaults) holds `api_key` and `api_secret` (without them
//   YAMS uses a key of its own, which a session made with the person's key does not work with),
//   `base_url` (every call goes there; default `http://ws.audioscrobbler.com/2.0/`) and
//   `session_file` (default `.lastfm_session` in its folder; a relative path is from where it starts);
// - the session file holds the user name, then the session key, one a line (scrobble.py's
//   find_session reads them stripped);
// - all are read once, at start; its process runs as `yams`.
#if canImport(Glibc)
import Glibc
#endif
import LastFMAuth

/// YAMS's files, and how a session is handed to it.
public struct YAMS: SessionApp {
    /// The name `--for` takes: `yams`.
    public let id = "yams"
    /// What YAMS is, one line for `lastfm-auth apps`.
    public let summary = L("MPD scrobbler (github.com/Berulacks/yams, PyPI YAMScrobbler)")
    /// `yams`, the name its process runs under.
    public let processName: String? = "yams"
    /// Any server: `base_url` in yams.yml is set to the profile's API root.
    public let services = [RunRules.anyServer]
    /// True: a missing key and secret are written into yams.yml after the flow.
    public let writesMissingCredentials = true
    /// The folder YAMS reads yams.yml from (or would create it in); nil without HOME.
    public let folder: String?
    private let workingFolder: String

    /// YAMS as `environment` (HOME) and the working folder `workingFolder` (for `./.yams` and `.`) place it.
    public init(environment: [String: String], workingFolder: String? = nil) {
        let cwd = workingFolder ?? Self.currentFolder()
        self.workingFolder = cwd
        guard let home = environment["HOME"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            folder = nil
            return
        }
        let candidates = [home + "/.config/yams", home + "/.yams", cwd + "/.yams", cwd, home]
        folder = candidates.first { access($0 + "/yams.yml", F_OK) == 0 }
            ?? candidates.prefix(3).first { Self.isFolder($0) }
            ?? candidates[0]
    }

    /// `yams.yml`, which holds the key, the secret, the API root and where the session file is.
    public var configPath: String { (folder ?? "$HOME/.config/yams") + "/yams.yml" }
    /// `yams.yml` and the session file.
    public var files: [String] { [configPath, (try? sessionPath()) ?? (folder ?? "$HOME/.config/yams") + "/.lastfm_session"] }
    /// `yams.yml`.
    public var credentialsFile: String { configPath }

    /// The key and secret in yams.yml; throws when HOME is not set or yams.yml cannot be read.
    public func credentials() throws(AppError) -> AppCredentials {
        let edit = try document()
        return AppCredentials(key: try value(edit, "api_key"), secret: try value(edit, "api_secret"))
    }

    /// Writes the profile's key, secret and API root into yams.yml where they differ or are
    /// missing, and the user name and session key into the session file; every file is checked
    /// before the first write.
    public func handOff(_ profile: Profile, dryRun: Bool) throws(AppError) -> [AppWrite] {
        let edit = try document()
        var plan = AppWritePlan()
        var changes: [(name: String, value: String)] = []
        for (name, value) in [("api_key", profile.apiKey), ("api_secret", profile.apiSecret)] where try self.value(edit, name)?.value != value {
            changes.append((name, value))
        }
        // Every call goes to base_url: it must be the profile's server (http or https alike for the same one).
        let root = try edit.setting("base_url")
        switch root {
        case .value(let held?) where Self.sameServer(held, profile.apiRoot): break
        case .absent where Self.sameServer("http://ws.audioscrobbler.com/2.0/", profile.apiRoot): break
        default: changes.append(("base_url", profile.apiRoot))
        }
        if changes.isEmpty {
            plan.unchanged(L("api_key, api_secret and base_url"), at: configPath)
        } else {
            plan.write(changes.map(\.name).joined(separator: ", "), to: configPath, try edit.applying(changes))
        }
        let session = try sessionPath(edit)
        let text = profile.username + "\n" + profile.sessionKey + "\n"
        let held = try AppFiles.text(session)?.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        if let held, held.count >= 2, held[0] == profile.username, held[1] == profile.sessionKey {
            plan.unchanged(L("the user name and session key"), at: session)
        } else {
            plan.write(L("the user name and session key"), to: session, text)
        }
        return try plan.run(dryRun: dryRun)
    }

    /// The session file yams.yml names (relative to the working folder, as YAMS opens it), or the default.
    func sessionPath(_ edit: YAMLLineEdit? = nil) throws(AppError) -> String {
        guard let folder else { throw .noConfigFolder(hint: L("set HOME")) }
        let document: YAMLLineEdit
        if let edit { document = edit } else { document = try self.document() }
        switch try document.setting("session_file") {
        case .value(let named?) where !named.isEmpty: return named.hasPrefix("/") ? named : workingFolder + "/" + named
        case .other: throw .cannotEdit(path: configPath, setting: "session_file")
        default: return folder + "/.lastfm_session"
        }
    }

    private func document() throws(AppError) -> YAMLLineEdit {
        guard folder != nil else { throw .noConfigFolder(hint: L("set HOME")) }
        return YAMLLineEdit(original: try AppFiles.text(configPath) ?? "", path: configPath)
    }

    private func value(_ edit: YAMLLineEdit, _ name: String) throws(AppError) -> AppValue? {
        switch try edit.setting(name) {
        case .absent, .value(nil): return nil
        case .value(let value?): return value.isEmpty ? nil : AppValue(value, from: .setting(name: name, file: configPath))
        case .other: throw .unreadable(path: configPath, detail: L("{name} is not a one-line string", ["name": "\(name)"]))
        }
    }

    /// Whether two API roots name the same server and path, http and https alike.
    static func sameServer(_ one: String, _ other: String) -> Bool {
        func plain(_ root: String) -> String {
            var text = root.hasPrefix("https://") ? String(root.dropFirst(8)) : root.hasPrefix("http://") ? String(root.dropFirst(7)) : root
            while text.hasSuffix("/") { text.removeLast() }
            return text.lowercased()
        }
        return plain(one) == plain(other)
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func currentFolder() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
