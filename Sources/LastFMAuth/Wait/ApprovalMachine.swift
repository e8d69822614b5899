/// The wait for approval as a pure state machine: it is told what happened and when (as the
/// token's age), and answers with the new state. No clock, no network: `PacedDriver` supplies both,
/// and `RequestPacing` spaces the checks as it spaces the token request.
public struct ApprovalMachine: PacedMachine {
    /// How often to check, and how to back off.
    public let schedule: PollingSchedule
    /// The current state.
    public private(set) var state: WaitState
    private var pacing: RequestPacing

    /// Starts a wait. A fresh token is first checked after the minimum spacing (the person, or a
    /// program, may approve at once; one second keeps it apart from `auth.getToken`), a resumed one
    /// (`tokenAge` > 0) or one a browser brought back approved at once.
    /// - Parameters:
    ///   - schedule: how often to check, and how to back off.
    ///   - tokenAge: how old the token already is.
    ///   - approved: the token came back from the browser as approved (the web flow's callback).
    public init(schedule: PollingSchedule, tokenAge: Duration = .zero, approved: Bool = false) {
        self.schedule = schedule
        self.pacing = RequestPacing(schedule: schedule)
        if tokenAge >= schedule.tokenLifetime {
            state = .expired
        } else {
            let atOnce = approved || tokenAge > .zero
            state = .waiting(lastCheck: nil, nextCheck: atOnce ? tokenAge : min(schedule.minimumSpacing, schedule.interval))
        }
    }

    /// Whether the wait is over.
    public var isFinal: Bool { state.isFinal }

    /// When the next check is due, while the wait goes on.
    public var nextRequest: Duration? { state.nextCheck }

    /// Records the answer of a check made at `age`; `jitter` in 0..<1 spreads backoff delays.
    @discardableResult
    public mutating func record(_ answer: Result<Session, AuthError>, at age: Duration, jitter: Double) -> WaitState {
        guard !state.isFinal else { return state }
        switch answer {
        case .success(let session):
            state = .authorized(session)
        case .failure(let error) where error.apiCode == .tokenNotAuthorized:
            pacing.answered(at: age)
            state = .waiting(lastCheck: age, nextCheck: scheduled(age + schedule.interval))
        case .failure(let error) where error.apiCode == .tokenExpired:
            state = .expired
        case .failure(let error) where error.endsTheWait:
            state = .failed(error)
        case .failure(let error):
            // Only a definitive answer ends the wait: the person may be approving right now.
            let delay = pacing.troubled(by: error, at: age, jitter: jitter)
            state = .retrying(problem: error, failures: pacing.failures, lastCheck: age, nextCheck: scheduled(age + delay))
        }
        return state
    }

    /// The user asked to check now (a key, or terminal focus coming back): the next check moves
    /// to `age`, or as soon after as the minimum spacing and what the server asked for allow.
    @discardableResult
    public mutating func requestNow(at age: Duration) -> WaitState {
        let earliest = scheduled(pacing.earliestNow(at: age))
        switch state {
        case .waiting(let last, let next):
            state = .waiting(lastCheck: last, nextCheck: min(next, earliest))
        case .retrying(let problem, let failures, let last, let next):
            state = .retrying(problem: problem, failures: failures, lastCheck: last, nextCheck: min(next, earliest))
        default:
            break
        }
        return state
    }

    /// Whether a check is due at `age`; ends the wait as expired when the token's time is up.
    public mutating func isDue(at age: Duration) -> Bool {
        guard let next = state.nextCheck else { return false }
        if age >= schedule.tokenLifetime {
            state = .expired
            return false
        }
        return age >= next
    }

    /// A check goes out: nothing to change (the spacing counts from its answer).
    public mutating func sending(at age: Duration) {}

    /// A check time, never past the token's end: at the end the machine expires instead of asking.
    private func scheduled(_ time: Duration) -> Duration {
        min(time, schedule.tokenLifetime)
    }
}
