import LastFMApps
import LastFMAuth

/// Everything a front needs to run the flow, resolved from flags, environment, the saved profile
/// and (for what is still missing) questions to the user.
struct RunSettings {
    var service: Service
    /// Whether the service was named on the command line (--service, or --api-root and --auth-url).
    var serviceGiven: Bool = false
    /// False with --new-token: a token an earlier run left waiting is not resumed.
    var resumeToken: Bool = true
    /// From flags, the environment or the saved profile; nil when the front must ask.
    var apiKey: String?
    /// From a file, the environment or the saved profile; nil when the front must ask.
    var secret: String?
    var profileName: String
    var store: CredentialsStore
    /// The profile saved before this run, if any.
    var existing: Profile?
    /// What becomes of `existing`'s session (`RunRules.savedSession`): decided once, for both fronts.
    var savedSession: SavedSessionMove = .none
    var schedule: PollingSchedule
    /// What was made of a custom server's typed addresses (`Wording.usingAddresses`), said first.
    var addressNotes: [String] = []
    /// A run naming no server takes up the token an earlier run left waiting on its server
    /// (`Wording.takingUpToken`), said first by both fronts.
    var resumingNote: String?
    /// The authorize page was derived from `--api-root` (no `--auth-url`): it follows a corrected root.
    var authPageDerived: Bool = false
    /// `--for APP`: the app the session is handed to once the flow has saved it.
    var app: (any SessionApp)?
    /// `--for APP`: where the key and secret came from, or that the app has none yet (said once
    /// before either front starts; the wizard also shows it on its key and secret steps).
    var appNote: String?
}
