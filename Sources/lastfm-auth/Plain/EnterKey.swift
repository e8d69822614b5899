import Synchronization

/// Where the plain front's Enter goes now (one reader of standard input for the run): a check at
/// once while waiting, keeping the secrets in the file while the keyring's window is out.
final class EnterKey: Sendable {
    private let action = Mutex<(@Sendable () -> Void)?>(nil)

    /// Enter does `action` from now on.
    func route(to action: @escaping @Sendable () -> Void) {
        self.action.withLock { $0 = action }
    }

    /// A line was read.
    func press() {
        action.withLock { $0 }?()
    }
}
