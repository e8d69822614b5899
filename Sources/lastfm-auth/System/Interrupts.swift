import Synchronization

/// Where termination signals go: by default the caller's plain handling; while the wizard runs,
/// into its event loop, so the terminal is restored by the thread that owns it.
enum Interrupts {
    private static let route = Mutex<(@Sendable (Int32) -> Void)?>(nil)

    /// Sends later signals to `handler` (nil: back to the default).
    static func route(to handler: (@Sendable (Int32) -> Void)?) {
        route.withLock { $0 = handler }
    }

    /// Hands `signal` to the routed handler; false when there is none.
    static func deliver(_ signal: Int32) -> Bool {
        guard let handler = route.withLock({ $0 }) else { return false }
        handler(signal)
        return true
    }
}
