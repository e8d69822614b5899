import LastFMAuth

/// Why an app's files could not be read or written. A refusal (every case but `store`) comes before
/// anything is written; a write that fails (`store`) may follow earlier ones, each kept as a backup.
public enum AppError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not valid for the app (TOML that does not parse, a setting of the wrong type).
    case unreadable(path: String, detail: String)
    /// A setting lastfm-auth would have to change is written in a form it does not edit safely.
    case cannotEdit(path: String, setting: String)
    /// A file lastfm-auth would have to replace is a symbolic link (to `target`).
    case linked(path: String, target: String)
    /// Reading or writing failed (permissions, a full disk, not a regular file).
    case store(StoreError)
    /// The environment does not say where the app keeps its settings; `hint` says what to set.
    case noConfigFolder(hint: String)

    /// What went wrong and what the person can do about it, in one sentence with sanitised paths.
    public var description: String {
        switch self {
        case .unreadable(let path, let detail):
            L("{path} could not be understood: {detail}. It was not changed: mend it and run again", ["path": "\(Sanitizer.clean(path))", "detail": "\(Sanitizer.clean(detail))"])
        case .cannotEdit(let path, let setting):
            L("{path} sets {setting} in a form lastfm-auth does not rewrite, as it rewrites only a one-line quoted string. It was not changed: set {setting} there by hand, or remove that line and run again", ["path": Sanitizer.clean(path), "setting": setting])
        case .linked(let path, let target):
            L("{path} is a link to {target}, which lastfm-auth does not replace, as a tool such as home-manager may manage it: change it where it is managed, or put a file in its place, and run again", ["path": Sanitizer.clean(path), "target": Sanitizer.clean(target)])
        case .store(let problem):
            problem.description
        case .noConfigFolder(let hint):
            L("no place for the app's settings: {hint}", ["hint": "\(hint)"])
        }
    }
}
