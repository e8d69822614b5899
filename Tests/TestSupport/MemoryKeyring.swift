import LastFMAuth
import Synchronization

/// A keyring in memory, for the store's rules without a Secret Service: it can be made to fail
/// (as a locked keyring or one that never answers would) or to give back something else.
public final class MemoryKeyring: Keyring {
    /// The items by (file, profile, kind).
    public let items = Mutex<[String: String]>([:])
    /// When set, every call throws it.
    public let failure = Mutex<KeyringError?>(nil)
    /// When set, lookups return this instead of what was stored.
    public let tampered = Mutex<String?>(nil)
    /// Every call, in order: "store api_secret", "lookup session_key", "removeAll".
    public let calls = Mutex<[String]>([])
    /// What `state()` says (not recorded in `calls`, never throws).
    public let lockState = Mutex<KeyringState>(.unlocked)
    /// What the prompt's person does: `.unlocked` unlocks it; `.keptInFile` waits for the front's
    /// key (the cancel) as a person who never answers the window; anything else is the answer as is.
    public let promptAnswer = Mutex<KeyringUnlock.Outcome>(.dismissed)

    public init(failing failure: KeyringError? = nil) {
        self.failure.withLock { $0 = failure }
    }

    public func store(_ secret: String, as item: KeyringItem) throws(KeyringError) {
        try record("store \(item.kind.rawValue)")
        items.withLock { $0[Self.key(item.file, item.profile, item.kind)] = secret }
    }

    public func lookup(_ item: KeyringItem) throws(KeyringError) -> String? {
        try record("lookup \(item.kind.rawValue)")
        if let tampered = tampered.withLock({ $0 }) { return tampered }
        return items.withLock { $0[Self.key(item.file, item.profile, item.kind)] }
    }

    public func removeAll(file: String, profile: String) throws(KeyringError) {
        try record("removeAll")
        items.withLock { items in
            for kind in KeyringItem.Kind.allCases { items[Self.key(file, profile, kind)] = nil }
        }
    }

    public func state() throws(KeyringError) -> KeyringState {
        lockState.withLock { $0 }
    }

    public func unlock(within wait: Duration, cancel: UnlockCancel) async -> KeyringUnlock.Outcome {
        calls.withLock { $0.append("unlock") }
        let answer = promptAnswer.withLock { $0 }
        if answer == .keptInFile {
            return await eventually { cancel.isFired } ? .keptInFile : .timedOut(wait)
        }
        if answer == .unlocked { lockState.withLock { $0 = .unlocked } }
        return answer
    }

    /// The secret stored for `profile` of `file`, if any.
    public func secret(_ kind: KeyringItem.Kind, file: String, profile: String) -> String? {
        items.withLock { $0[Self.key(file, profile, kind)] }
    }

    private func record(_ call: String) throws(KeyringError) {
        calls.withLock { $0.append(call) }
        if let failure = failure.withLock({ $0 }) { throw failure }
    }

    private static func key(_ file: String, _ profile: String, _ kind: KeyringItem.Kind) -> String {
        "\(file)\u{0}\(profile)\u{0}\(kind.rawValue)"
    }
}
