@testable import LastFMAuth
import Synchronization
import Testing

@Suite("Check-now signal")
struct CheckNowSignalTests {
    /// Whether `signal.next()` returns within 300 ms (polled against a deadline); the wait is cancelled after.
    static func returnsPromptly(_ signal: CheckNowSignal) async -> Bool {
        let returned = Atomic<Bool>(false)
        let waiter = Task {
            await signal.next()
            if !Task.isCancelled { returned.store(true, ordering: .sequentiallyConsistent) }
        }
        let deadline = ContinuousClock.now + .milliseconds(300)
        while ContinuousClock.now < deadline, !returned.load(ordering: .sequentiallyConsistent) {
            try? await Task.sleep(for: .milliseconds(5))
        }
        waiter.cancel()
        await waiter.value
        return returned.load(ordering: .sequentiallyConsistent)
    }

    @Test("a cancelled wait does not break later waits: they block until fired, and a fire is kept once")
    func cancelledWaitKeepsWorking() async {
        let signal = CheckNowSignal()
        #expect(await Self.returnsPromptly(signal) == false, "no fire: the wait blocks")
        #expect(await Self.returnsPromptly(signal) == false, "still blocks after a cancelled wait")
        signal.fire()
        #expect(await Self.returnsPromptly(signal) == true, "a fire while nobody waits is kept for the next wait")
        #expect(await Self.returnsPromptly(signal) == false, "and used up once")
    }

    @Test("a fire wakes a wait in progress")
    func fireWakes() async {
        let signal = CheckNowSignal()
        let woke = Atomic<Bool>(false)
        let waiter = Task {
            await signal.next()
            woke.store(!Task.isCancelled, ordering: .sequentiallyConsistent)
        }
        signal.fire()
        await waiter.value
        let didWake = woke.load(ordering: .sequentiallyConsistent)
        #expect(didWake)
    }
}
