import Dispatch
import Synchronization

/// The page one browser request waits for: the listener's thread blocks on it (bounded) while the
/// wait exchanges the token; the first answer wins.
public final class CallbackReply: Sendable {
    private let page = Mutex<CallbackPage?>(nil)
    private let answered = DispatchSemaphore(value: 0)

    init() {}

    /// Gives the browser `page`; later answers are ignored.
    public func answer(_ page: CallbackPage) {
        let first = self.page.withLock { slot -> Bool in
            guard slot == nil else { return false }
            slot = page
            return true
        }
        if first { answered.signal() }
    }

    /// The page once answered, or nil after `deadline`.
    func wait(upTo deadline: Duration) -> CallbackPage? {
        let nanoseconds = deadline.components.seconds * 1_000_000_000 + deadline.components.attoseconds / 1_000_000_000
        guard answered.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success else { return nil }
        return page.withLock { $0 }
    }
}
