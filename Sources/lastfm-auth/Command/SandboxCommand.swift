import ArgumentParser
import LastFMAuth
import LastFMSandbox

/// `lastfm-auth sandbox`: the built-in Last.fm-compatible server, for trying things offline.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a Last.fm-compatible test server on 127.0.0.1.",
        discussion: """
            It answers auth.getToken, auth.getSession and an authenticated user.getInfo at /2.0/ (GET or \
            POST, JSON or XML, signatures checked), serves an authorize page at /api/auth/ with Allow and \
            Deny buttons, and lists the sessions it issued at /settings/applications, each with a Revoke \
            button (its key then answers error 9, as on Last.fm).

            Its default API key is \(SandboxConfiguration.defaultAPIKey) and its shared secret \
            \(SandboxConfiguration.defaultAPISecret). When it is ready it prints one line on standard \
            output: sandbox listening on http://127.0.0.1:PORT/2.0/
            """
    )

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 0

    @Option(help: ArgumentHelp("The API key it accepts.", valueName: "key"))
    var apiKey: String = SandboxConfiguration.defaultAPIKey

    @Option(help: ArgumentHelp("A file holding the shared secret it checks signatures with.", valueName: "path"))
    var apiSecretFile: String?

    @Option(help: ArgumentHelp("Seconds a token stays valid.", valueName: "seconds"))
    var tokenTTL: Int = 3600

    @Option(help: ArgumentHelp("Approve each token this many seconds after it is issued.", valueName: "seconds"))
    var approveAfter: Int?

    @Flag(help: "Do not log requests to standard error.")
    var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard tokenTTL > 0 else { throw ValidationError("--token-ttl must be positive") }
        if let approveAfter, approveAfter < 0 { throw ValidationError("--approve-after must not be negative") }
        if case .failure(let problem) = Credential.normalize(apiKey) { throw ValidationError("--api-key \(problem)") }
    }
}
