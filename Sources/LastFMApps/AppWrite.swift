/// One thing the hand-off did to an app's files, for the person to read.
public struct AppWrite: Equatable, Sendable {
    /// What happened to the file.
    public enum Change: Equatable, Sendable {
        /// Written; `backup` is where the file as it was is kept (nil: there was none).
        case wrote(backup: String?)
        /// Already held what it needs: left untouched.
        case unchanged
        /// Would be written (`--dry-run`): checked as for a write, nothing written; `backup` is where
        /// the file as it is would be kept (nil: there is none yet).
        case wouldWrite(backup: String?)
        /// Not written because the app takes it from elsewhere first (an environment variable).
        case overridden(by: String)
    }

    /// What the file holds for the app: "the session key", "lastfm-key and lastfm-secret".
    public var what: String
    /// The file.
    public var path: String
    /// What happened to it.
    public var change: Change

    /// `change` made to `path`, which holds `what` for the app.
    public init(what: String, path: String, change: Change) {
        self.what = what
        self.path = path
        self.change = change
    }
}
