import ArgumentParser
import LastFMAuth

/// --profile, --config and --sandbox: which saved profile, in which credentials file. Each command
/// declares them in its own group, with its own words, under the same names (`saved.profile`,
/// `saved.config`, `saved.sandbox`): argument-parser fills a parent's option instead of a
/// subcommand's own, and values go by these names, so `lastfm-auth token --sandbox` reaches
/// `token` and is never silently the root's.
protocol ProfileOptions: ParsableArguments {
    var profile: String? { get }
    var config: String? { get }
    var sandbox: Bool { get }
}

/// The group of `token`, `logout` and `move`: the profile the commands use, unless one is named.
struct SavedProfile: ProfileOptions {
    @Option(name: [.short, .long], help: ArgumentHelp("The saved profile (default: the only one, else the one chosen with lastfm-auth switch, else default).", valueName: "name"),
            completion: .custom(SavedProfile.savedNames))
    var profile: String?

    @Option(help: ArgumentHelp("The credentials file (see lastfm-auth help files).", valueName: "path"),
            completion: .file(extensions: ["json"]))
    var config: String?

    @Flag(help: "The profile lastfm-auth --sandbox saved (sandbox).")
    var sandbox = false

    func validate() throws { try validateChoice() }
}

/// The group of `status`: every profile, unless one is named.
struct StatusProfile: ProfileOptions {
    @Option(name: [.short, .long], help: ArgumentHelp("Show only this profile (default: every profile).", valueName: "name"),
            completion: .custom(SavedProfile.savedNames))
    var profile: String?

    @Option(help: ArgumentHelp("The credentials file (see lastfm-auth help files).", valueName: "path"),
            completion: .file(extensions: ["json"]))
    var config: String?

    @Flag(help: "Show only the profile lastfm-auth --sandbox saved (sandbox).")
    var sandbox = false

    func validate() throws { try validateChoice() }
}

/// The group of `switch`: only the file (the profile is its argument).
struct SwitchProfile: ProfileOptions {
    @Option(help: ArgumentHelp("The credentials file (see lastfm-auth help files).", valueName: "path"),
            completion: .file(extensions: ["json"]))
    var config: String?

    var profile: String? { nil }
    var sandbox: Bool { false }
}

/// The group of the setup (`lastfm-auth`, `lastfm-auth login`): the profile a new session is saved as.
struct SetupProfile: ProfileOptions {
    @Option(name: [.short, .long], help: ArgumentHelp("The profile to save (default: default, or sandbox).", valueName: "name"),
            completion: .custom(SavedProfile.savedNames))
    var profile: String?

    @Option(help: ArgumentHelp("The credentials file (see lastfm-auth help files).", valueName: "path"),
            completion: .file(extensions: ["json"]))
    var config: String?

    @Flag(help: "Use the built-in sandbox server: no account needed.")
    var sandbox = false

    func validate() throws { try Self.validateName(profile) }
}

