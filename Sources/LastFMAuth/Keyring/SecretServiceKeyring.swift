import CSecret
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The desktop keyring through the Secret Service's client library, libsecret, opened at the first
/// call. It never hangs and never starts anything: with no session bus every call fails at once
/// (no `dbus-launch`); otherwise every call has a deadline, and after one call without an answer
/// the next ones fail at once with the same reason.
public final class SecretServiceKeyring: Keyring {
    /// How long one call may take: enough for D-Bus to start the keyring daemon, short enough that
    /// nobody waits on a keyring that never answers.
    public static let defaultDeadline = Duration.seconds(3)

    private let hasSessionBus: Bool
    private let deadline: Duration
    /// A failure the next call would only repeat (no answer, no libsecret): later calls throw it at once.
    private let lasting = Mutex<KeyringError?>(nil)

    /// The keyring of the session `environment` belongs to (its DBUS_SESSION_BUS_ADDRESS).
    public init(environment: [String: String], deadline: Duration = defaultDeadline) {
        hasSessionBus = !(environment["DBUS_SESSION_BUS_ADDRESS"] ?? "").isEmpty
        self.deadline = deadline
    }

    public func store(_ secret: String, as item: KeyringItem) throws(KeyringError) {
        try call { library, message in
            csecret_store(library, item.label, secret, item.file, item.profile, item.kind.rawValue, item.service, item.apiRoot, message, Self.messageSize)
        }
    }

    public func lookup(_ item: KeyringItem) throws(KeyringError) -> String? {
        let found = Mutex<String?>(nil)
        try call { library, message in
            var copy: UnsafeMutablePointer<CChar>?
            let outcome = csecret_lookup(library, item.file, item.profile, item.kind.rawValue, &copy, message, Self.messageSize)
            if let copy {
                found.withLock { $0 = String(cString: copy) }
                // The copy held a secret: wipe it before it goes back to malloc.
                memset(copy, 0, strlen(copy))
                free(copy)
            }
            return outcome
        }
        return found.withLock { $0 }
    }

    public func removeAll(file: String, profile: String) throws(KeyringError) {
        try call { library, message in csecret_clear(library, file, profile, message, Self.messageSize) }
    }

    public func state() throws(KeyringError) -> KeyringState {
        let state = Mutex<KeyringState>(.unlocked)
        try call { library, message in
            switch csecret_default_state(library, message, Self.messageSize) {
            case 0: return 0
            case 1: state.withLock { $0 = .locked }; return 0
            case 2: state.withLock { $0 = .missing }; return 0
            default: return 1
            }
        }
        return state.withLock { $0 }
    }

    /// Runs libsecret's unlock (or create) on a thread of its own, which the prompt blocks. The
    /// wait's end or `cancel` withdraws the prompt (GCancellable) and answers at once: libsecret
    /// 0.20 does not always return from a cancelled prompt, so that thread may be left behind.
    public func unlock(within wait: Duration, cancel: UnlockCancel) async -> KeyringUnlock.Outcome {
        guard hasSessionBus else { return .failed(KeyringError.noSessionBus.description) }
        guard case .success(let library) = Self.library else { return .failed(L("libsecret is not installed")) }
        let cancellable = UncheckedPointer(csecret_cancellable_new(withUnsafePointer(to: library) { $0 }))
        let answer = PromptAnswer()
        let finish: @Sendable (KeyringUnlock.Outcome) -> Void = { answer.give($0) }
        let withdraw: @Sendable (KeyringUnlock.Outcome) -> Void = { outcome in
            withUnsafePointer(to: library) { csecret_cancel($0, cancellable.pointer) }
            answer.give(outcome)
        }
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<KeyringUnlock.Outcome, Never>) in
            answer.wait(with: continuation)
            let timer = Task {
                try? await Task.sleep(for: wait)
                if !Task.isCancelled { withdraw(.timedOut(wait)) }
            }
            cancel.onFire { withdraw(.keptInFile) }
            DispatchQueue.global().async {
                var message = [CChar](repeating: 0, count: Self.messageSize)
                let outcome = withUnsafePointer(to: library) { csecret_unlock_default($0, cancellable.pointer, &message, Self.messageSize) }
                timer.cancel()
                switch outcome {
                case 0: finish(.unlocked)
                case 3: finish(.dismissed)
                case 4: finish(.keptInFile)
                default: finish(.failed(String(cBuffer: message)))
                }
                // Only the thread that used it may free it; a thread left behind keeps it.
                withUnsafePointer(to: library) { csecret_cancellable_free($0, cancellable.pointer) }
            }
        }
        cancel.onFire {}
        return outcome
    }

    private static let messageSize = 512

    /// libsecret's functions, loaded once per process at the first call that needs them.
    private static let library: Result<csecret_api, KeyringError> = {
        var api = csecret_api()
        var error = [CChar](repeating: 0, count: messageSize)
        guard csecret_load(&api, &error, messageSize) == 1 else { return .failure(.notInstalled(String(cBuffer: error))) }
        return .success(api)
    }()

    /// Runs `body` on a thread of its own and waits for it up to the deadline; `body` returns the
    /// shim's outcome (0 done, 1 failed, 2 locked) with the reason in `message`.
    private func call(_ body: @escaping @Sendable (UnsafePointer<csecret_api>, UnsafeMutablePointer<CChar>) -> Int32) throws(KeyringError) {
        if let failure = lasting.withLock({ $0 }) { throw failure }
        guard hasSessionBus else { throw .noSessionBus }
        let library: csecret_api
        switch Self.library {
        case .success(let loaded): library = loaded
        case .failure(let failure):
            lasting.withLock { $0 = failure }
            throw failure
        }
        let result = Mutex<KeyringError??>(nil)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var message = [CChar](repeating: 0, count: Self.messageSize)
            let outcome = withUnsafePointer(to: library) { api in body(api, &message) }
            let reason = String(cBuffer: message)
            result.withLock { $0 = .some(outcome == 0 ? nil : outcome == 2 ? .locked(reason) : .refused(reason)) }
            finished.signal()
        }
        // The thread that does not answer is left behind: it ends with the process.
        guard finished.wait(timeout: .now() + .milliseconds(Int(deadline.wholeMilliseconds))) == .success else {
            lasting.withLock { $0 = .timedOut(deadline) }
            throw .timedOut(deadline)
        }
        if let failure = result.withLock({ $0 }) ?? nil { throw failure }
    }
}

/// The first answer to a prompt (the person, the wait's end, or a withdrawal) resumes its waiter.
private final class PromptAnswer: Sendable {
    private let waiter = Mutex<CheckedContinuation<KeyringUnlock.Outcome, Never>?>(nil)

    func wait(with continuation: CheckedContinuation<KeyringUnlock.Outcome, Never>) {
        waiter.withLock { $0 = continuation }
    }

    func give(_ outcome: KeyringUnlock.Outcome) {
        let waiting = waiter.withLock { slot -> CheckedContinuation<KeyringUnlock.Outcome, Never>? in
            defer { slot = nil }
            return slot
        }
        waiting?.resume(returning: outcome)
    }
}

/// GLib's cancellable, shared between the prompt's thread and whoever withdraws it (GCancellable is thread-safe).
private struct UncheckedPointer: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer?
    init(_ pointer: UnsafeMutableRawPointer?) { self.pointer = pointer }
}

// Function pointers into the loaded library, filled once and never changed: safe to share.
extension csecret_api: @retroactive @unchecked Sendable {}
