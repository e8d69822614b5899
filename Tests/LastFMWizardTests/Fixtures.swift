import LastFMAuth
import LastFMWizard
import TestSupport

/// States and values shared by the wizard tests.
enum Fixtures {
    static let key = TestCredentials.apiKey
    static let secret = TestCredentials.secret
    static let token = TestCredentials.token
    static let session = Session(username: "alice", key: TestCredentials.sessionKey)
    static let grant = TokenGrant(token: token, age: .zero, resumed: false,
                                  authorizeURL: "https://www.last.fm/api/auth/?api_key=\(key)&token=\(token)")

    /// A state on `step` with a key and secret filled in, as if the person had got there.
    static func state(_ step: WizardStep, sandbox: Bool = false) -> WizardState {
        var state = WizardState(profileName: "default", sandboxService: sandbox ? .sandbox(at: SandboxAddress(port: 8080)) : nil,
                                apiKey: key, secret: secret)
        state.step = step
        return state
    }

    /// The authorize step, waiting, checked 2 s ago, 10 minutes into the token's life.
    static func authorizing(sandbox: Bool = false) -> WizardState {
        var state = state(.fetchingToken, sandbox: sandbox)
        _ = WizardReducer.reduce(&state, .tokenReceived(grant))
        _ = WizardReducer.reduce(&state, .waitChanged(.waiting(lastCheck: .seconds(598), nextCheck: .seconds(601))))
        _ = WizardReducer.reduce(&state, .tick(tokenAge: .seconds(600)))
        return state
    }

    /// A small, fixed QR-like pattern (the real one comes from libqrencode in the terminal layer).
    static let qr = QRCode(size: 21, modules: (0..<(21 * 21)).map { ($0 / 21 + $0 % 21) % 3 == 0 })
}
