import Synchronization

/// The sandbox's tokens and what has become of them. Thread-safe; time is passed in.
final class TokenRegistry: Sendable {
    enum Status: Equatable, Sendable {
        case pending
        case approved(user: String)
        case denied
        case spent
    }

    struct Record: Equatable, Sendable {
        var issuedAt: ContinuousClock.Instant
        var status: Status
    }

    /// What `exchange` found.
    enum Exchange: Equatable {
        /// Approved by `user`, and now spent: the caller issues the session.
        case granted(user: String)
        case notAuthorized
        case expired
        case denied
        case unknown
    }

    private let records = Mutex<[String: Record]>([:])
    private let configuration: SandboxConfiguration

    init(configuration: SandboxConfiguration) {
        self.configuration = configuration
    }

    /// How many tokens are kept at most: past it, spent and expired ones are freed, then the
    /// oldest (a client that asks for tokens in a loop grew the sandbox by 25 MB in 20 s).
    static let capacity = 4096

    /// A new pending token.
    func issue(at now: ContinuousClock.Instant) -> String {
        let token = Self.randomHex()
        records.withLock { records in
            if records.count >= Self.capacity { free(&records, at: now) }
            records[token] = Record(issuedAt: now, status: .pending)
        }
        return token
    }

    /// How many tokens are kept now.
    var count: Int { records.withLock { $0.count } }

    /// Frees spent and expired tokens (a later exchange of one answers "unknown", which real
    /// servers also do for a used token), then the oldest until a quarter of the room is free.
    private func free(_ records: inout [String: Record], at now: ContinuousClock.Instant) {
        records = records.filter { _, record in record.status != .spent && record.issuedAt.duration(to: now) < configuration.tokenTTL }
        guard records.count >= Self.capacity * 3 / 4 else { return }
        let oldest = records.sorted { $0.value.issuedAt < $1.value.issuedAt }.prefix(records.count - Self.capacity * 3 / 4).map(\.key)
        oldest.forEach { records[$0] = nil }
    }

    /// The token's record, with `approveAfter` and expiry applied as of `now`.
    func record(_ token: String, at now: ContinuousClock.Instant) -> Record? {
        records.withLock { records in
            guard var record = records[token] else { return nil }
            if record.status == .pending, let after = configuration.approveAfter, record.issuedAt.duration(to: now) >= after {
                record.status = .approved(user: configuration.defaultUser)
                records[token] = record
            }
            return record
        }
    }

    /// Whether `token` exists and has not expired at `now`.
    func isLive(_ token: String, at now: ContinuousClock.Instant) -> Bool {
        guard let record = record(token, at: now) else { return false }
        return record.issuedAt.duration(to: now) < configuration.tokenTTL
    }

    /// Approves (`user` non-nil) or denies a live pending token; false if it is not pending.
    func decide(_ token: String, user: String?, at now: ContinuousClock.Instant) -> Bool {
        guard isLive(token, at: now) else { return false }
        return records.withLock { records in
            guard records[token]?.status == .pending else { return false }
            records[token]?.status = user.map { .approved(user: $0) } ?? .denied
            return true
        }
    }

    /// Marks an approved token spent, once.
    func exchange(_ token: String, at now: ContinuousClock.Instant) -> Exchange {
        guard let record = record(token, at: now) else { return .unknown }
        if record.issuedAt.duration(to: now) >= configuration.tokenTTL { return .expired }
        switch record.status {
        case .pending: return .notAuthorized
        case .denied: return .denied
        case .spent: return .expired
        case .approved(let user):
            let spent = records.withLock { records in
                guard records[token]?.status == .approved(user: user) else { return false }
                records[token]?.status = .spent
                return true
            }
            return spent ? .granted(user: user) : .expired
        }
    }

    static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
