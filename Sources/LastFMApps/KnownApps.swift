/// The apps `--for` knows, by id.
public enum KnownApps {
    /// Every known app for `environment` (where their settings are depends on XDG_CONFIG_HOME and HOME).
    public static func all(environment: [String: String]) -> [any SessionApp] {
        [Rescrobbled(environment: environment), MultiScrobbler(environment: environment)]
    }

    /// The ids `--for` accepts.
    public static let ids = ["rescrobbled", "multi-scrobbler"]

    /// The app named `id`, or nil.
    public static func named(_ id: String, environment: [String: String]) -> (any SessionApp)? {
        all(environment: environment).first { $0.id == id }
    }
}
