/// The credentials file: `{"profiles": {NAME: Profile}}` at
/// `$XDG_CONFIG_HOME/lastfm-auth/credentials.json` (or `~/.config/...`, or `--config PATH`).
public struct CredentialsStore: Sendable {
    /// Where the file lives.
    public let path: String
    private let file: ProfileFile<Profile>

    /// The credentials file at `path`; nothing is read or created until it is used.
    public init(path: String) {
        self.path = path
        self.file = ProfileFile(path: path, section: "profiles")
    }

    /// The default location for `environment`, or nil when neither XDG_CONFIG_HOME nor HOME is set.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/lastfm-auth/credentials.json"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.config/lastfm-auth/credentials.json"
        }
        return nil
    }

    /// The saved profile `name`, if any; `warnings` gets anything fixed on the way (file mode).
    public func profile(named name: String, warnings: inout [String]) throws(StoreError) -> Profile? {
        try file.entry(name, warnings: &warnings)
    }

    /// Every saved profile by name (byte order); an incomplete one is a failure of its own.
    public func allProfiles(warnings: inout [String]) throws(StoreError) -> [(name: String, profile: Result<Profile, StoreError>)] {
        try file.allEntries(warnings: &warnings).map { ($0.name, $0.entry) }
    }

    /// The saved profiles' names (byte order), read without changing the file: for shell completion.
    public func profileNames() throws(StoreError) -> [String] {
        try file.names()
    }

    /// Throws unless the file could be saved now (folder missing and not creatable, read-only, no
    /// permission). Fronts check this before asking for a token, so nobody approves in vain.
    public func checkWritable() throws(StoreError) {
        try SecureFile.checkWritable(path)
    }

    /// Saves `profile` as `name`, keeping every other profile.
    public func save(_ profile: Profile, as name: String) throws(StoreError) {
        try file.update(name, to: profile)
    }

    /// Removes the profile `name` (atomically, under the lock), keeping every other profile and
    /// every field this version does not know.
    public func remove(_ name: String) throws(StoreError) {
        try file.update(name, to: nil)
    }
}
