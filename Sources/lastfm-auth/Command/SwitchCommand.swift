import ArgumentParser
import LastFMAuth

/// `lastfm-auth switch NAME`: chooses the profile `token`, `status` and `logout` use when none is
/// named, as `gh auth switch` chooses the active account. Kept in the credentials file.
struct SwitchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switch",
        abstract: "Choose the profile the commands use.",
        discussion: """
            With one profile saved, the commands use it; with several, the one chosen here (a new \
            login chooses its own). The choice is kept in the credentials file as "current_profile"; \
            lastfm-auth status marks it.

            Exit status: 0 chosen, 1 the file could not be written, 64 no such profile (the profiles \
            there are listed).
            """
    )

    @Argument(help: ArgumentHelp("The profile to use.", valueName: "name"), completion: .custom(SavedProfile.savedNames))
    var name: String

    @OptionGroup var saved: SwitchProfile

    func validate() throws { try SwitchProfile.validateName(name) }

    func run() throws {
        do throws(CLIError) {
            let store = try saved.locate(environment: ProcessEnvironment.current())
            let chosen = try SwitchProfile.choose(named: name, sandbox: false, in: store)
            do { try store.choose(chosen) } catch { throw .failed(error.description) }
            Output.error(Wording.switched(to: chosen, path: store.path))
        } catch {
            Output.problem(error.message)
            throw ExitCode(error.status)
        }
    }
}
