/// What leaving (a key that quits, Ctrl-C, a terminating signal, a hang-up) means at a `RunPhase`,
/// decided by `RunRules.leaving` for both fronts.
public enum LeaveMove: Equatable, Sendable {
    /// Before a session: the run ends with this status and sentence.
    case cancel(status: Int32, message: String)
    /// While the session is being saved: the run ends as `finish` once it is on disk.
    case finishAfterSave
    /// After the save: the run's last steps (the keyring's window withdrawn, `--print`, the
    /// hand-off) run as they would on Enter, and the status is the save's.
    case finish
}
