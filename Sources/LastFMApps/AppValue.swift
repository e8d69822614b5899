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

    public var value: String
    public var source: Source

    public init(_ value: String, from source: Source) {
        self.value = value
        self.source = source
    }
}
