import ArgumentParser
import LastFMAuth

/// `lastfm-auth logout`: forgets a saved profile here, and says where access is revoked for good
/// (removing the local copy does not revoke the session key on the service).
struct LogoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Remove a saved profile (and a token it left waiting).",
        discussion: """
            The profile is the one named (--profile, or --sandbox for sandbox), else the only one saved, \
            else the one chosen with lastfm-auth switch, else default. Asks first on a terminal unless --yes.

            Exit status: 0 removed, 1 not removed (answered no, or the file could not be written), 64 no \
            such profile or file, several profiles and none chosen (they are listed), or no terminal to \
            ask and no --yes.
            """
    )

    @OptionGroup var saved: SavedProfile

    @Flag(name: [.short, .long], help: "Do not ask.")
    var yes = false

    func run() throws {
        do throws(CLIError) {
            let (store, chosen, profile) = try saved.load(environment: ProcessEnvironment.current(), secrets: false)
            let name = Sanitizer.clean(chosen)
            let values = ["name": name, "username": Sanitizer.clean(profile.username), "apiRoot": Sanitizer.clean(profile.apiRoot), "path": store.path]
            let anonymous = profile.username.isEmpty
            if !yes {
                guard TerminalInput.stdinIsTerminal else {
                    throw .usage(L("not removing profile \"{name}\" without --yes: standard input is not a terminal", ["name": "\(name)"]))
                }
                StandardStreams().prompt(anonymous ? L("Remove profile \"{name}\" from {path}? [y/N] ", values)
                    : L("Remove profile \"{name}\" ({username} on {apiRoot}) from {path}? [y/N] ", values))
                let answer = TerminalInput.readLine() ?? ""
                guard ["y", "yes"].contains(answer.trimmingWhitespace().lowercased()) else { throw .failed(L("kept profile \"{name}\"", ["name": "\(name)"])) }
            }
            let leftInKeyring: KeyringError?
            do {
                leftInKeyring = try store.remove(chosen)
                try PendingTokenStore(besideCredentialsAt: store.path).forget(profile: chosen)
            } catch {
                throw .failed(error.description)
            }
            let fromKeyring = profile.secretPlace == .keyring && leftInKeyring == nil
            let removed = switch (anonymous, fromKeyring) {
            case (true, false): L("Removed profile \"{name}\" from {path}.", values)
            case (false, false): L("Removed profile \"{name}\" ({username} on {apiRoot}) from {path}.", values)
            case (true, true): L("Removed profile \"{name}\" from {path}, and its secrets from the keyring.", values)
            case (false, true): L("Removed profile \"{name}\" ({username} on {apiRoot}) from {path}, and its secrets from the keyring.", values)
            }
            Output.error(removed)
            if let leftInKeyring {
                Output.problem(L("warning: its secrets may still be in the keyring: {leftInKeyring}. Remove them with:\n  secret-tool clear application lastfm-auth profile {name}", ["leftInKeyring": "\(leftInKeyring)", "name": "\(name)"]))
            }
            Output.error(Wording.revokeHint(try? profile.resolvedService()))
        } catch {
            Output.problem(error.message)
            throw ExitCode(error.status)
        }
    }

}
