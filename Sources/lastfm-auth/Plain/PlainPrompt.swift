import LastFMAuth

/// Questions for what flags, environment and profile did not give, in the core's words.
struct PlainPrompt {
    let sink: any PlainLineSink
    let input: any PlainInputSource

    /// Asks for the API key.
    func apiKey() throws(CLIError) -> String {
        sink.line(Wording.apiAccountHint)
        return try ask(Wording.Prompt.apiKey, field: .apiKey)!
    }

    /// Asks for the API key of `service`, which may not check keys: nil when the person presses
    /// Enter without one, to go on without an API account.
    func optionalAPIKey(for service: Service) throws(CLIError) -> String? {
        // A script answers from a pipe, in the documented order; the hint is for a person.
        if input.isTerminal { sink.line(Wording.withoutAPIAccount(service, keyStep: false)) }
        return try ask(Wording.Prompt.optionalAPIKey, field: .apiKey, emptyMeansNone: true)
    }

    /// Asks for the shared secret, without echo on a terminal.
    func secret() throws(CLIError) -> String {
        try ask(Wording.Prompt.secret, field: .secret)!
    }

    /// Asks for the shared secret for a server that may not check it: nil when the person presses
    /// Enter without one, to have one made on the spot.
    func optionalSecret() throws(CLIError) -> String? {
        try ask(Wording.Prompt.optionalSecret, field: .secret, emptyMeansNone: true)
    }

    /// Asks until the answer is valid on a terminal; elsewhere one wrong answer ends the run.
    /// The answer; nil only with `emptyMeansNone` and an empty line.
    private func ask(_ prompt: String, field: CredentialField, emptyMeansNone: Bool = false) throws(CLIError) -> String? {
        while true {
            sink.prompt(prompt)
            guard let line = input.readLine(hidden: field == .secret) else {
                // The end of input answers "none" where none is an answer.
                if emptyMeansNone { return nil }
                throw .usage(Wording.fieldNeeded(field))
            }
            if emptyMeansNone, line.trimmingWhitespace().isEmpty { return nil }
            switch Credential.normalize(line) {
            case .success(let value): return value
            case .failure(let problem):
                guard input.isTerminal else { throw .usage(Wording.fieldRefused(field, problem)) }
                sink.line(Wording.fieldRefused(field, problem) + " " + Wording.tryAgain)
            }
        }
    }
}
