import ArgumentParser
import LastFMAuth

/// `lastfm-auth token`: the saved session key alone on standard output, for
/// `export LASTFM_SESSION_KEY=$(lastfm-auth token)`.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print a profile's session key, and nothing else.",
        discussion: """
            The profile is the one named (--profile, or --sandbox for sandbox), else the only one saved, \
            else the one chosen with lastfm-auth switch, else default.

            Exit status: 0 printed, 1 the profile has no session key, 64 no such profile or file, or \
            several profiles and none chosen (they are listed).
            """
    )

    @OptionGroup var saved: SavedProfile

    func run() throws {
        do throws(CLIError) {
            let (store, chosen, profile) = try saved.load(environment: ProcessEnvironment.current())
            let name = Sanitizer.clean(chosen)
            guard !profile.sessionKey.isEmpty else {
                throw .failed(L("profile \"{name}\" in {path} has no session key; run lastfm-auth --profile {name} to connect", ["name": "\(name)", "path": "\(store.path)"]))
            }
            guard Output.standard(profile.sessionKey + "\n") else { throw .failed(L("could not write to standard output")) }
        } catch {
            Output.problem(error.message)
            throw ExitCode(error.status)
        }
    }
}
