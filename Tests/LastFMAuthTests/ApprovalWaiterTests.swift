import LastFMAuth
import Synchronization
import Testing
import TestSupport

@Suite("Waiting for approval: the driver on a manual clock")
struct ApprovalWaiterTests {
    static let alice = Session(username: "alice", key: "d580d57f32848f5dcf574d1ce18d78b2")
    static let notYet = AuthError.api(code: 14, message: "Unauthorized Token")

    /// A server double: answers from a list and counts calls.
    final class Answers: Sendable {
        private let script: Mutex<[Result<Session, AuthError>]>
        private let count = Mutex(0)
        init(_ script: [Result<Session, AuthError>]) { self.script = Mutex(script) }
        var calls: Int { count.withLock { $0 } }
        func next() throws(AuthError) -> Session {
            count.withLock { $0 += 1 }
            let answer = script.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
            return try answer.get()
        }
    }

    @Test("advancing the clock by the interval makes exactly one check")
    func onePollPerInterval() async throws {
        let clock = ManualClock()
        let answers = Answers([.failure(Self.notYet), .failure(Self.notYet), .success(Self.alice)])
        let waiter = ApprovalWaiter(schedule: PollingSchedule(interval: .seconds(5)), clock: clock, jitter: { 0 })
        var states = waiter.states(checkNow: CheckNowSignal()) { () throws(AuthError) in try answers.next() }.makeAsyncIterator()
        // The first check comes after the minimum spacing (1 s): the token may be approved already.
        #expect(await states.next() == .waiting(lastCheck: nil, nextCheck: .seconds(1)))
        #expect(await clock.waitForSleepers())
        clock.advance(by: .milliseconds(900))
        #expect(answers.calls == 0)
        clock.advance(by: .milliseconds(100))
        #expect(await states.next() == .waiting(lastCheck: .seconds(1), nextCheck: .seconds(6)))
        #expect(answers.calls == 1)
        #expect(await clock.waitForSleepers())
        clock.advance(by: .seconds(4))
        #expect(answers.calls == 1)
        clock.advance(by: .seconds(1))
        #expect(await states.next() == .waiting(lastCheck: .seconds(6), nextCheck: .seconds(11)))
        clock.advance(by: .seconds(5))
        #expect(await states.next() == .authorized(Self.alice))
        #expect(await states.next() == nil)
        #expect(answers.calls == 3)
    }

    @Test("between checks the wait sleeps: after the timer wins, nothing happens until the next interval")
    func sleepsBetweenChecks() async {
        let clock = ManualClock()
        let answers = Answers([.failure(Self.notYet)])
        let waiter = ApprovalWaiter(schedule: PollingSchedule(interval: .seconds(5)), clock: clock, jitter: { 0 })
        let seen = Mutex<[WaitState]>([])
        let consumer = Task {
            for await state in waiter.states(checkNow: CheckNowSignal(), check: { () throws(AuthError) in try answers.next() }) {
                seen.withLock { $0.append(state) }
            }
        }
        #expect(await clock.waitForSleepers())
        clock.advance(by: .seconds(1))
        // First the check the timer asked for (polled: a loaded machine may take a while)...
        let due = ContinuousClock.now + .seconds(10)
        while answers.calls == 0 || clock.sleeperCount == 0, ContinuousClock.now < due { try? await Task.sleep(for: .milliseconds(10)) }
        // ...then let the waiter run freely for a while on the real scheduler: it must stay asleep.
        let deadline = ContinuousClock.now + .milliseconds(300)
        while ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        #expect(answers.calls == 1)
        #expect(seen.withLock { $0 } == [.waiting(lastCheck: nil, nextCheck: .seconds(1)), .waiting(lastCheck: .seconds(1), nextCheck: .seconds(6))])
        #expect(clock.sleeperCount == 1)
        consumer.cancel()
    }

    @Test("check now wakes the wait at once, without the clock moving")
    func checkNowWakes() async throws {
        let clock = ManualClock()
        let answers = Answers([.success(Self.alice)])
        let signal = CheckNowSignal()
        let waiter = ApprovalWaiter(schedule: PollingSchedule(interval: .seconds(30)), clock: clock, jitter: { 0 })
        var states = waiter.states(checkNow: signal) { () throws(AuthError) in try answers.next() }.makeAsyncIterator()
        #expect(await states.next() == .waiting(lastCheck: nil, nextCheck: .seconds(1)))
        signal.fire()
        #expect(await states.next() == .waiting(lastCheck: nil, nextCheck: .zero))
        #expect(await states.next() == .authorized(Self.alice))
        #expect(answers.calls == 1)
    }

    @Test("a resumed token past its lifetime expires without asking the server")
    func expiresByClock() async {
        let clock = ManualClock()
        let answers = Answers([.failure(Self.notYet)])
        let waiter = ApprovalWaiter(schedule: PollingSchedule(interval: .seconds(3), tokenLifetime: .seconds(7)), clock: clock, jitter: { 0 })
        var states = waiter.states(checkNow: CheckNowSignal()) { () throws(AuthError) in try answers.next() }.makeAsyncIterator()
        #expect(await states.next() == .waiting(lastCheck: nil, nextCheck: .seconds(1)))
        clock.advance(by: .seconds(1))
        #expect(await states.next() == .waiting(lastCheck: .seconds(1), nextCheck: .seconds(4)))
        clock.advance(by: .seconds(3))
        #expect(await states.next() == .waiting(lastCheck: .seconds(4), nextCheck: .seconds(7)))
        clock.advance(by: .seconds(3))
        #expect(await states.next() == .expired)
        #expect(answers.calls == 2)
    }

    @Test("a transient error is retried after the backoff, then the wait goes on")
    func retries() async {
        let clock = ManualClock()
        let offline = AuthError.httpStatus(503, retryAfter: nil)
        let answers = Answers([.failure(offline), .success(Self.alice)])
        let waiter = ApprovalWaiter(schedule: PollingSchedule(interval: .seconds(2)), clock: clock, jitter: { 0 })
        var states = waiter.states(checkNow: CheckNowSignal()) { () throws(AuthError) in try answers.next() }.makeAsyncIterator()
        _ = await states.next()
        clock.advance(by: .seconds(2))
        #expect(await states.next() == .retrying(problem: offline, failures: 1, lastCheck: .seconds(2), nextCheck: .seconds(4)))
        clock.advance(by: .seconds(1))
        #expect(answers.calls == 1)
        clock.advance(by: .seconds(1))
        #expect(await states.next() == .authorized(Self.alice))
    }

    @Test("cancelling the consumer stops the polling")
    func cancellation() async {
        let clock = ManualClock()
        let answers = Answers([.failure(Self.notYet)])
        let waiter = ApprovalWaiter(schedule: PollingSchedule(interval: .seconds(1)), clock: clock, jitter: { 0 })
        let consumer = Task {
            var count = 0
            for await _ in waiter.states(checkNow: CheckNowSignal(), check: { () throws(AuthError) in try answers.next() }) { count += 1 }
            return count
        }
        #expect(await clock.waitForSleepers())
        consumer.cancel()
        _ = await consumer.value
        clock.advance(by: .seconds(10))
        #expect(answers.calls == 0)
    }
}
