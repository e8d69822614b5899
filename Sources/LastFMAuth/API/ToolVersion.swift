/// lastfm-auth's version: the one place it is written. `lastfm-auth --version` prints it, the
/// User-Agent carries it, and scripts/package names the Debian package after it.
public enum ToolVersion {
    /// The version, such as `0.1.0`.
    public static let current = "0.1.0"
}
