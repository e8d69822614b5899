import LastFMAuth
import Testing
import TestSupport
import Synchronization

/// The one retry rule for `auth.getToken` (issue #18: the wizard retried forever without jitter,
/// the plain front three times with it).
@Suite("The token request: one policy for both fronts")
struct TokenRequestTests {
    static let down = AuthError.transport(TransportError(.connection, "could not connect to 127.0.0.1:9 (connection refused)"))
    static let grant = TokenGrant(token: TestCredentials.token, age: .zero, resumed: false, authorizeURL: "https://www.last.fm/api/auth/?api_key=k&token=t")

    @Test("trouble that may pass is retried with the wait's jittered backoff, bounded, never sooner than Retry-After")
    func backoff() {
        let policy = TokenRequestPolicy(schedule: PollingSchedule(interval: .seconds(3), maxBackoff: .seconds(60)), attended: true)
        #expect(policy.decision(after: Self.down, failures: 1, jitter: 0) == .retry(after: .seconds(3)))
        guard case .retry(let jittered) = policy.decision(after: Self.down, failures: 1, jitter: 0.999_999) else { Issue.record("no retry"); return }
        #expect(jittered > .seconds(5) && jittered < .seconds(6), "half fixed, half jittered")
        #expect(policy.decision(after: Self.down, failures: 2, jitter: 1) == .retry(after: .seconds(12)))
        #expect(policy.decision(after: Self.down, failures: 40, jitter: 1) == .retry(after: .seconds(60)), "bounded")
        #expect(policy.decision(after: .httpStatus(503, retryAfter: .seconds(90)), failures: 1, jitter: 0) == .retry(after: .seconds(90)))
    }

    @Test("a person watching is never given up on; a script gets a clear end after four tries")
    func attendedOrNot() {
        let watched = TokenRequestPolicy(attended: true)
        let script = TokenRequestPolicy(attended: false)
        #expect(watched.decision(after: Self.down, failures: 1000, jitter: 0.5) != .stop)
        #expect(script.decision(after: Self.down, failures: 3, jitter: 0.5) != .stop)
        #expect(script.decision(after: Self.down, failures: 4, jitter: 0.5) == .stop)
    }

    @Test("a definite answer stops at once: a refused key or secret, a TLS failure, an unknown method", arguments: [
        AuthError.api(code: 10, message: "Invalid API key"), .api(code: 13, message: "Invalid method signature"),
        .api(code: 3, message: "Invalid method"), .transport(TransportError(.tls, "certificate expired")),
    ])
    func definite(error: AuthError) {
        #expect(TokenRequestPolicy(attended: true).decision(after: error, failures: 1, jitter: 0) == .stop)
    }

    @Test("the requester sleeps the decided pause on the injected clock, says so, and ends with the token")
    func requesterRetries() async {
        let clock = ManualClock()
        let answers = Answers([.failure(Self.down), .failure(.httpStatus(503, retryAfter: .seconds(9))), .success(Self.grant)])
        let requester = TokenRequester(policy: TokenRequestPolicy(attended: true), clock: clock, jitter: { 0 })
        var seen: [TokenRequestState] = []
        let states = requester.states(retryNow: CheckNowSignal()) { () async throws(AuthError) -> TokenGrant in try answers.next() }
        let collecting = Task {
            var seen: [TokenRequestState] = []
            for await state in states { seen.append(state) }
            return seen
        }
        #expect(await clock.waitForSleepers())
        clock.advance(by: .seconds(3))
        #expect(await clock.waitForSleepers())
        clock.advance(by: .seconds(9))
        seen = await collecting.value
        #expect(seen == [
            .asking(failures: 0), .retrying(problem: Self.down, failures: 1, delay: .seconds(3)),
            .asking(failures: 1), .retrying(problem: .httpStatus(503, retryAfter: .seconds(9)), failures: 2, delay: .seconds(9)),
            .asking(failures: 2), .received(Self.grant),
        ])
    }

    @Test("retry now ends the pause at once; a script's fourth failure ends the request with the error")
    func retryNowAndScriptEnd() async {
        let clock = ManualClock()
        let answers = Answers(Array(repeating: .failure(Self.down), count: 4))
        let retryNow = CheckNowSignal()
        let states = TokenRequester(policy: TokenRequestPolicy(attended: false), clock: clock, jitter: { 0 })
            .states(retryNow: retryNow) { () async throws(AuthError) -> TokenGrant in try answers.next() }
        let collecting = Task {
            var seen: [TokenRequestState] = []
            for await state in states { seen.append(state) }
            return seen
        }
        for _ in 0..<3 {
            #expect(await clock.waitForSleepers())
            retryNow.fire()
            // The sleeper leaves once the pause has ended; the clock never moved.
            while clock.sleeperCount > 0 { await Task.yield() }
        }
        let seen = await collecting.value
        #expect(seen.last == .failed(Self.down, attempts: 4))
        #expect(clock.now.offset == .zero, "no time passed: every pause was cut short")
    }
}

/// Scripted answers for the requester, one per try.
private final class Answers: Sendable {
    private let queue: Mutex<[Result<TokenGrant, AuthError>]>
    init(_ answers: [Result<TokenGrant, AuthError>]) { queue = Mutex(answers) }
    func next() throws(AuthError) -> TokenGrant {
        try queue.withLock { $0.removeFirst() }.get()
    }
}
