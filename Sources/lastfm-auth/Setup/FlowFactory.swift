import LastFMAuth
import Logging

/// Builds an `AuthFlow` for a service, key and secret, with everything else fixed for the run.
struct FlowFactory: Sendable {
    let transport: any HTTPTransport
    let logger: Logger
    let store: CredentialsStore
    let profileName: String
    let schedule: PollingSchedule
    /// `--store`: where the secrets go, if the person chose.
    let secretPlace: SecretPlace?
    /// A graphical session is there to show a locked keyring's prompt (`KeyringUnlock.hasDisplay`).
    var hasDisplay = false
    /// Whether a browser started here comes back to a loopback callback (`CallbackUse.decide`).
    var callbackUse: CallbackUse = .off(.turnedOff)
    /// The run's `auth.getSession` exchanges in flight, which a signal waits for (both fronts).
    let exchanges = ExchangeWatch()

    /// The flow for `service` with this key and secret; `madeUp` when both were made on the spot.
    func flow(service: Service, apiKey: String, secret: String, madeUp: Bool = false) -> AuthFlow {
        let client = LastFMClient(service: service, apiKey: apiKey, secret: secret, transport: transport, logger: logger)
        return AuthFlow(client: client, schedule: schedule, credentials: store, profileName: profileName,
                        secretPlace: secretPlace, madeUpCredentials: madeUp, wallClock: { Timestamp.nowUnix() })
    }

    /// A listener for one wait's browser return, not yet listening; nil when the callback is off.
    func callback() -> LoopbackCallback? {
        callbackUse == .use ? LoopbackCallback(logger: logger) : nil
    }

    /// The key and secret an earlier run made on the spot, by API root, kept with a token this
    /// profile can still resume (`PendingTokenStore.madeUpCredentials`).
    func earlierMadeUpCredentials() -> [String: MadeUpCredentials] {
        PendingTokenStore(besideCredentialsAt: store.path).madeUpCredentials(for: profileName, now: Timestamp.nowUnix(), lifetime: schedule.tokenLifetime)
    }
}
