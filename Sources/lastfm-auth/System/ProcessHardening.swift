import CCrashGuard

/// What this process does first, before it holds a secret: as OpenSSH's ssh-agent does, it makes
/// itself undumpable (no core file, and its memory, environment and descriptors under /proc
/// belong to root, so no other process of the same user, debugger or crash reporter can read
/// them) and sets its core size to zero where the system ignores the first.
enum ProcessHardening {
    /// Applies both; a failure leaves the process as it was (nothing here is worth not running for).
    static func apply() {
        process_harden()
    }

    /// Whether the process is undumpable now.
    static var isUndumpable: Bool {
        process_is_dumpable() == 0
    }
}
