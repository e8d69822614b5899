import ArgumentParser
import LastFMAuth

/// --profile and --config: which saved profile, in which credentials file. Shared by the flow and
/// the subcommands that read a saved profile (one group, so a subcommand gets the values too).
struct SavedProfile: ParsableArguments {
    @Option(help: ArgumentHelp("The saved profile (default: default, or sandbox with --sandbox; status shows every profile unless one is named).", valueName: "name"),
            completion: .custom(SavedProfile.savedNames))
    var profile: String?

    @Option(help: ArgumentHelp("The credentials file (default: $XDG_CONFIG_HOME/lastfm-auth/credentials.json).", valueName: "path"),
            completion: .file(extensions: ["json"]))
    var config: String?

    func validate() throws {
        if let profile, profile.isEmpty || profile.count > 64 || profile.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "/" }) {
            throw ValidationError("--profile must be 1 to 64 characters, without '/' or control characters")
        }
    }

    /// The profile's name as given, or "default".
    var name: String { profile ?? "default" }

    /// The store and the saved profile in it, with its secrets (from the keyring if they are
    /// there; not asked for without `secrets`); a missing location or profile is a usage error.
    func load(environment: [String: String], secrets: Bool = true) throws(CLIError) -> (store: CredentialsStore, profile: Profile) {
        let (store, found) = try read(named: name, environment: environment, secrets: secrets)
        guard let found else { throw .usage("no profile \"\(Sanitizer.clean(name))\" in \(store.path)") }
        return (store, found)
    }

    /// The profile named by --profile, or every profile when none was named. No such profile is a
    /// usage error; a file with no profiles (or none at all) says how to make one.
    func entries(environment: [String: String]) throws(CLIError) -> (store: CredentialsStore, entries: [(name: String, profile: Result<Profile, StoreError>)]) {
        if profile != nil {
            // Read from the file first, so that a keyring that cannot give the secrets is a state, not the end.
            let (store, fromFile) = try load(environment: environment, secrets: false)
            var ignored: [String] = []
            let found = Result { () throws(StoreError) -> Profile in try store.profile(named: name, warnings: &ignored) ?? fromFile }
            return (store, [(name, found)])
        }
        let store = try locate(environment: environment)
        var warnings: [String] = []
        let all: [(name: String, profile: Result<Profile, StoreError>)]
        do { all = try store.allProfiles(warnings: &warnings) } catch { throw .failed(error.description) }
        warnings.forEach(Output.warning)
        guard !all.isEmpty else { throw .failed("no saved profiles in \(store.path); run lastfm-auth to connect one") }
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
