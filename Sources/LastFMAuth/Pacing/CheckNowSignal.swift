import Synchronization

/// A "check now" request from a front (a key press, terminal focus) to a running wait.
/// Requests made while the wait is busy are kept (at most one) and take effect when it next waits.
///
/// Not an AsyncStream: cancelling a task that waits on a stream's iterator finishes the stream,
/// and the wait cancels its listener every time the timer wins.
public final class CheckNowSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
        var waiterID = 0
    }

    private let state = Mutex(State())

    /// A signal nobody has fired yet.
    public init() {}

    /// Asks the wait to check as soon as it may.
    public func fire() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns when `fire()` is called (at once if it was called since the last return), or when
    /// the task is cancelled. Only one task may wait at a time.
    func next() async {
        let id = state.withLock { state in
            state.waiterID += 1
            return state.waiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    // Cancelled before we got here: the handler below found no waiter to resume.
                    if Task.isCancelled { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard state.waiterID == id else { return nil }
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
