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

    func flow(service: Service, apiKey: String, secret: String) -> AuthFlow {
        let client = LastFMClient(service: service, apiKey: apiKey, secret: secret, transport: transport, logger: logger)
        return AuthFlow(client: client, schedule: schedule, credentials: store, profileName: profileName,
                        secretPlace: secretPlace, wallClock: { Timestamp.nowUnix() })
    }
}
