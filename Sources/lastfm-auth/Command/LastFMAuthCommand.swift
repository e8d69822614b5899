import ArgumentParser
import LastFMAuth

/// `lastfm-auth`: get a Last.fm (or compatible) session key through the desktop auth flow. It
/// only dispatches: without a subcommand it runs `login`, the setup. It declares no options of
/// its own, so that an option typed after a subcommand (`token --sandbox`) reaches that
/// subcommand: argument-parser lets a parent's option take it first.
@main
struct LastFMAuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lastfm-auth",
        abstract: "Get a session key for a Last.fm-compatible account, step by step.",
        usage: """
            lastfm-auth [login] [<options>]
            lastfm-auth <command> [<options>]
            """,
        discussion: RootHelp.discussion,
        version: ToolVersion.current,
        subcommands: [LoginCommand.self, StatusCommand.self, TokenCommand.self, SwitchCommand.self, LogoutCommand.self,
                      MoveCommand.self, AppsCommand.self, SandboxCommand.self, HelpTopicCommand.self],
        defaultSubcommand: LoginCommand.self
    )

    /// Every command starts here: undumpable before anything is read or asked (`ProcessHardening`),
    /// then in the person's language (`Catalog`: catalogs in `share/locale` beside the program's folder).
    static func main() async {
        ProcessHardening.apply()
        Catalog.start(executable: ExecutablePath.current)
        await main(nil)
    }
}

/// `lastfm-auth login`, and a bare `lastfm-auth`: the setup, as `gh auth login`.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Connect an account (what lastfm-auth alone does).",
        discussion: """
            Walks through the service, the API key and shared secret, the authorize page and the save, \
            in a wizard on a terminal and line by line otherwise; the saved profile becomes the one the \
            other commands use. lastfm-auth help setup says more; the exit statuses are in lastfm-auth \
            help exit-status.
            """
    )

    @OptionGroup var setup: SetupOptions

    /// --profile, --config and --sandbox.
    @OptionGroup var saved: SetupProfile

    @OptionGroup var verbosity: Verbosity

    func validate() throws { try validateSetup() }

    func run() async throws { try await runSetup() }
}
