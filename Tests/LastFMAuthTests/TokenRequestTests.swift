import LastFMAuth
import Testing
import TestSupport
import Synchronization

/// The one retry rule for `auth.getToken` (issue #18: the wizard retried forever without jitter,
/// the plain front three times with it).
@Suite("The token request: one policy for both fronts")
struct TokenRequestTests {
    static let down = AuthError.transport(TransportError(.connection, "could not connect to 127.0.0.1:9: connection refused"))
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

    @Test("retry now ends the pause as soon as the minimum spacing allows; a script's fourth failure ends the request with the error")
    func retryNowAndScriptEnd() async {
        // Issue #26: this test said "retry now ends the pause at once" (no time passed at all); a
        // "now" is paced as the wait's check-now is, one second after the last answer at least.
        let clock = ManualClock()
        let answers = Answers(Array(repeating: .failure(Self.down), count: 4))
        let retryNow = CheckNowSignal()
        let seen = Mutex<[TokenRequestState]>([])
        let states = TokenRequester(policy: TokenRequestPolicy(attended: false), clock: clock, jitter: { 0 })
            .states(retryNow: retryNow) { () async throws(AuthError) -> TokenGrant in try answers.next() }
        let collecting = Task { for await state in states { seen.withLock { $0.append(state) } } }
        for failures in 1...3 {
            let retrying = TokenRequestState.retrying(problem: Self.down, failures: failures, delay: .seconds(1))
            #expect(await clock.waitForSleepers())
            retryNow.fire()
            #expect(await eventually { seen.withLock { $0.last == retrying } }, "the pause shrinks to the spacing, not to nothing")
            #expect(await clock.waitForSleepers())
            clock.advance(by: .seconds(1))
        }
        await collecting.value
        #expect(seen.withLock { $0.last } == .failed(Self.down, attempts: 4))
        #expect(clock.now.offset == .seconds(3), "each pause was cut to the one-second spacing, not the 3, 6 and 12 s backoff")
    }

    @Test("retry now never jumps a Retry-After: a 503 asking for 8 s is held for 8 s, whenever r or Enter is pressed")
    func retryNowHoldsRetryAfter() {
        let limited = AuthError.httpStatus(503, retryAfter: .seconds(8))
        var machine = TokenRequestMachine(policy: TokenRequestPolicy(attended: true))
        machine.sending(at: .zero)
        #expect(machine.record(.failure(limited), at: .zero, jitter: 0) == .retrying(problem: limited, failures: 1, delay: .seconds(8)))
        for pressed in [Duration.milliseconds(800), .seconds(3), .milliseconds(7_900)] {
            #expect(machine.requestNow(at: pressed) == .retrying(problem: limited, failures: 1, delay: .seconds(8)))
            let early = machine.isDue(at: pressed)
            #expect(!early)
        }
        let onTime = machine.isDue(at: .seconds(8))
        #expect(onTime)
        machine.sending(at: .seconds(8))
        #expect(machine.record(.failure(Self.down), at: .seconds(8), jitter: 0) == .retrying(problem: Self.down, failures: 2, delay: .seconds(6)))
        #expect(machine.requestNow(at: .milliseconds(8_300)) == .retrying(problem: Self.down, failures: 2, delay: .seconds(1)),
                "our own backoff is cut, to the spacing")
    }

    @Test("the token request and the wait pace a \"now\" alike: the same answers, the same next request")
    func onePacingRule() {
        let schedule = PollingSchedule()
        for error in [AuthError.httpStatus(503, retryAfter: .seconds(8)), .api(code: 29, message: "Rate limit exceeded"), Self.down,
                      .httpStatus(502, retryAfter: nil)] {
            var token = TokenRequestMachine(policy: TokenRequestPolicy(schedule: schedule, attended: true))
            var wait = ApprovalMachine(schedule: schedule)
            token.record(.failure(error), at: .seconds(3), jitter: 0.5)
            wait.record(.failure(error), at: .seconds(3), jitter: 0.5)
            #expect(token.nextRequest == wait.nextRequest, "\(error): the same pause")
            token.requestNow(at: .milliseconds(3_100))
            wait.requestNow(at: .milliseconds(3_100))
            #expect(token.nextRequest == wait.nextRequest, "\(error): the same \"now\"")
        }
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
