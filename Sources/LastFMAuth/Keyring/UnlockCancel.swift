import Synchronization

/// Ends a keyring prompt from a front (Esc in the wizard, Enter in the plain front): the secrets
/// then stay in the file. Firing before the prompt is out still ends it as soon as it starts.
public final class UnlockCancel: Sendable {
    private let state = Mutex<(fired: Bool, action: (@Sendable () -> Void)?)>((false, nil))

    /// A cancel nobody has fired.
    public init() {}

    /// Keeps the secrets in the file: the prompt is withdrawn.
    public func fire() {
        let action = state.withLock { state -> (@Sendable () -> Void)? in
            state.fired = true
            return state.action
        }
        action?()
    }

    /// Whether it was fired.
    public var isFired: Bool { state.withLock { $0.fired } }

    /// Runs `action` when fired (at once if it already was).
    func onFire(_ action: @escaping @Sendable () -> Void) {
        let already = state.withLock { state -> Bool in
            state.action = action
            return state.fired
        }
        if already { action() }
    }
}
