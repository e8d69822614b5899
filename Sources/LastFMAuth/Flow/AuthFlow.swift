/// The steps every front takes, in order: get (or resume) a token, wait for approval, save the
/// session. Fronts decide how to show them; this decides what happens to tokens and files.
public struct AuthFlow: Sendable {
    /// Signs and sends the calls.
    public let client: LastFMClient
    /// How often the wait checks, and how it backs off.
    public let schedule: PollingSchedule
    /// Where the session is saved.
    public let credentials: CredentialsStore
    /// Where a token waiting for approval is kept between runs, beside the credentials file.
    public let pending: PendingTokenStore
    /// The profile the session will be saved as.
    public let profileName: String
    /// Where the secrets are saved, when the person chose (`--store`); nil lets the store decide
    /// (`CredentialsStore.save`).
    public let secretPlace: SecretPlace?
    /// The key and secret were made on the spot: the pending token keeps them, to be resumed.
    public let madeUpCredentials: Bool
    /// The wall clock in seconds since 1970, for the pending token's 60 minutes across runs.
    private let wallClock: @Sendable () -> Int64

    /// The flow for one application, server and profile.
    /// - Parameters:
    ///   - client: signs and sends the calls.
    ///   - schedule: how often the wait checks, and how it backs off.
    ///   - credentials: where the session is saved; a token waiting for approval is kept beside it.
    ///   - profileName: the profile to save the session as.
    ///   - secretPlace: where the secrets go, if the person chose; nil lets the store decide.
    ///   - madeUpCredentials: the client's key and secret were made on the spot (`Credential.madeUp`).
    ///   - wallClock: seconds since 1970; tests pass their own.
    public init(client: LastFMClient, schedule: PollingSchedule = PollingSchedule(), credentials: CredentialsStore, profileName: String,
                secretPlace: SecretPlace? = nil, madeUpCredentials: Bool = false, wallClock: @escaping @Sendable () -> Int64 = { Timestamp.nowUnix() }) {
        self.client = client
        self.schedule = schedule
        self.credentials = credentials
        self.pending = PendingTokenStore(besideCredentialsAt: credentials.path)
        self.profileName = profileName
        self.secretPlace = secretPlace
        self.madeUpCredentials = madeUpCredentials
        self.wallClock = wallClock
    }

    /// The token an earlier run left waiting for this profile, server and key, if it is still
    /// young enough to be approved.
    public func resumableToken() -> TokenGrant? {
        guard let earlier = pending.resumable(for: profileName, apiRoot: client.service.apiRoot.text, apiKey: client.apiKey,
                                              now: wallClock(), lifetime: schedule.tokenLifetime),
              let age = earlier.age(now: wallClock()) else { return nil }
        return TokenGrant(token: earlier.token, age: age, resumed: true, authorizeURL: client.authorizeURL(token: earlier.token))
    }

    /// The token from an earlier run if it is still young enough, else a fresh one, which is
    /// remembered so that an interrupted run can resume. Failing to remember it is not fatal.
    public func startOrResume(allowResume: Bool = true) async throws(AuthError) -> TokenGrant {
        let root = client.service.apiRoot.text
        if allowResume, let earlier = resumableToken() { return earlier }
        let token = try await client.getToken()
        try? pending.remember(PendingToken(apiRoot: root, apiKey: client.apiKey, token: token, issuedAt: wallClock(),
                                           madeUpSecret: madeUpCredentials ? client.secret : nil,
                                           authPage: client.service.authPage.text), for: profileName)
        return TokenGrant(token: token, age: .zero, resumed: false, authorizeURL: client.authorizeURL(token: token))
    }

    /// The request for a token under the one `TokenRequestPolicy`: the pending token (when
    /// `allowResume` and an earlier run left one young enough) at once, without asking the server,
    /// or a fresh one, retrying trouble that may pass on `clock`.
    /// - Parameters:
    ///   - allowResume: false to ask for a fresh token whatever an earlier run left.
    ///   - attended: whether a person is watching: then it never gives up on its own.
    ///   - clock: what the pauses between tries sleep on.
    ///   - retryNow: fired to end a pause as soon as pacing allows.
    ///   - jitter: a number in 0..<1 for each backoff; tests pass a constant.
    public func requestToken<C: Clock>(allowResume: Bool = true, attended: Bool, clock: C, retryNow: CheckNowSignal = CheckNowSignal(),
                                       jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) -> AsyncStream<TokenRequestState> where C.Duration == Duration {
        if allowResume, let earlier = resumableToken() {
            return AsyncStream { continuation in
                continuation.yield(.received(earlier))
                continuation.finish()
            }
        }
        let flow = self
        return TokenRequester(policy: TokenRequestPolicy(schedule: schedule, attended: attended), clock: clock, jitter: jitter)
            .states(retryNow: retryNow) { () async throws(AuthError) -> TokenGrant in
                try await flow.startOrResume(allowResume: false)
            }
    }

