/// Why the credentials (or pending token) file could not be read or written.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not valid JSON of the expected shape; it is left as it is.
    case corrupt(path: String, detail: String)
    /// The path is a symbolic link; we never write through one.
    case symlink(path: String)
    /// The path exists but is not a regular file (a directory, say).
    case notAFile(path: String)
    /// The file or folder belongs to another user (`owner`) than the one this runs as (`user`) and root.
    case foreignOwner(path: String, owner: String, user: String)
    /// Others than its owner could change the file or folder.
    case writableByOthers(path: String)
    /// A system call failed: `operation` on `path` with the system's message.
    case system(path: String, operation: FileOperation, message: String)
    /// The profile's secrets are in the keyring, and it could not give them.
    case keyring(profile: String, KeyringError)
    /// No place for the file: neither `--config`, `XDG_CONFIG_HOME` nor `HOME` is set.
    case noLocation

    public var description: String {
        switch self {
        case .corrupt(let path, let detail):
            L("{path} is not a valid credentials file: {detail}. It was left untouched: fix or move it", ["path": "\(path)", "detail": "\(detail)"])
        case .symlink(let path):
            L("{path} is a symbolic link, and lastfm-auth never writes through one: give the real path with --config", ["path": "\(path)"])
        case .notAFile(let path):
            L("{path} is not a regular file", ["path": "\(path)"])
        case .foreignOwner(let path, let owner, let user):
            L("{path} belongs to {owner}, not to {user}; lastfm-auth trusts only files of the user it runs as: run it as {owner}", ["path": "\(path)", "owner": "\(owner)", "user": "\(user)"])
        case .writableByOthers(let path):
            L("{path} can be changed by other users, so it is not trusted: make it yours alone (chmod go-w '{path}')", ["path": "\(path)"])
        case .system(let path, let operation, let message):
            operation.failed(path, message)
        case .keyring(let profile, let problem):
            L("the secrets of profile \"{profile}\" are in the keyring, which could not give them: {problem}", ["profile": "\(Sanitizer.clean(profile))", "problem": "\(problem)"])
        case .noLocation:
            L("no place for the credentials file: set HOME or XDG_CONFIG_HOME, or pass --config PATH")
        }
    }
}
