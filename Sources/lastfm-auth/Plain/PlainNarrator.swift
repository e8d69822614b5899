import LastFMAuth

/// What the plain front says while the flow goes on, one line per change, in the core's
/// `Wording`: the same sentences the wizard shows. What ends or changes the flow is a `NextMove`
/// from `FlowRules`, said by `PlainFront`. Pure, so a test can hold both fronts' words side by side.
struct PlainNarrator {
    /// The last wait state said, for the news between two states.
    private var last: WaitState?
    /// Whether the spent-token hint was given for the current token.
    private(set) var hinted = false
    /// How long the current token lives, for the time left said beside trouble.
    private var tokenLifetime = PollingSchedule().tokenLifetime
    /// Whether every "not approved yet" is said (--verbose).
    let verbose: Bool
    /// Whether the server refuses a spent token (`FlowFacts.serverSaysSpent`): else the hint comes at once.
    let serverSaysSpent: Bool

    init(verbose: Bool, serverSaysSpent: Bool = true) {
        self.verbose = verbose
        self.serverSaysSpent = serverSaysSpent
    }

    /// The lines for a state of the token request that goes on; `addressMayBeWrong` as
    /// `FlowRules.addressMayBeWrong` says.
    func lines(for request: TokenRequestState, host: String, addressMayBeWrong: Bool = false) -> [String] {
        switch request {
        case .asking(failures: 0): [Wording.askingForToken(host: host)]
        case .retrying(let problem, _, let delay): [Wording.tokenTrouble(problem, retryingIn: delay, addressRemedy: addressMayBeWrong ? .flag : nil)]
        case .asking, .received, .failed: []
        }
    }

    /// The lines before the wait for `grant`: where to go, how long it lasts.
    mutating func lines(showing grant: TokenGrant, on service: Service, schedule: PollingSchedule, interactive: Bool) -> [String] {
        hinted = false
        last = nil
        tokenLifetime = schedule.tokenLifetime
        var lines = grant.resumed ? [Wording.resumed(age: grant.age)] : []
        lines += [Wording.openThePage(service), grant.authorizeURL]
        lines.append(Wording.waiting(interval: schedule.interval, left: schedule.tokenLifetime - grant.age, enterChecks: interactive))
        return lines
    }

    /// The lines for a state of the wait for `grant` that goes on.
    mutating func lines(for wait: WaitState, of grant: TokenGrant) -> [String] {
        defer { last = wait }
        switch wait {
        case .waiting(let checked, _):
            var lines: [String] = []
            if !hinted, let checked, SpentTokenHint.applies(to: grant, tokenAge: checked, serverSaysSpent: serverSaysSpent) {
                hinted = true
                lines.append(Wording.possiblySpent(after: checked - grant.age, remedy: .flag))
            }
            if let news = FlowRules.news(from: last, to: wait) {
                lines.append(news)
            } else if verbose, checked != nil {
                lines.append(Wording.notApprovedYet)
            }
            return lines
        case .retrying(let problem, _, let checked, let next):
            return [Wording.waitTrouble(problem, checkingIn: next - checked, tokenLeft: tokenLifetime - checked)]
        case .authorized, .expired, .failed:
            return []
        }
    }
}
