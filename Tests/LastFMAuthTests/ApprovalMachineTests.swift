import LastFMAuth
import Testing

@Suite("Waiting for approval: the state machine")
struct ApprovalMachineTests {
    static let schedule = PollingSchedule(interval: .seconds(3), tokenLifetime: .seconds(3600), maxBackoff: .seconds(60), minimumSpacing: .seconds(1))
    static let alice = Session(username: "alice", key: "d580d57f32848f5dcf574d1ce18d78b2")
    static let notYet = AuthError.api(code: 14, message: "Unauthorized Token")

    /// Issue #18: a token approved at once (by a program, or a quick person) waited a whole interval.
    @Test("a fresh token is first checked after the minimum spacing, not a whole interval; a resumed one at once")
    func firstCheck() {
        #expect(ApprovalMachine(schedule: Self.schedule).state == .waiting(lastCheck: nil, nextCheck: .seconds(1)))
        #expect(ApprovalMachine(schedule: PollingSchedule(interval: .milliseconds(500))).state == .waiting(lastCheck: nil, nextCheck: .milliseconds(500)))
        #expect(ApprovalMachine(schedule: Self.schedule, tokenAge: .seconds(600)).state == .waiting(lastCheck: nil, nextCheck: .seconds(600)))
        #expect(ApprovalMachine(schedule: Self.schedule, tokenAge: .seconds(3600)).state == .expired)
    }

    @Test("error 14 keeps polling at the interval; error 15 asks for a new token")
    func notYetThenExpired() {
        var machine = ApprovalMachine(schedule: Self.schedule)
        #expect(machine.record(.failure(Self.notYet), at: .seconds(3), jitter: 0) == .waiting(lastCheck: .seconds(3), nextCheck: .seconds(6)))
        #expect(machine.record(.failure(Self.notYet), at: .seconds(6), jitter: 0) == .waiting(lastCheck: .seconds(6), nextCheck: .seconds(9)))
        #expect(machine.record(.failure(.api(code: 15, message: "")), at: .seconds(9), jitter: 0) == .expired)
        #expect(machine.record(.success(Self.alice), at: .seconds(12), jitter: 0) == .expired, "a final state stays final")
    }

    @Test("success ends the wait with the session")
    func authorized() {
        var machine = ApprovalMachine(schedule: Self.schedule)
        #expect(machine.record(.success(Self.alice), at: .seconds(3), jitter: 0.5) == .authorized(Self.alice))
        #expect(machine.state.isFinal)
    }

    @Test("transient errors back off exponentially with jitter, capped, and reset on the next good answer")
    func backoff() {
        var machine = ApprovalMachine(schedule: Self.schedule)
        let offline = AuthError.api(code: 11, message: "Service Offline")
        // interval 3 s: failure 1 → 6 s base, 2 → 12, 3 → 24, 4 → 48, 5 → 60 (cap); jitter 0 gives half.
        var now = Duration.seconds(3)
        for (failures, expected) in [(1, 3), (2, 6), (3, 12), (4, 24), (5, 30), (6, 30)] {
            let state = machine.record(.failure(offline), at: now, jitter: 0)
            #expect(state == .retrying(problem: offline, failures: failures, lastCheck: now, nextCheck: now + .seconds(expected)))
            now += .seconds(expected)
        }
        #expect(machine.record(.failure(Self.notYet), at: now, jitter: 0) == .waiting(lastCheck: now, nextCheck: now + .seconds(3)))
        let again = machine.record(.failure(offline), at: now + .seconds(3), jitter: 1)
        #expect(again.nextCheck == now + .seconds(3) + .seconds(6), "failures counted from one again; full jitter gives the whole base")
    }

    @Test("every transient kind backs off: 8, 11, 16, 29, HTTP 5xx and 429, timeouts, resets, garbage", arguments: [
        AuthError.api(code: 8, message: ""), .api(code: 11, message: ""), .api(code: 16, message: ""), .api(code: 29, message: ""),
        .httpStatus(500, retryAfter: nil), .httpStatus(503, retryAfter: nil), .httpStatus(429, retryAfter: nil),
        .transport(TransportError(.timeout, "t")), .transport(TransportError(.connection, "reset")), .badResponse("garbage"),
    ])
    func transientKinds(error: AuthError) {
        var machine = ApprovalMachine(schedule: Self.schedule)
        guard case .retrying = machine.record(.failure(error), at: .seconds(3), jitter: 0) else {
            Issue.record("\(error) did not lead to a retry")
            return
        }
    }

