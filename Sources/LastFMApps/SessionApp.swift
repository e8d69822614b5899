import LastFMAuth

/// An app that takes a session key made with the person's own API key, and the files it reads it
/// from. lastfm-auth reads the key and secret there before the flow and writes the session there after.
public protocol SessionApp: Sendable {
    /// The name `--for` takes, also the profile's name unless `--profile` says otherwise.
    var id: String { get }
    /// What the app is, one line for `lastfm-auth apps`.
    var summary: String { get }
    /// The files it keeps its Last.fm settings in, for `lastfm-auth apps` and messages.
    var files: [String] { get }
    /// The one of `files` that holds the API key and secret.
    var credentialsFile: String { get }
    /// The program name as the kernel shows it, to tell whether it is running; nil when that cannot
    /// be told from here (an app in a container), so a restart is always asked for.
    var processName: String? { get }
    /// The services it talks to (ids of `KnownService`); a session for another server is said to be of no use to it.
    var services: [String] { get }

    /// Whether a missing key and secret are written into the app's settings after the flow; when
    /// not, the run stops before anything is asked until the person puts them there.
    var writesMissingCredentials: Bool { get }

    /// The key and secret the app's settings hold now; throws when a file cannot be read.
    func credentials() throws(AppError) -> AppCredentials
    /// Writes `profile`'s session (and its key and secret where the app's differ or are missing)
    /// where the app reads them: backups beside what is replaced, atomic, 0600. With `dryRun`,
    /// every write is planned and checked as for real, and none is made (`AppWrite.Change.wouldWrite`).
    func handOff(_ profile: Profile, dryRun: Bool) throws(AppError) -> [AppWrite]
}

extension SessionApp {
    /// Writes `profile`'s session where the app reads it (`handOff(_:dryRun:)`, for real).
    public func handOff(_ profile: Profile) throws(AppError) -> [AppWrite] {
        try handOff(profile, dryRun: false)
    }
}
