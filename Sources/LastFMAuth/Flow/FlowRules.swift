/// The flow's decisions, made once for both fronts: each situation (a token answer, a wait's end,
/// a cancel) with what is known (`FlowFacts`, whether the token was resumed) maps to one
/// `NextMove` and its sentence from `Wording`. Pure: tested over every situation in the core.
public enum FlowRules {
    /// Whether the person may go on without an API account (a key and secret made on the spot):
    /// where `service` is not known to check keys, and not when the session is for an app
    /// (`--for`), which takes it to Last.fm with its own key: a made-up one is of no use there.
    public static func mayGoWithoutAPIAccount(_ service: Service, forApp: Bool) -> Bool {
        !forApp && service.mayGoWithoutAPIAccount
    }

    /// The move after a state of the token request.
    public static func next(after request: TokenRequestState, facts: FlowFacts) -> NextMove {
        switch request {
        case .asking, .retrying:
            return .carryOn
        case .received(let grant):
            return .waitFor(grant)
        case .failed(let error, let attempts):
            if let refused = refused(error, facts: facts) { return refused }
            // A typed address that answered with no API, or no TLS: the address is the thing to fix.
            if facts.addressTyped, error.blamesAddress { return .backToAddress(Wording.tokenRefused(error, apiRoot: facts.apiRoot)) }
            return .stop(error.isTransient && !error.isNotTheAPI
                ? Wording.gaveUp(error, attempts: attempts)
                : Wording.tokenRefused(error, apiRoot: facts.apiRoot))
        }
    }

    /// The move after a state of the wait for `grant`'s approval.
    public static func next(after wait: WaitState, of grant: TokenGrant, facts: FlowFacts) -> NextMove {
        switch wait {
        case .waiting, .retrying:
            return .carryOn
        case .authorized(let session):
            return .save(session)
        case .expired where grant.resumed:
            // An earlier run's token the server calls expired (or our clock does): a fresh one
            // is all the person needs, so both fronts get it without asking.
            return .freshToken(Wording.resumedTokenExpired)
        case .expired:
            return .tokenExpired(Wording.tokenExpired)
        case .failed(let error):
            return refused(error, facts: facts) ?? .stop(Wording.waitFailed(error))
        }
    }

    /// Whether a token request that keeps meeting nothing at a typed address should say the
    /// address may be wrong: from the second refusal on (the first may be a server starting).
    public static func addressMayBeWrong(_ request: TokenRequestState, facts: FlowFacts) -> Bool {
        guard facts.addressTyped, case .retrying(.transport(let failure), let failures, _) = request else { return false }
        return failure.kind == .unreachable && failures >= 2
    }

    /// What is worth saying when the wait goes from `old` to `new` and goes on: that trouble is over.
    public static func news(from old: WaitState?, to new: WaitState) -> String? {
        guard case .retrying? = old, case .waiting = new else { return nil }
        return Wording.troubleOver
    }

    /// What is said when the person cancels now. `tokenShown`: a token is on the screen;
    /// `possiblySpent`: the hint that it may be spent was given (then resuming cannot help).
    public static func cancelled(tokenShown: Bool, possiblySpent: Bool, facts: FlowFacts) -> String {
        Wording.cancelled(resumable: tokenShown && !facts.sandbox && !possiblySpent)
    }

    /// A key or secret the server refused, whichever call it answered.
    private static func refused(_ error: AuthError, facts: FlowFacts) -> NextMove? {
        switch error.blamedField {
        case nil: nil
        case _ where facts.madeUpCredentials: .realCredentials(Wording.realCredentialsNeeded(error))
        case .apiKey?: .backToKey(Wording.keyRefused(error))
        case .secret?: .backToSecret(Wording.secretRefused)
        }
    }
}
