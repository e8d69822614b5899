import ArgumentParser
import LastFMApps
import LastFMAuth

/// `lastfm-auth apps`: the apps `--for` hands a session to, and where each keeps its settings.
struct AppsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apps",
        abstract: "List the apps --for hands a session to.",
        discussion: """
            lastfm-auth --for APP reads the app's API key and secret from its own settings (nothing is \
            typed when they are there), runs the flow as for any profile (named after the app unless \
            --profile says otherwise) and writes the session where the app reads it. A file it replaces \
            is kept beside it as NAME.bak (or NAME.bak.1, ...); the rest of the app's settings stay byte \
            for byte; files holding a secret are written atomically with mode 0600. A settings file that \
            cannot be read is left alone and the run stops before anything is asked.

            The apps: rescrobbled, multi-scrobbler, yams, scrobblez and maloja. Apps that build their \
            own key in (cmusfm, mpris-scrobbler, Strawberry, Audacious) are listed with their own \
            sign-in; pylast scripts take the session from lastfm-auth --print env.

            Exit status: 0 listed; 1 the list could not be written.
            """
    )

    func run() throws {
        let apps = KnownApps.all(environment: ProcessEnvironment.current())
        let text = (apps.map { Wording.appListing($0).joined(separator: "\n") } + [Wording.appsElsewhere.joined(separator: "\n")]).joined(separator: "\n\n")
        guard Output.standard(text + "\n") else { throw ExitCode(1) }
    }
}
