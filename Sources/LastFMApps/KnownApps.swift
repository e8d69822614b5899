/// The apps `--for` knows, by id.
public enum KnownApps {
    /// Every known app for `environment` (where their settings are depends on XDG_CONFIG_HOME, HOME, CONFIG_DIR and MALOJA_*).
    public static func all(environment: [String: String]) -> [any SessionApp] {
        [Rescrobbled(environment: environment), MultiScrobbler(environment: environment), YAMS(environment: environment),
         Scrobblez(environment: environment), Maloja(environment: environment)]
    }

    /// The ids `--for` accepts.
    public static let ids = ["rescrobbled", "multi-scrobbler", "yams", "scrobblez", "maloja"]

    /// The app named `id`, or nil.
    public static func named(_ id: String, environment: [String: String]) -> (any SessionApp)? {
        all(environment: environment).first { $0.id == id }
    }
}
