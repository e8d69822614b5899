/// The run's decisions, made once for both fronts, beside `FlowRules`' decisions on each answer:
/// what becomes of a saved session, which server a bare rerun takes up, which made-up key and
/// secret are used again, and what leaving means at each point. Pure: tested in the core, and
/// through both fronts by `OneVoiceTests`.
public enum RunRules {
    /// What becomes of the session `saved` holds, for a run asked to connect to `service` with
    /// `apiKey` (nil when it is still to be asked). A session works only with the server and the API
    /// key that made it, so one made for another is replaced, never kept or printed; one for this
    /// server and key is checked before it is offered or kept (`afterCheck`).
    public static func savedSession(_ saved: Profile?, profile: String, service: Service, apiKey: String?, replace: Bool) -> SavedSessionMove {
        guard let saved, !saved.sessionKey.isEmpty else { return .none }
        let holds = Wording.existingSession(profile: profile, username: saved.username)
        if saved.apiRoot != service.apiRoot.text {
            // The built-in sandbox listens on a new port each run and keeps nothing once it stops.
            let why = service.isSandbox && saved.service == "sandbox" ? Wording.savedSessionOfEarlierSandbox
                : Wording.savedSessionOtherServer(saved.apiRoot)
            return .replace(holds + " " + why)
        }
        if let apiKey, apiKey != saved.apiKey { return .replace(holds + " " + Wording.savedSessionOtherKey) }
        if replace { return .replace(holds + " " + Wording.replacedWhenApproved) }
        return .check
    }

    /// What the server's answer about the saved session (`SessionCheck`) means: kept when it works
    /// or cannot be checked now, replaced when refused (revoked, or its key or secret refused).
    public static func afterCheck(_ check: SessionCheck, profile: String, username: String) -> SavedSessionMove {
        let holds = Wording.existingSession(profile: profile, username: username)
        guard check.mayBeKept else { return .replace(holds + " " + Wording.savedSessionFails(check)) }
        return .keep(holds + " " + Wording.savedSessionChecked(check))
    }

    /// What leaving means at `phase`: before the save, a cancel (with the exit status of `signal`, or
    /// `ExitStatus.cancelled` for a key); once the session is being saved or is saved, the run's
    /// end as if the person had pressed Enter: the save's status, the hand-off and `--print` done.
    /// How long leaving waits for an `auth.getSession` answer on its way (`ExchangeWatch.settle`)
    /// before it decides: the server may have issued the session already. A server that hangs
    /// holds Ctrl-C no longer than this.
    public static let leavingWaitsForAnswer: Duration = .seconds(5)

    public static func leaving(at phase: RunPhase, signal: Int32? = nil, facts: FlowFacts) -> LeaveMove {
        let status = signal.map(ExitStatus.signal) ?? ExitStatus.cancelled.rawValue
        switch phase {
        case .starting:
            return .cancel(status: status, message: FlowRules.cancelled(tokenShown: false, possiblySpent: false, facts: facts))
        case .tokenShown(let possiblySpent):
            return .cancel(status: status, message: FlowRules.cancelled(tokenShown: true, possiblySpent: possiblySpent, facts: facts))
        case .saving:
            return .finishAfterSave
        case .saved:
            return .finish
        }
    }

    /// The key and secret an earlier run made on the spot (by API root) that going on without an
    /// API account uses again, so that its token is found and resumed: none when resuming is not
    /// allowed (`--new-token` starts over, with new ones).
    public static func earlierMadeUp(_ earlier: [String: MadeUpCredentials], resumeAllowed: Bool) -> [String: MadeUpCredentials] {
        resumeAllowed ? earlier : [:]
    }

    /// In an app's `services`: it takes any server's API root in its settings (YAMS's `base_url`).
    public static let anyServer = "*"

    /// Whether an app that talks to `services` (ids of `KnownService`, or `anyServer`) can use a
    /// session from `service`: checked before anything is asked, sent or written (`--for`).
    public static func appServes(_ services: [String], _ service: Service) -> Bool {
        services.contains(anyServer) || services.contains(service.id)
    }

    /// What the probe of a typed address (`LastFMClient.probe`) means before the key and secret
    /// are asked: back to the address when what answered is not the API or the address is at fault
    /// (no TLS, a redirect); nil to go on (an API answered, or trouble that may pass, which the
    /// token request retries and names).
    public static func afterProbe(_ problem: AuthError?, facts: FlowFacts) -> NextMove? {
        guard let problem, problem.blamesAddress, let apiRoot = facts.apiRoot else { return nil }
        return .backToAddress(Wording.noAPIAt(apiRoot, problem))
    }

    /// The server a run that names none starts at when its profile has a token waiting for approval
    /// from an earlier run (`pending`, still young enough) on another server than the saved profile's:
    /// that server, so that running again resumes it as the cancel promised. Nil: nothing to take up.
    public static func serverToResume(_ pending: PendingToken?, savedAPIRoot: String?, resumeAllowed: Bool) -> PendingToken? {
        guard resumeAllowed, let pending, pending.apiRoot != savedAPIRoot else { return nil }
        return pending
    }
}
