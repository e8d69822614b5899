import Synchronization

/// The sessions the sandbox has issued, in order, and which were revoked. Thread-safe.
final class SessionRegistry: Sendable {
    /// What a session key is worth.
    enum Lookup: Equatable {
        case valid(user: String)
        case revoked
        case unknown
    }

    private let sessions = Mutex<[SandboxSession]>([])

    /// A new session key for `user`.
    func issue(for user: String) -> String {
        let session = SandboxSession(id: TokenRegistry.randomHex(), key: TokenRegistry.randomHex(), user: user, revoked: false)
        sessions.withLock { $0.append(session) }
        return session.key
    }

    func lookup(key: String) -> Lookup {
        guard let session = sessions.withLock({ $0.first { $0.key == key } }) else { return .unknown }
        return session.revoked ? .revoked : .valid(user: session.user)
    }

    /// Every session so far, oldest first.
    var all: [SandboxSession] { sessions.withLock { $0 } }

    /// Revokes the session `id`; false if there is none or it was already revoked.
    func revoke(id: String) -> Bool {
        sessions.withLock { sessions in
            guard let index = sessions.firstIndex(where: { $0.id == id && !$0.revoked }) else { return false }
            sessions[index].revoked = true
            return true
        }
    }

    /// The id of the session with `key`, if any.
    func id(ofKey key: String) -> String? {
        sessions.withLock { $0.first { $0.key == key }?.id }
    }
}
