/// The one driver of every paced loop (the token request and the wait for approval): sleeps on an
/// injected clock until the machine's next request or a "now", sends the request, feeds the answer
/// back and publishes each new state, ending with a final one. Cancelling the consumer stops it.
public struct PacedDriver<C: Clock>: Sendable where C.Duration == Duration {
    /// One request: `auth.getToken` (or resuming a pending token), or `auth.getSession`.
    public typealias Request<Answer> = @Sendable () async throws(AuthError) -> Answer

    private let clock: C
    private let jitter: @Sendable () -> Double

    /// A driver on `clock` (`ContinuousClock` in a program, a manual clock in tests); `jitter`
    /// gives a number in 0..<1 for each backoff, a constant in tests.
    public init(clock: C, jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.clock = clock
        self.jitter = jitter
    }

    /// The states of `machine`, whose start was `startedAgo` before now (a resumed token's age);
    /// firing `now` asks for the next request at once, as far as the machine's pacing allows.
    public func states<M: PacedMachine>(of machine: M, startedAgo: Duration = .zero, now: CheckNowSignal,
                                        request: @escaping Request<M.Answer>) -> AsyncStream<M.State> {
        let (stream, continuation) = AsyncStream.makeStream(of: M.State.self)
        let task = Task { [clock, jitter] in
            let start = clock.now.advanced(by: .zero - startedAgo)
            var machine = machine
            continuation.yield(machine.state)
            func yieldIfChanged(_ change: (inout M) -> Void) {
                let before = machine.state
                change(&machine)
                if machine.state != before { continuation.yield(machine.state) }
            }
            while !machine.isFinal, !Task.isCancelled {
                guard let next = machine.nextRequest else { break }
                let woken = await Pause.until(start.advanced(by: next), on: clock, orUntil: now)
                if Task.isCancelled { break }
                let time = start.duration(to: clock.now)
                if woken { yieldIfChanged { $0.requestNow(at: time) } }
                var due = false
                yieldIfChanged { due = $0.isDue(at: time) }
                guard due else { continue }
                yieldIfChanged { $0.sending(at: time) }
                let answer: Result<M.Answer, AuthError>
                do throws(AuthError) { answer = .success(try await request()) } catch { answer = .failure(error) }
                if Task.isCancelled { break }
                machine.record(answer, at: start.duration(to: clock.now), jitter: jitter())
                continuation.yield(machine.state)
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
