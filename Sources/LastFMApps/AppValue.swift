/// A credential found in an app's settings, and where it came from (so that a changed one is
/// written back to the same place).
public struct AppValue: Equatable, Sendable {
    /// Where an app keeps one credential.
    public enum Source: Equatable, Sendable {
        /// A setting in the app's configuration file, such as `lastfm-key` in config.toml.
        case setting(name: String, file: String)
        /// A file of its own that the setting names (`lastfm-key-file`), read trimmed.
        case file(path: String, setting: String)
        /// An environment variable the app reads first (rescrobbled's `LASTFM_KEY`); never written.
        case environment(name: String)
    }

    /// The credential itself.
    public var value: String
    /// Where it was found, and so where a changed one is written.
    public var source: Source

    /// A credential `value` found at `source`.
    public init(_ value: String, from source: Source) {
        self.value = value
        self.source = source
    }
}
