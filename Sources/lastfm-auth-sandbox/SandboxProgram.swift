import ArgumentParser
import LastFMAuth

/// `lastfm-auth-sandbox` (also run as `lastfm-auth sandbox`): the built-in Last.fm-compatible
/// server, a program of its own so that its swift-nio is loaded only when a sandbox runs.
@main
struct SandboxProgram: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        // `lastfm-auth sandbox` runs it under that name (SandboxCommand): its usage says so then.
        commandName: CommandLine.arguments.first == "lastfm-auth sandbox" ? "lastfm-auth sandbox" : "lastfm-auth-sandbox",
        abstract: "Run a Last.fm-compatible test server on 127.0.0.1.",
        discussion: """
            It answers auth.getToken, auth.getSession and an authenticated user.getInfo at /2.0/ (GET or \
            POST, JSON or XML, signatures checked), serves an authorize page at /api/auth/ with Allow and \
            Deny buttons, and lists the sessions it issued at /settings/applications, each with a Revoke \
            button (its key then answers error 9, as on Last.fm).

            Its default API key is \(SandboxAccount.apiKey) and its shared secret \
            \(SandboxAccount.apiSecret). When it is ready it prints one line on standard \
            output: sandbox listening on http://127.0.0.1:PORT/2.0/

            It stops on Ctrl-C, SIGTERM or SIGHUP, and with --stop-at-end-of-input when its standard \
            input ends (so it never outlives the program that started it).
            """,
        version: ToolVersion.current
    )

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 0

    @Option(help: ArgumentHelp("Serve a socket already listening on 127.0.0.1, inherited as this descriptor, instead of opening one (how lastfm-auth --sandbox starts it).", valueName: "fd"))
    var socketFD: Int32?

    @Option(help: ArgumentHelp("The API key it accepts.", valueName: "key"))
    var apiKey: String = SandboxAccount.apiKey

    @Option(help: ArgumentHelp("A file holding the shared secret it checks signatures with.", valueName: "path"))
    var apiSecretFile: String?

    @Option(help: ArgumentHelp("Seconds a token stays valid.", valueName: "seconds"))
    var tokenTTL: Int = 3600

    @Option(help: ArgumentHelp("Approve each token this many seconds after it is issued.", valueName: "seconds"))
    var approveAfter: Int?

    @Flag(help: "Answer as a GNU FM server (the software behind Libre.fm) does: any API key and secret, errors with HTTP 200, error 14 for any token not approved, one Submit button.")
    var gnufm = false

    @Flag(help: "Stop when standard input ends (the starting program exited or closed it).")
    var stopAtEndOfInput = false

    @Flag(help: "Do not log requests to standard error.")
    var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard tokenTTL > 0 else { throw ValidationError("--token-ttl must be positive") }
        if let approveAfter, approveAfter < 0 { throw ValidationError("--approve-after must not be negative") }
        if let socketFD, socketFD < 0 { throw ValidationError("--socket-fd must not be negative") }
        // Reading the secret from standard input ends it, which would stop the sandbox at once.
        if stopAtEndOfInput && apiSecretFile == "-" { throw ValidationError("--api-secret-file - and --stop-at-end-of-input both want standard input") }
        if case .failure(let problem) = Credential.normalize(apiKey) { throw ValidationError("--api-key \(problem)") }
    }
}
