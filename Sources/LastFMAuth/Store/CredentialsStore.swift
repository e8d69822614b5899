/// The credentials file: `{"profiles": {NAME: Profile}}` at
/// `$XDG_CONFIG_HOME/lastfm-auth/credentials.json` (or `~/.config/...`, or `--config PATH`),
/// with each profile's secrets in the file or in the keyring (`SecretPlace`). Every read and
/// write of a profile goes through here, so a profile looks the same wherever its secrets are.
public struct CredentialsStore: Sendable {
    /// Where the file lives.
    public let path: String
    /// The keyring secrets may go to; nil keeps them all in the file.
    public let keyring: (any Keyring)?
    private let file: ProfileFile<Profile>

    /// The credentials file at `path`, with secrets in `keyring` where a profile says so (or a save
    /// chooses it); nothing is read or created until it is used.
    public init(path: String, keyring: (any Keyring)? = nil) {
        self.path = path
        self.keyring = keyring
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

    /// The saved profile `name` with its secrets, if any; `warnings` gets anything fixed on the way
    /// (file mode). A keyring that cannot give the secrets is `StoreError.keyring`.
    public func profile(named name: String, warnings: inout [String]) throws(StoreError) -> Profile? {
        guard let stored = try file.entry(name, warnings: &warnings) else { return nil }
        return try withSecrets(stored, named: name).get()
    }

    /// The saved profile `name` as the file has it, without asking the keyring: its secrets are empty
    /// when they are in the keyring (`secretPlace`). For what needs no secret (removing it, showing it).
    public func profileFromFile(named name: String, warnings: inout [String]) throws(StoreError) -> Profile? {
        try file.entry(name, warnings: &warnings)
    }

    /// Every saved profile by name (byte order), with its secrets; an incomplete one, or one whose
    /// keyring items cannot be read, is a failure of its own.
    public func allProfiles(warnings: inout [String]) throws(StoreError) -> [(name: String, profile: Result<Profile, StoreError>)] {
        try file.allEntries(warnings: &warnings).map { entry in
            (entry.name, entry.entry.flatMap { withSecrets($0, named: entry.name) })
        }
    }

    /// The saved profiles' names (byte order), read without changing the file: for shell completion.
    public func profileNames() throws(StoreError) -> [String] {
        try file.names()
    }

    /// Where new profiles keep their secrets when nobody chooses: the file's top-level
    /// `"default_store"` (`"keyring"` or `"file"`), if it has one.
    public var defaultPlace: SecretPlace? {
        guard case .string(let text) = file.setting("default_store") else { return nil }
        return SecretPlace(rawValue: text)
    }

    /// The profile chosen with `lastfm-auth switch` (or by the last save that chose it): the
    /// file's top-level `"current_profile"`, if it has one. It may name a profile since removed.
    public var chosenProfile: String? {
        guard case .string(let name) = file.setting(Self.chosenKey) else { return nil }
        return name
    }

    /// Makes `name` the profile the commands use when none is named (`chosenProfile`); nil forgets
    /// the choice. Every profile stays as it was.
    public func choose(_ name: String?) throws(StoreError) {
        try file.updateSetting(Self.chosenKey, to: name.map(JSONValue.string))
    }

    /// The top-level key that holds `chosenProfile`.
    static let chosenKey = "current_profile"

    /// Throws unless the file could be saved now (folder missing and not creatable, read-only, no
    /// permission). Fronts check this before asking for a token, so nobody approves in vain.
    public func checkWritable() throws(StoreError) {
        try SecureFile.checkWritable(path)
    }

    /// Saves `profile` as `name`, keeping every other profile. Its secrets go where `place` says;
    /// without it, where the profile had them, else `defaultPlace`, else the keyring when there is
    /// one that answers. The keyring's copy is written and read back before the file says it is
    /// there; a keyring that fails leaves them in the file, and the result says why. Only a file
    /// that cannot be written throws: the caller must then show the session key.
    /// With `choosing`, the same write makes it the profile the commands use (`chosenProfile`).
    @discardableResult
    public func save(_ profile: Profile, as name: String, place: SecretPlace? = nil, choosing: Bool = false) throws(StoreError) -> SavedSecrets {
        let choice = choosing ? ProfileFile<Profile>.SettingChange(key: Self.chosenKey, value: .string(name)) : nil
        var ignored: [String] = []
        let before = (try? file.entry(name, warnings: &ignored))?.secretPlace
        let wanted = place ?? before ?? defaultPlace ?? (keyring == nil ? .file : .keyring)
        var problem: KeyringError?
        if wanted == .keyring {
            switch storeInKeyring(profile, as: name) {
            case .success:
                var entry = profile
                entry.secretPlace = .keyring
                try file.update(name, to: entry, setting: choice)
                return SavedSecrets(place: .keyring)
            case .failure(let failure):
                problem = failure
            }
        }
        var entry = profile
        entry.secretPlace = .file
        try file.update(name, to: entry, setting: choice)
        // Only now that the file holds them may the keyring's copies go.
        if before == .keyring { try? keyring?.removeAll(file: keyringFile, profile: name) }
        return SavedSecrets(place: .file, keyringProblem: problem)
    }

    /// Moves the secrets of profile `name` to `place`: the new copy is written and read back before
    /// the old one is removed. Nil when there is no such profile.
    public func move(_ name: String, to place: SecretPlace) throws(StoreError) -> SavedSecrets? {
        var ignored: [String] = []
        guard let profile = try profile(named: name, warnings: &ignored) else { return nil }
        return try save(profile, as: name, place: place)
    }

    /// Removes the profile `name` (atomically, under the lock), keeping every other profile and
    /// every field this version does not know, then its keyring items; a choice of it
    /// (`chosenProfile`) goes with it. Returns why keyring items may be left behind, if they may.
    @discardableResult
    public func remove(_ name: String) throws(StoreError) -> KeyringError? {
        var ignored: [String] = []
        let place = (try? file.entry(name, warnings: &ignored))?.secretPlace
        try file.update(name, to: nil, setting: .init(key: Self.chosenKey, value: nil, onlyIf: .string(name)))
        guard place == .keyring else { return nil }
        guard let keyring else { return .notGiven }
        do { try keyring.removeAll(file: keyringFile, profile: name) } catch { return error }
        return nil
    }

    /// `stored` as read from the file, with its secrets from the keyring if they are there.
    private func withSecrets(_ stored: Profile, named name: String) -> Result<Profile, StoreError> {
        guard stored.secretPlace == .keyring else { return .success(stored) }
        guard let keyring else { return .failure(.keyring(profile: name, .notGiven)) }
        var profile = stored
        do throws(KeyringError) {
            for kind in KeyringItem.Kind.allCases {
                guard let secret = try keyring.lookup(item(kind, of: stored, named: name)) else { throw .itemMissing(kind) }
                if kind == .apiSecret { profile.apiSecret = secret } else { profile.sessionKey = secret }
            }
        } catch {
            return .failure(.keyring(profile: name, error))
        }
        return .success(profile)
    }

    /// Stores both secrets and reads them back.
    private func storeInKeyring(_ profile: Profile, as name: String) -> Result<Void, KeyringError> {
        guard let keyring else { return .failure(.notGiven) }
        do throws(KeyringError) {
            // Storing into a locked or missing collection would make the desktop prompt, which a
            // call's deadline cannot wait for: the fronts offer that prompt after the save instead.
            switch try keyring.state() {
            case .unlocked: break
            case .locked: throw .locked(L("its password is needed to unlock it"))
            case .missing: throw .noDefaultCollection
            }
            for (kind, secret) in [(KeyringItem.Kind.apiSecret, profile.apiSecret), (.sessionKey, profile.sessionKey)] {
                let item = item(kind, of: profile, named: name)
                try keyring.store(secret, as: item)
                guard try keyring.lookup(item) == secret else { throw .refused(L("the item read back differs from the one stored")) }
            }
        } catch {
            return .failure(error)
        }
        return .success(())
    }

    private func item(_ kind: KeyringItem.Kind, of profile: Profile, named name: String) -> KeyringItem {
        KeyringItem(file: keyringFile, profile: name, kind: kind, service: profile.service, apiRoot: profile.apiRoot)
    }

    /// The file as its items name it: an absolute path, so that `--config creds.json` finds them
    /// again from another folder as `--config /home/a/creds.json`.
    private var keyringFile: String {
        SecureFile.absolute(path)
    }
}
