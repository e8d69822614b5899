/// A "check now" request from a front (a key press, terminal focus) to a running wait.
/// Requests made while the wait is busy are kept (at most one) and take effect when it next waits.
public final class CheckNowSignal: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks the wait to check as soon as it may.
    public func fire() { continuation.yield() }

    /// Returns when `fire()` is called (or at once if it was called since the last return);
    /// returns early if the task is cancelled. Only one task may wait at a time.
    func next() async {
        var iterator = stream.makeAsyncIterator()
        _ = await iterator.next()
    }
}