    /// The wait for `grant`'s approval, on `clock`: the polling of its desktop page and, when
    /// `callback` is given (and opened by `browserPage`), the browser's return to it, whichever
    /// brings the session first. A wait that ends without a session (expired, refused) forgets
    /// the pending token: no later run should resume it. The end closes `callback`.
    /// `received` is told of a session the moment the server's answer is read, on the thread that
    /// read it, before the stream carries it on: from then on a front must treat leaving as after
    /// the session (it is saved or shown, never lost), which a signal between the answer and the
    /// stream's next element would otherwise cut short. `watch` counts each `auth.getSession`
    /// in flight, `received` included, for a signal to wait on (`ExchangeWatch.settle`).
    public func wait<C: Clock>(for grant: TokenGrant, clock: C, checkNow: CheckNowSignal, callback: LoopbackCallback? = nil,
                               jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, watch: ExchangeWatch = ExchangeWatch(),
                               received: @escaping @Sendable (Session) -> Void = { _ in }) -> AsyncStream<WaitUpdate> where C.Duration == Duration {
        let updates = ApprovalRace(client: client, waiter: ApprovalWaiter(schedule: schedule, clock: clock, jitter: jitter), received: received, watch: watch)
            .updates(for: grant, checkNow: checkNow, callback: callback)
        let flow = self
        return AsyncStream { continuation in
            let forwarding = Task {
                for await update in updates {
                    switch update {
                    // A token that brought a session is spent: no later run may offer to resume it,
                    // also when the save then fails (the session is shown then).
                    case .state(.expired), .state(.failed), .state(.authorized): flow.discardPendingToken()
                    default: break
                    }
                    continuation.yield(update)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in forwarding.cancel() }
        }
    }

    /// The address to hand a browser started on this machine: the web flow's page with `callback`
    /// opened as its `cb` (approval there ends the wait at once), or the desktop page when there
    /// is no callback or it cannot listen (`CallbackError`, said with `--verbose`).
    public func browserPage(for grant: TokenGrant, callback: LoopbackCallback?) -> (url: String, callback: Result<CallbackAddress, CallbackError>?) {
        guard let callback else { return (grant.authorizeURL, nil) }
        do throws(CallbackError) {
            let address = try callback.open()
            return (client.service.webAuthorizeURL(apiKey: client.apiKey, callback: address.url), .success(address))
        } catch {
            return (grant.authorizeURL, .failure(error))
        }
    }

    /// Saves `session` as the profile, with the key and secret the flow was built with, and
    /// forgets the pending token; returns where the secrets went (`Wording.secretsSaved` says it).
    /// The profile becomes the one the commands use when none is named (as `gh auth login` makes
    /// the account it adds the active one). If saving fails the error is thrown and the caller
    /// must show the session key.
    @discardableResult
    public func save(_ session: Session, createdAt: String = Timestamp.nowISO8601()) throws(StoreError) -> SavedSecrets {
        let profile = Profile(service: client.service, apiKey: client.apiKey, apiSecret: client.secret, session: session, createdAt: createdAt)
        let saved = try credentials.save(profile, as: profileName, place: secretPlace, choosing: true)
        try? pending.forget(profile: profileName)
        return saved
    }

    /// After a save that kept the secrets in the file because the keyring was locked or had no
    /// collection (`KeyringUnlock.offered`): shows the desktop's prompt, waits for the person up
    /// to `wait` (or `cancel`), and once unlocked moves the profile's secrets into the keyring.
    /// The file holds them throughout, so whatever happens in the prompt, nothing is lost.
    public func unlockKeyring(within wait: Duration = KeyringUnlock.wait, cancel: UnlockCancel) async -> KeyringUnlock.Outcome {
        guard let keyring = credentials.keyring else { return .failed(KeyringError.notGiven.description) }
        let outcome = await keyring.unlock(within: wait, cancel: cancel)
        guard outcome == .unlocked else { return outcome }
        do throws(StoreError) {
            let moved = try credentials.move(profileName, to: .keyring)
            if let moved, moved.place == .keyring { return .moved }
            return .notMoved(moved?.keyringProblem ?? .notGiven)
        } catch {
            return .notMoved(.refused(error.description))
        }
    }

    /// Forgets the pending token (it expired, was refused, or the user gave up on it).
    public func discardPendingToken() {
        try? pending.forget(profile: profileName)
    }
}
