import LastFMAuth

/// Questions on standard error for what flags, environment and profile did not give.
enum PlainPrompt {
    /// Asks for the API key.
    static func apiKey() throws(CLIError) -> String {
        Output.error("An API account gives you a key and a shared secret: https://www.last.fm/api/account/create")
        return try ask("API key: ", hidden: false, what: "The API key")!
    }

    /// Asks for the API key of `service`, which may not check keys: nil when the person presses
    /// Enter without one, to go on without an API account.
    static func optionalAPIKey(for service: Service) throws(CLIError) -> String? {
        Output.error(Wording.withoutAPIAccount(service, keyStep: false))
        return try ask("API key (Enter: none): ", hidden: false, what: "The API key", emptyMeansNone: true)
    }

    /// Asks for the shared secret, without echo on a terminal.
    static func secret() throws(CLIError) -> String {
        try ask("Shared secret (typing is hidden): ", hidden: true, what: "The shared secret")!
    }

    /// Asks until the answer is valid on a terminal; elsewhere one wrong answer ends the run.
    /// The answer; nil only with `emptyMeansNone` and an empty line.
    private static func ask(_ prompt: String, hidden: Bool, what: String, emptyMeansNone: Bool = false) throws(CLIError) -> String? {
        while true {
            guard let line = TerminalInput.readLine(prompt: prompt, hidden: hidden) else {
                throw .usage("\(what) is needed: give it with a flag or the environment (see --help)")
            }
            if emptyMeansNone, line.trimmingWhitespace().isEmpty { return nil }
            switch Credential.normalize(line) {
            case .success(let value): return value
            case .failure(let problem):
                guard TerminalInput.stdinIsTerminal else { throw .usage("\(what) \(problem)") }
                Output.error("\(what) \(problem). Try again.")
            }
        }
    }
}
