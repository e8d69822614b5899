import ArgumentParser
import LastFMApps
import LastFMAuth

/// The options of the setup, `lastfm-auth login` (which a bare `lastfm-auth` runs). The longer
/// explanations are in `lastfm-auth help TOPIC` and the man page (RootHelp).
struct SetupOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The service (default: the profile's, else \(ServiceChoice.allValueStrings[0])).", valueName: "name"))
    var service: ServiceChoice?

    @Option(help: ArgumentHelp("The API root of a custom server, such as https://gnufm.example.org/2.0/ (a host alone gets https:// and /2.0/).", valueName: "url"))
    var apiRoot: String?

    @Option(help: ArgumentHelp("Its authorize page (default: /api/auth/ on the API root's host).", valueName: "url"))
    var authURL: String?

    @Option(help: ArgumentHelp("The application's API key (else LASTFM_API_KEY).", valueName: "key"))
    var apiKey: String?

    @Option(help: ArgumentHelp("A file holding the shared secret; - reads standard input (else LASTFM_API_SECRET).", valueName: "path"))
    var apiSecretFile: String?

    @Option(help: ArgumentHelp("Keep the secret and session key in the keyring or the file (default: the profile's place, else the file's default_store, else the keyring when one answers).", valueName: "place"))
    var store: SecretPlace?

    @Option(name: .customLong("for"), help: ArgumentHelp("Hand the session to an app (\(KnownApps.ids.dropLast().joined(separator: ", ")) or \(KnownApps.ids.last ?? "")): its key and secret are read from its settings, and the session written where it reads it (lastfm-auth apps). The profile is named after it unless --profile says otherwise.", valueName: "app"))
    var forApp: AppChoice?

    @Flag(help: "With --for: say what a run would write, and ask, send and write nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Seconds between checks while waiting for approval.", valueName: "seconds"))
    var interval: Double = Double(PollingSchedule.defaultInterval.components.seconds)

    @Flag(help: "Do not open a browser; just show the address.")
    var noBrowser = false

    @Flag(help: "Do not listen on 127.0.0.1 for the browser's return after approval (the web flow's callback): the desktop page is opened, and approval is noticed at the next check.")
    var noCallback = false

    @Flag(help: "Ask for a new token even if an earlier run left one waiting for approval.")
    var newToken = false

    @Flag(help: "Replace the profile's saved session with a new one: the wizard does not ask, the plain front does not keep one that works.")
    var replace = false

    @Flag(help: "Use the line-by-line front even on a terminal.")
    var plain = false

    @Flag(help: "Draw with ASCII only (also LASTFM_AUTH_ASCII=1), for terminals that claim UTF-8 and cannot show it; chosen by itself in a non-UTF-8 locale and on the Linux console.")
    var ascii = false

    @Option(name: .customLong("print"), help: ArgumentHelp("Also write the credentials to standard output: env (export lines for eval), dotenv (lines for a .env file) or json.", valueName: "format"))
    var printFormat: PrintFormat?
}

extension LoginCommand {
    /// The checks across the options, for both commands.
    func validateSetup() throws {
        if setup.authURL != nil, setup.apiRoot == nil {
            throw ValidationError("--auth-url needs --api-root (the authorize page belongs to a custom server)")
        }
        if setup.apiRoot != nil, setup.service != nil {
            throw ValidationError("use either --service or --api-root/--auth-url")
        }
        if saved.sandbox, setup.apiRoot != nil || setup.service != nil {
            throw ValidationError("--sandbox runs against the built-in server; leave out --service and --api-root")
        }
        if setup.forApp != nil, saved.sandbox {
            throw ValidationError("--for writes into the app's own files; a session from the built-in sandbox is of no use to it, so leave out --sandbox")
        }
        if setup.dryRun, setup.forApp == nil {
            throw ValidationError("--dry-run shows what --for would write: use it with --for APP")
        }
        guard setup.interval.isFinite, setup.interval >= 1, setup.interval <= 600 else {
            throw ValidationError("--interval must be between 1 and 600 seconds")
        }
    }
}

/// The services `--service` accepts: the core's table of known services, by id.
struct ServiceChoice: ExpressibleByArgument, Equatable {
    let known: KnownService

    init?(argument: String) {
        guard let known = KnownService.named(argument) else { return nil }
        self.known = known
    }

    static var allValueStrings: [String] { KnownService.all.map(\.id) }
}

extension SecretPlace: ExpressibleByArgument {}

/// The apps `--for` accepts, by id (`KnownApps`).
struct AppChoice: ExpressibleByArgument, Equatable {
    let id: String

    init?(argument: String) {
        guard KnownApps.ids.contains(argument) else { return nil }
        id = argument
    }

    static var allValueStrings: [String] { KnownApps.ids }
}

/// The formats `--print` accepts.
enum PrintFormat: String, ExpressibleByArgument, CaseIterable {
    /// `export NAME='value'` lines, for `eval` in sh, bash, zsh or dash.
    case env
    /// `NAME='value'` lines, for a `.env` file (docker compose, systemd's EnvironmentFile, dotenv libraries).
    case dotenv
    case json
}