    @Test("only 4, 10, 13 and 26 stop the wait", arguments: [4, 10, 13, 26])
    func stopCodes(code: Int) {
        var machine = ApprovalMachine(schedule: Self.schedule)
        let error = AuthError.api(code: code, message: "no")
        #expect(machine.record(.failure(error), at: .seconds(3), jitter: 0) == .failed(error))
    }

    /// Issue #13: a person may be approving while one answer goes wrong; the token is still good.
    @Test("anything else met while waiting is retried with backoff: TLS, redirect, too large, other codes, 4xx")
    func nothingElseAbandons() {
        let errors: [AuthError] = [TransportError.Kind.tls, .redirect, .tooLarge, .other].map { .transport(TransportError($0, "x")) }
            + [.api(code: 2, message: "no"), .api(code: 99, message: "no"), .api(code: 6, message: "no"), .httpStatus(403, retryAfter: nil),
               .httpStatus(404, retryAfter: nil)]
        for error in errors {
            var machine = ApprovalMachine(schedule: Self.schedule)
            var age = Duration.seconds(3)
            for failures in 1...5 {
                guard case .retrying(let problem, let count, _, let next) = machine.record(.failure(error), at: age, jitter: 0) else {
                    Issue.record("\(error) ended the wait")
                    break
                }
                #expect(problem == error && count == failures)
                #expect(next - age == Self.schedule.backoff(failures: failures, jitter: 0), "the usual backoff")
                age = next
            }
            #expect(machine.record(.success(Session(username: "alice", key: "k")), at: age, jitter: 0) == .authorized(Session(username: "alice", key: "k")),
                    "approval after the trouble still counts")
        }
    }

    @Test("Retry-After is honoured when it asks for more than the backoff, and check-now cannot jump it")
    func retryAfterHonoured() {
        var machine = ApprovalMachine(schedule: Self.schedule)
        let limited = AuthError.api(code: 29, message: "Rate limit exceeded", retryAfter: .seconds(40))
        #expect(machine.record(.failure(limited), at: .seconds(3), jitter: 0).nextCheck == .seconds(43))
        #expect(machine.requestNow(at: .seconds(10)).nextCheck == .seconds(43))
    }

    @Test("check now moves the next check to now, but never closer than the minimum spacing")
    func checkNow() {
        var machine = ApprovalMachine(schedule: PollingSchedule(interval: .seconds(30), minimumSpacing: .seconds(1)))
        machine.record(.failure(Self.notYet), at: .seconds(30), jitter: 0)
        #expect(machine.requestNow(at: .seconds(40)) == .waiting(lastCheck: .seconds(30), nextCheck: .seconds(40)))
        machine.record(.failure(Self.notYet), at: .seconds(40), jitter: 0)
        #expect(machine.requestNow(at: .milliseconds(40_200)).nextCheck == .seconds(41))
        let early = machine.isDue(at: .milliseconds(40_500))
        let onTime = machine.isDue(at: .seconds(41))
        #expect(!early)
        #expect(onTime)
    }

    @Test("the token expires by our own clock after its lifetime, even if the server never says 15")
    func ownClockExpiry() {
        var machine = ApprovalMachine(schedule: PollingSchedule(interval: .seconds(3), tokenLifetime: .seconds(10)))
        machine.record(.failure(Self.notYet), at: .seconds(3), jitter: 0)
        machine.record(.failure(Self.notYet), at: .seconds(6), jitter: 0)
        #expect(machine.record(.failure(Self.notYet), at: .seconds(9), jitter: 0).nextCheck == .seconds(10), "capped at the lifetime")
        let due = machine.isDue(at: .seconds(10))
        #expect(!due)
        #expect(machine.state == .expired)
    }

    @Test("backoff figures: doubling from the interval, capped, equal jitter")
    func backoffFigures() {
        let schedule = PollingSchedule(interval: .seconds(2), maxBackoff: .seconds(10))
        #expect(schedule.backoff(failures: 1, jitter: 0) == .seconds(2))
        #expect(schedule.backoff(failures: 1, jitter: 1) == .seconds(4))
        #expect(schedule.backoff(failures: 2, jitter: 0.5) == .seconds(6))
        #expect(schedule.backoff(failures: 50, jitter: 1) == .seconds(10))
    }
}
