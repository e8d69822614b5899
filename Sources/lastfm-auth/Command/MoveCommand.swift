import ArgumentParser
import LastFMAuth

/// `lastfm-auth move keyring|file`: moves a saved profile's secrets between the credentials file
/// and the keyring, only when asked: the new copy is written and read back before the old one goes.
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move a profile's secrets to the keyring or the file.",
        discussion: """
            The profile is the one named (--profile, or --sandbox for sandbox), else the only one saved, \
            else the one chosen with lastfm-auth switch, else default.

            Exit status: 0 moved (or already there), 1 not moved (the reason is on standard error; \
            nothing was lost), 64 no such profile or file, or several profiles and none chosen.
            """
    )

    @Argument(help: ArgumentHelp("keyring (the desktop's Secret Service) or file.", valueName: "place"))
    var place: SecretPlace

    @OptionGroup var saved: SavedProfile

    func run() throws {
        do throws(CLIError) {
            let (store, chosen, profile) = try saved.load(environment: ProcessEnvironment.current(), secrets: false)
            let name = Sanitizer.clean(chosen)
            guard profile.secretPlace != place else {
                Output.error(place == .keyring ? L("Profile \"{name}\" already keeps its secrets in the keyring.", ["name": name])
                                               : L("Profile \"{name}\" already keeps its secrets in the file.", ["name": name]))
                return
            }
            let moved: SavedSecrets?
            do { moved = try store.move(chosen, to: place) } catch { throw .failed(error.description) }
            guard let moved else { throw .usage(L("no profile \"{name}\" in {path}", ["name": "\(name)", "path": "\(store.path)"])) }
            guard moved.place == place else {
                throw .failed(L("not moved: {map}; the secrets stay in the file", ["map": "\(moved.keyringProblem.map(\.description) ?? "the keyring was not used")"]))
            }
            Output.error(L("Moved the secrets of profile \"{name}\". ", ["name": "\(name)"]) + Wording.secretsSaved(moved))
        } catch {
            Output.problem(error.message)
            throw ExitCode(error.status)
        }
    }
}
