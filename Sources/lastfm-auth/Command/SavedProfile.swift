import ArgumentParser
import LastFMAuth

/// --profile and --config: which saved profile, in which credentials file. Shared by the flow and
/// the subcommands that read a saved profile (one group, so a subcommand gets the values too).
struct SavedProfile: ParsableArguments {
    @Option(help: ArgumentHelp("The profile (default: default; sandbox with --sandbox).", valueName: "name"))
    var profile: String?

    @Option(help: ArgumentHelp("The credentials file (default: $XDG_CONFIG_HOME/lastfm-auth/credentials.json).", valueName: "path"))
    var config: String?

    /// The profile's name as given, or "default".
    var name: String { profile ?? "default" }

    /// The store and the saved profile in it; a missing location or profile is a usage error.
    func load(environment: [String: String]) throws(CLIError) -> (store: CredentialsStore, profile: Profile) {
        let (store, found) = try read(named: name, environment: environment)
        guard let found else { throw .usage("no profile \"\(Sanitizer.clean(name))\" in \(store.path)") }
        return (store, found)
    }

    /// The store, and the profile `profileName` in it if there is one; warnings (a file mode
    /// fixed) go to standard error, an unreadable file is one clear line.
    func read(named profileName: String, environment: [String: String]) throws(CLIError) -> (store: CredentialsStore, profile: Profile?) {
        guard let path = config ?? CredentialsStore.defaultPath(environment: environment) else {
            throw .usage(StoreError.noLocation.description)
        }
        let store = CredentialsStore(path: path)
        var warnings: [String] = []
        let found: Profile?
        do { found = try store.profile(named: profileName, warnings: &warnings) } catch { throw .failed(error.description) }
        warnings.forEach { Output.error("lastfm-auth: warning: \($0)") }
        return (store, found)
    }
}
