import ArgumentParser
import LastFMAuth

/// `lastfm-auth token`: the saved session key alone on standard output, for
/// `export LASTFM_SESSION_KEY=$(lastfm-auth token)`.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print the saved session key of a profile, and nothing else, on standard output.",
        discussion: "Exit status: 0 printed, 1 the profile has no session key, 64 no such profile or file."
    )

    @OptionGroup var saved: SavedProfile

    func run() throws {
        do throws(CLIError) {
            let (store, profile) = try saved.load(environment: ProcessEnvironment.current())
            let name = Sanitizer.clean(saved.name)
            guard !profile.sessionKey.isEmpty else {
                throw .failed("profile \"\(name)\" in \(store.path) has no session key; run lastfm-auth --profile \(name) to connect")
            }
            guard Output.standard(profile.sessionKey + "\n") else { throw .failed("could not write to standard output") }
        } catch {
            Output.problem(error.message)
            throw ExitCode(error.status)
        }
    }
}
