/// Every exit status lastfm-auth ends with, named once: the fronts, the subcommands, `--help` and
/// the README all take them from here.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    /// The session is saved (or a saved one kept), and handed on where asked; leaving after the
    /// save, in any way, is this.
    case success = 0
    /// The flow could not be completed: refused, expired, a server that is not the API, a
    /// session that could not be saved (it is shown), or a hand-off that failed (it stays saved).
    case failed = 1
    /// Bad input from flags, the environment or files, or an answer that could not be asked for.
    case usage = 64
    /// The person left before a session was saved: Ctrl-C, q or Esc.
    case cancelled = 130

    /// The status of a run ended by terminating signal `number` before a session was saved:
    /// 128 + N (130 for Ctrl-C's SIGINT, 143 for SIGTERM, 129 for a hang-up).
    public static func signal(_ number: Int32) -> Int32 { 128 + number }

    /// What `--help` and the README list: each status and when it happens.
    public var meaning: String {
        switch self {
        case .success: "a session was saved or a working one kept (leaving after the save is a success too)"
        case .failed: "the flow could not be completed (the reason is said); a session that could not be saved or handed on is shown or kept"
        case .usage: "bad input: flags, environment, files, or an answer that could not be asked for"
        case .cancelled: "cancelled before a session was saved (Ctrl-C, q, Esc); another terminating signal N gives 128+N"
        }
    }
}
