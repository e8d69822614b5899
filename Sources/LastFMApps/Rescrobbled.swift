// rescrobbled (https://github.com/InputUsername/rescrobbled), an MPRIS scrobbler, as its newest
// source reads its settings (src/config.rs, src/config/secrets.rs, src/service/lastfm.rs):
// - the folder is `dirs::config_dir()/rescrobbled`: `$XDG_CONFIG_HOME/rescrobbled`, else `~/.config/rescrobbled`;
// - `config.toml` holds `lastfm-key` (alias `api-key`) or `lastfm-key-file` (a path, `~/` expanded,
//   read trimmed), and likewise `lastfm-secret` (alias `api-secret`) or `lastfm-secret-file`;
//   the environment's `LASTFM_KEY` and `LASTFM_SECRET` come before the file;
// - the session key is the whole of the file `session`, read as it is (no line break may follow);
// - both are read once, at start. Without config.toml it writes a template of comments and stops.
import LastFMAuth

/// rescrobbled's files, and how a session is handed to it.
public struct Rescrobbled: SessionApp {
    /// The name `--for` takes: `rescrobbled`.
    public let id = "rescrobbled"
    /// What rescrobbled is, one line for `lastfm-auth apps`.
    public let summary = L("MPRIS scrobbler for Linux desktops (github.com/InputUsername/rescrobbled)")
    /// `rescrobbled`, the name its process runs under.
    public let processName: String? = "rescrobbled"
    /// Last.fm only.
    public let services = ["lastfm"]
    /// True: a missing key and secret are written into config.toml after the flow.
    public let writesMissingCredentials = true
    /// `$XDG_CONFIG_HOME/rescrobbled` or `~/.config/rescrobbled`; nil when neither variable is set.
    public let folder: String?
    let home: String?
    let environment: [String: String]

    /// `config.toml`, which holds the key and secret (or names the files that do).
    public var configPath: String { (folder ?? "$XDG_CONFIG_HOME/rescrobbled") + "/config.toml" }
    /// `session`, the file whose whole text is the session key.
    public var sessionPath: String { (folder ?? "$XDG_CONFIG_HOME/rescrobbled") + "/session" }
    /// `config.toml` and `session`.
    public var files: [String] { [configPath, sessionPath] }
    /// `config.toml`.
    public var credentialsFile: String { configPath }

    /// rescrobbled as `environment` places it (XDG_CONFIG_HOME, else HOME) and as it reads its
    /// key and secret (LASTFM_KEY and LASTFM_SECRET first).
    public init(environment: [String: String]) {
        self.environment = environment
        home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            folder = xdg + "/rescrobbled"
        } else if let home {
            folder = home + "/.config/rescrobbled"
        } else {
            folder = nil
        }
    }

    /// The key and secret rescrobbled would use: from its environment variables, config.toml, or
    /// the files config.toml names, in that order; throws when no folder is known or a file
    /// cannot be read.
    public func credentials() throws(AppError) -> AppCredentials {
        guard folder != nil else { throw .noConfigFolder(hint: L("set HOME or XDG_CONFIG_HOME")) }
        guard let text = try AppFiles.text(configPath) else { return AppCredentials() }
        let document = try parse(text)
        return AppCredentials(key: try value(document, names: ["lastfm-key", "api-key"], file: "lastfm-key-file", environment: "LASTFM_KEY"),
                              secret: try value(document, names: ["lastfm-secret", "api-secret"], file: "lastfm-secret-file", environment: "LASTFM_SECRET"))
    }

    /// Writes the profile's key and secret where rescrobbled reads them, where they differ or are
    /// missing (unless its environment overrides them), and the session key into `session`; every
    /// file is checked before the first write.
    public func handOff(_ profile: Profile, dryRun: Bool) throws(AppError) -> [AppWrite] {
        let current = try credentials()
        var writes: [AppWrite] = []
        // Every write is planned, and every file it goes to checked, before the first is made:
        // a refusal (a setting in a form not edited safely, a link) leaves everything as it was.
        var planned: [(index: Int, text: String)] = []
        func plan(_ what: String, _ path: String, _ text: String) {
            planned.append((writes.count, text))
            writes.append(AppWrite(what: what, path: path, change: .wrote(backup: nil)))
        }
        // The key and secret first: a session key is of use only with the key it was made with.
        var inConfig: [(name: String, value: String)] = []
        var replacing: Set<String> = []
        for (found, name, value) in [(current.key, "lastfm-key", profile.apiKey), (current.secret, "lastfm-secret", profile.apiSecret)] {
            switch found?.source {
            case nil:
                inConfig.append((name, value))
            case .setting(let setting, _):
                guard found?.value != value else { continue }
                inConfig.append((setting, value))
                replacing.insert(setting)
            case .file(let path, let setting):
                guard found?.value != value else { continue }
                plan("\(setting)'s \(name == "lastfm-key" ? "key" : "secret")", path, value)
            case .environment(let variable):
                if found?.value != value { writes.append(AppWrite(what: name, path: configPath, change: .overridden(by: variable))) }
            }
        }
        if !inConfig.isEmpty {
            let text = try AppFiles.text(configPath) ?? ""
            plan(Wording.list(inConfig.map(\.name)), configPath,
                 try TOMLStringEdit(original: text, path: configPath).applying(inConfig, replacing: replacing))
        }
        // rescrobbled reads the file untrimmed: the key alone, no line break.
        if try AppFiles.text(sessionPath) == profile.sessionKey {
            writes.append(AppWrite(what: L("the session key"), path: sessionPath, change: .unchanged))
        } else {
            plan(L("the session key"), sessionPath, profile.sessionKey)
        }
        for (index, _) in planned { try AppFiles.refuseLink(writes[index].path) }
        if dryRun {
            for (index, _) in planned { writes[index].change = .wouldWrite(backup: try AppFiles.backupPath(for: writes[index].path)) }
            return writes
        }
        for (index, text) in planned {
            writes[index].change = .wrote(backup: try AppFiles.replace(writes[index].path, with: text))
        }
        return writes
    }

    private func parse(_ text: String) throws(AppError) -> TOMLText {
        let document = TOMLText(text: text)
        do { try document.check() } catch {
            throw .unreadable(path: configPath, detail: L("line {line}, column {column}: {message}", ["line": "\(error.line)", "column": "\(error.column)", "message": "\(error.message)"]))
        }
        return document
    }

    /// The first of: the environment variable, the setting under any of `names`, the file `file` names.
    private func value(_ document: TOMLText, names: [String], file: String, environment variable: String) throws(AppError) -> AppValue? {
        if let value = environment[variable], !value.isEmpty { return AppValue(value, from: .environment(name: variable)) }
        for name in names {
            switch document.setting(name) {
            case .absent: continue
            case .notAString: throw .unreadable(path: configPath, detail: L("{name} is not a string", ["name": "\(name)"]))
            case .string(let value): return AppValue(value, from: .setting(name: name, file: configPath))
            }
        }
        let named: String
        switch document.setting(file) {
        case .absent: return nil
        case .notAString: throw .unreadable(path: configPath, detail: L("{file} is not a string", ["file": "\(file)"]))
        case .string(let value): named = value
        }
        let path = named.hasPrefix("~/") ? (home ?? "") + named.dropFirst(1) : named
        guard let contents = try AppFiles.text(path) else { throw .unreadable(path: configPath, detail: L("{file} names {path}, which does not exist", ["file": "\(file)", "path": "\(path)"])) }
        return AppValue(contents.trimmingWhitespace(), from: .file(path: path, setting: file))
    }
}