extension ProfileOptions {
    /// A name the file and a sentence can hold.
    static func validateName(_ profile: String?) throws {
        if let profile, profile.isEmpty || profile.count > 64 || profile.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "/" }) {
            throw ValidationError(L("--profile must be 1 to 64 characters, without '/' or control characters"))
        }
    }

    /// For the commands that read a profile: a valid name, and --sandbox only for the sandbox's profile.
    func validateChoice() throws {
        try Self.validateName(profile)
        if sandbox, let profile, profile != ProfileChoice.sandboxProfile {
            throw ValidationError(L("--sandbox means the profile \"{sandboxProfile}\"; leave out --sandbox or --profile", ["sandboxProfile": "\(ProfileChoice.sandboxProfile)"]))
        }
    }

    /// The profile to use and the store it is in (`ProfileChoice`): a name that is not there, or
    /// none chosen among several, is a usage error that lists the profiles and how to choose.
    func choose(environment: [String: String]) throws(CLIError) -> (store: CredentialsStore, name: String) {
        let store = try locate(environment: environment)
        return (store, try Self.choose(named: profile, sandbox: sandbox, in: store))
    }

    /// `choose` for a given store.
    static func choose(named profile: String?, sandbox: Bool, in store: CredentialsStore) throws(CLIError) -> String {
        let names: [String]
        do { names = try store.profileNames() } catch { throw .failed(error.description) }
        let choice = ProfileChoice.decide(named: profile, sandbox: sandbox, saved: names, chosen: store.chosenProfile)
        guard let name = choice.name else {
            throw .usage(Wording.profileNotFound(choice, path: store.path, sandboxFlag: sandbox) ?? L("no profile"))
        }
        return name
    }

    /// The store, the profile's name and the saved profile, with its secrets (from the keyring if
    /// they are there; not asked for without `secrets`); no profile to use is a usage error.
    func load(environment: [String: String], secrets: Bool = true) throws(CLIError) -> (store: CredentialsStore, name: String, profile: Profile) {
        let (_, name) = try choose(environment: environment)
        let (store, found) = try read(named: name, environment: environment, secrets: secrets)
        guard let found else { throw .usage(L("no profile \"{name}\" in {path}", ["name": "\(Sanitizer.clean(name))", "path": "\(store.path)"])) }
        return (store, name, found)
    }

    /// The profile named by --profile (or --sandbox), or every profile when none was named. No
    /// such profile is a usage error; a file with no profiles (or none at all) says how to make one.
    func entries(environment: [String: String]) throws(CLIError) -> (store: CredentialsStore, entries: [(name: String, profile: Result<Profile, StoreError>)]) {
        if profile != nil || sandbox {
            // Read from the file first, so that a keyring that cannot give the secrets is a state, not the end.
            let (store, name, fromFile) = try load(environment: environment, secrets: false)
            var ignored: [String] = []
            let found = Result { () throws(StoreError) -> Profile in try store.profile(named: name, warnings: &ignored) ?? fromFile }
            return (store, [(name, found)])
        }
        let store = try locate(environment: environment)
        var warnings: [String] = []
        let all: [(name: String, profile: Result<Profile, StoreError>)]
        do { all = try store.allProfiles(warnings: &warnings) } catch { throw .failed(error.description) }
        warnings.forEach(Output.warning)
        // Nothing to show is not a usage error for status: it has nothing to check (exit 1, as before).
        guard !all.isEmpty else { throw .failed(Wording.profileNotFound(.noneSaved, path: store.path, sandboxFlag: false) ?? L("no profiles")) }
        return (store, all)
    }

    /// The store, and the profile `profileName` in it if there is one; warnings (a file mode
    /// fixed) go to standard error, an unreadable file is one clear line. Without `secrets`, the
    /// keyring is not asked.
    func read(named profileName: String, environment: [String: String], secrets: Bool = true) throws(CLIError) -> (store: CredentialsStore, profile: Profile?) {
        let store = try locate(environment: environment)
        var warnings: [String] = []
        let found: Profile?
        do {
            found = secrets ? try store.profile(named: profileName, warnings: &warnings) : try store.profileFromFile(named: profileName, warnings: &warnings)
        } catch { throw .failed(error.description) }
        warnings.forEach(Output.warning)
        return (store, found)
    }

    /// The credentials file (--config, else the default place), with the session's keyring for the
    /// profiles whose secrets are there.
    func locate(environment: [String: String]) throws(CLIError) -> CredentialsStore {
        guard let path = config ?? CredentialsStore.defaultPath(environment: environment) else {
            throw .usage(StoreError.noLocation.description)
        }
        return CredentialsStore(path: path, keyring: SecretServiceKeyring(environment: environment))
    }
}

extension SavedProfile {
    /// Shell completion for --profile: the names saved in the file the command line points at
    /// (its --config, else the default place), starting with what was typed. Never writes.
    @Sendable
    static func savedNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        var config: String?
        for (position, word) in words.enumerated() where position != index {
            if word == "--config", position + 1 < words.count, position + 1 != index { config = words[position + 1] }
            if word.hasPrefix("--config=") { config = String(word.dropFirst("--config=".count)) }
        }
        guard let path = config ?? CredentialsStore.defaultPath(environment: ProcessEnvironment.current()),
              let names = try? CredentialsStore(path: path).profileNames()
        else { return [] }
        return names.filter { $0.hasPrefix(prefix) }
    }
}
