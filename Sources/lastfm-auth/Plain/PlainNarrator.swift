import LastFMAuth

/// What the plain front says for each state of the flow, one line per change, in the core's
/// `Wording`: the same sentences the wizard shows. Pure, so a test can hold both fronts' words
/// side by side; `PlainFront` only prints what it returns.
struct PlainNarrator {
    /// Whether the last wait state was trouble (the next good answer says it is over).
    private var troubled = false
    /// Whether the spent-token hint was given for the current token.
    private var hinted = false
    /// Whether every "not approved yet" is said (--verbose).
    let verbose: Bool
    /// Where the token is asked for, to name an address that is not the API.
    let apiRoot: WebAddress?

    init(verbose: Bool, apiRoot: WebAddress? = nil) {
        self.verbose = verbose
        self.apiRoot = apiRoot
    }

    /// The lines for a state of the token request.
    mutating func lines(for request: TokenRequestState) -> [String] {
        switch request {
        case .asking, .received: []
        case .retrying(let problem, _, let delay): [Wording.tokenTrouble(problem, retryingIn: delay)]
        case .failed(let error, let attempts):
            [error.isTransient && !error.isNotTheAPI ? Wording.gaveUp(error, attempts: attempts) : Wording.tokenRefused(error, apiRoot: apiRoot)]
        }
    }

    /// The lines before the wait for `grant`: where to go, how long it lasts.
    mutating func lines(showing grant: TokenGrant, schedule: PollingSchedule, interactive: Bool) -> [String] {
        hinted = false
        troubled = false
        var lines = grant.resumed ? [Wording.resumed(age: grant.age)] : []
        lines += ["Open this page and allow access:", grant.authorizeURL]
        lines.append("Waiting for approval (checking every \(SpokenDuration.delay(schedule.interval)), \(Wording.validFor(schedule.tokenLifetime - grant.age))\(interactive ? "; press Enter to check now" : "")).")
        return lines
    }

    /// The lines for a state of the wait for `grant`.
    mutating func lines(for wait: WaitState, of grant: TokenGrant) -> [String] {
        switch wait {
        case .waiting(let last, _):
            var lines: [String] = []
            if !hinted, let last, SpentTokenHint.applies(to: grant, tokenAge: last) {
                hinted = true
                lines.append(Wording.possiblySpent(after: last - grant.age, remedy: .flag))
            }
            if troubled {
                troubled = false
                lines.append(Wording.troubleOver)
            } else if verbose, last != nil {
                lines.append("Checked: not approved yet.")
            }
            return lines
        case .retrying(let problem, _, let last, let next):
            troubled = true
            return [Wording.waitTrouble(problem, checkingIn: next - last)]
        case .authorized(let session):
            return [Wording.authorized(session)]
        case .expired:
            return [Wording.tokenExpired]
        case .failed(let error):
            return [Wording.waitFailed(error)]
        }
    }

    /// What is said when cancelled now: a token that was shown and not named as possibly spent can
    /// be resumed by running again.
    func cancelled(tokenShown: Bool, inSandbox: Bool) -> String {
        Wording.cancelled(resumable: tokenShown && !inSandbox && !hinted)
    }
}
