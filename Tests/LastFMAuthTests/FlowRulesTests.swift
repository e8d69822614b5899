import LastFMAuth
import Testing
import TestSupport

/// Issue #26: every situation's next move, decided once in the core for both fronts.
@Suite("FlowRules: each situation to one move and its sentence")
struct FlowRulesTests {
    static let down = AuthError.transport(TransportError(.connection, "could not connect to ws.audioscrobbler.com:443: connection refused"))
    static let keyRefused = AuthError.api(code: 10, message: "Invalid API key")
    static let suspended = AuthError.api(code: 26, message: "Suspended API key")
    static let secretRefused = AuthError.api(code: 13, message: "Invalid method signature")
    static let denied = AuthError.api(code: 4, message: "The user denied access")
    static let fresh = TokenGrant(token: TestCredentials.token, age: .zero, resumed: false, authorizeURL: "https://www.last.fm/api/auth/?token=t")
    static let resumed = TokenGrant(token: TestCredentials.token, age: .seconds(240), resumed: true, authorizeURL: "https://www.last.fm/api/auth/?token=t")
    static let session = Session(username: "alice", key: TestCredentials.sessionKey)
    static let root = try! WebAddress("https://gnufm.example.org/")

    @Test("the token request: going on, a token, a refused key or secret, a made-up key refused, given up, not the API, a definite no")
    func tokenRequest() {
        let real = FlowFacts()
        let madeUp = FlowFacts(madeUpCredentials: true)
        #expect(FlowRules.next(after: .asking(failures: 3), facts: real) == .carryOn)
        #expect(FlowRules.next(after: .retrying(problem: Self.down, failures: 1, delay: .seconds(3)), facts: real) == .carryOn)
        #expect(FlowRules.next(after: .received(Self.fresh), facts: real) == .waitFor(Self.fresh))
        #expect(FlowRules.next(after: .failed(Self.keyRefused, attempts: 1), facts: real) == .backToKey(Wording.keyRefused(Self.keyRefused)))
        #expect(FlowRules.next(after: .failed(Self.suspended, attempts: 1), facts: real) == .backToKey(Wording.keyRefused(Self.suspended)))
        #expect(FlowRules.next(after: .failed(Self.secretRefused, attempts: 1), facts: real) == .backToSecret(Wording.secretRefused))
        for refused in [Self.keyRefused, Self.secretRefused, Self.suspended] {
            #expect(FlowRules.next(after: .failed(refused, attempts: 1), facts: madeUp) == .realCredentials(Wording.realCredentialsNeeded(refused)),
                    "a made-up key or secret: real ones, whichever the server blamed")
        }
        #expect(FlowRules.next(after: .failed(Self.down, attempts: 4), facts: real) == .stop(Wording.gaveUp(Self.down, attempts: 4)))
        let page = AuthError.webPage(status: 200)
        #expect(FlowRules.next(after: .failed(page, attempts: 1), facts: FlowFacts(apiRoot: Self.root))
                == .stop("Could not get a token from https://gnufm.example.org/: this address serves a web page, not the Last.fm API (HTTP 200). An API root usually ends in /2.0/, such as https://gnufm.example.org/2.0/."))
        let tls = AuthError.transport(TransportError(.tls, "the certificate has expired"))
        #expect(FlowRules.next(after: .failed(tls, attempts: 1), facts: real) == .stop("Could not get a token: the certificate has expired."))
    }

    /// Issue #27: a TLS failure at a typed address ended on "Enter starts over from the API key";
    /// nothing answering at one was retried for ever without a word about the address.
    @Test("a typed address: no API or no TLS there sends the person back to it; nothing answering twice says it may be wrong")
    func typedAddress() throws {
        let local = try WebAddress("https://127.0.0.1:18080/2.0/")
        let typed = FlowFacts(apiRoot: local, addressTyped: true)
        let handshake = AuthError.transport(TransportError(.handshake, "the TLS handshake failed"))
        #expect(FlowRules.next(after: .failed(handshake, attempts: 1), facts: typed)
                == .backToAddress("Could not get a token from https://127.0.0.1:18080/2.0/: no TLS answered there. If the server speaks plain HTTP, type its address as http://127.0.0.1:18080/2.0/"))
        #expect(FlowRules.next(after: .failed(.webPage(status: 200), attempts: 1), facts: typed) == .backToAddress(Wording.tokenRefused(.webPage(status: 200), apiRoot: local)))
        #expect(FlowRules.next(after: .failed(handshake, attempts: 1), facts: FlowFacts(apiRoot: Self.root)) == .stop(Wording.tokenRefused(handshake, apiRoot: Self.root)),
                "a known service's address is not the person's to fix")
        let expired = AuthError.transport(TransportError(.tls, "the certificate has expired"))
        #expect(FlowRules.next(after: .failed(expired, attempts: 1), facts: typed) == .stop("Could not get a token: the certificate has expired."),
                "a refused certificate is the server's to fix, not the address")

        let refused = AuthError.transport(TransportError(.unreachable, "could not connect to 127.0.0.1:18080: connection refused"))
        #expect(!FlowRules.addressMayBeWrong(.retrying(problem: refused, failures: 1, delay: .seconds(3)), facts: typed), "the first may be a server starting")
        #expect(FlowRules.addressMayBeWrong(.retrying(problem: refused, failures: 2, delay: .seconds(6)), facts: typed))
        #expect(!FlowRules.addressMayBeWrong(.retrying(problem: refused, failures: 5, delay: .seconds(6)), facts: FlowFacts()), "Last.fm's address is not typed")
        #expect(!FlowRules.addressMayBeWrong(.retrying(problem: Self.down, failures: 5, delay: .seconds(6)), facts: typed), "a connection closed early: something answered")
        #expect(Wording.tokenTrouble(refused, retryingIn: .seconds(6), addressRemedy: .key)
                == "Could not connect to 127.0.0.1:18080: connection refused. Trying again in 6 s. If the address is wrong (the port, or http:// against https://), press Esc to change it.")
    }

    @Test("per service: what the authorize page's button says, and where access is removed after logout")
    func perService() throws {
        let custom = try Service.custom(apiRoot: "https://gnufm.example.org/2.0/", authPage: "https://gnufm.example.org/api/auth/")
        #expect(Wording.openThePage(.lastfm) == "Open this address in a browser, sign in and allow access:")
        #expect(Wording.openThePage(.librefm) == "Open this address in a browser, sign in and press Submit:")
        #expect(Wording.openThePage(custom) == "Open this address in a browser, sign in and allow access (a GNU FM server's button says Submit):")
        #expect(Wording.openThePage(.sandbox(at: SandboxAddress(port: 9))) == "Open this address in a browser, then press Allow access:")
        #expect(Wording.revokeHint(.lastfm) == "The session key itself works until access is removed on the service:\n  https://www.last.fm/settings/applications")
        #expect(Wording.revokeHint(.librefm) == "The session key itself still works: Libre.fm (GNU FM) has no page that removes an application's access.")
        #expect(!Wording.revokeHint(custom).contains("connected applications"))
        #expect(Wording.revokeHint(.sandbox(at: SandboxAddress(port: 9))).contains("Revoke"))
    }

    @Test("the wait: going on, approved, expired (a resumed token gets a fresh one), denied, a refused key, a made-up key refused")
    func wait() {
        let real = FlowFacts()
        #expect(FlowRules.next(after: .waiting(lastCheck: nil, nextCheck: .seconds(1)), of: Self.fresh, facts: real) == .carryOn)
        #expect(FlowRules.next(after: .retrying(problem: Self.down, failures: 2, lastCheck: .seconds(3), nextCheck: .seconds(9)), of: Self.fresh, facts: real) == .carryOn)
        #expect(FlowRules.next(after: .authorized(Self.session), of: Self.fresh, facts: real) == .save(Self.session))
        #expect(FlowRules.next(after: .expired, of: Self.fresh, facts: real) == .tokenExpired(Wording.tokenExpired))
        #expect(FlowRules.next(after: .expired, of: Self.resumed, facts: real) == .freshToken(Wording.resumedTokenExpired))
        #expect(FlowRules.next(after: .failed(Self.denied), of: Self.fresh, facts: real) == .stop("Access was not granted: error 4 from the server: The user denied access."))
        #expect(FlowRules.next(after: .failed(Self.keyRefused), of: Self.fresh, facts: real) == .backToKey(Wording.keyRefused(Self.keyRefused)))
        #expect(FlowRules.next(after: .failed(Self.secretRefused), of: Self.resumed, facts: real) == .backToSecret(Wording.secretRefused))
        #expect(FlowRules.next(after: .failed(Self.suspended), of: Self.fresh, facts: FlowFacts(madeUpCredentials: true))
                == .realCredentials(Wording.realCredentialsNeeded(Self.suspended)))
    }

    @Test("news: trouble over is said once, when a good answer follows trouble")
    func news() {
        let trouble = WaitState.retrying(problem: Self.down, failures: 1, lastCheck: .seconds(3), nextCheck: .seconds(6))
        let waiting = WaitState.waiting(lastCheck: .seconds(6), nextCheck: .seconds(9))
        #expect(FlowRules.news(from: trouble, to: waiting) == Wording.troubleOver)
        #expect(FlowRules.news(from: waiting, to: waiting) == nil)
        #expect(FlowRules.news(from: nil, to: waiting) == nil)
        #expect(FlowRules.news(from: trouble, to: trouble) == nil)
    }

    @Test("cancelling: resumable only with a real server's token on the screen, not after the spent-token hint")
    func cancelled() {
        #expect(FlowRules.cancelled(tokenShown: false, possiblySpent: false, facts: FlowFacts()) == "Cancelled.")
        #expect(FlowRules.cancelled(tokenShown: true, possiblySpent: false, facts: FlowFacts()) == Wording.cancelled(resumable: true))
        #expect(FlowRules.cancelled(tokenShown: true, possiblySpent: true, facts: FlowFacts()) == "Cancelled.")
        #expect(FlowRules.cancelled(tokenShown: true, possiblySpent: false, facts: FlowFacts(sandbox: true)) == "Cancelled.")
    }
}
