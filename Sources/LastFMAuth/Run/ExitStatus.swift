/// Every exit status lastfm-auth ends with, named once: the fronts, the subcommands, `--help` and
/// the README all take them from here.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    /// The session is saved (or a saved one kept), and handed on where asked; leaving after the
    /// save, in any way, is this.
    case success = 0
    /// The flow could not be completed: refused, expired, a server that is not the API, a
    /// session that could not be saved (it is shown), or a hand-off that failed (it stays saved).
    case failed = 1
    /// `status`: a session checked was refused by its server (revoked, or its API key or shared
    /// secret refused).
    case sessionRefused = 2
    /// `status`: a session could not be checked (no answer, a network or server error); none was refused.
    case notChecked = 3
    /// Bad input from flags, the environment or files, or an answer that could not be asked for.
    case usage = 64
    /// The person left before a session was saved: Ctrl-C, q or Esc.
    case cancelled = 130

    /// The status of a run ended by terminating signal `number` before a session was saved:
    /// 128 + N (130 for Ctrl-C's SIGINT, 143 for SIGTERM, 129 for a hang-up).
    public static func signal(_ number: Int32) -> Int32 { 128 + number }

    /// What `--help` lists for each status (its EXIT STATUS section is made from these).
    public var meaning: String {
        switch self {
        case .success:
            L("Authorized and saved, or a saved session kept (and, with --for, handed to the app). Leaving after the save, in any way (Enter, q, Ctrl-C, a signal, a hang-up), is this too.")
        case .failed:
            L("Failed; the reason is on standard error, with a session key that could not be saved, so that it is not lost. With --for, also: the app's settings could not be read or written (the session stays saved in the profile). For status: a profile cannot be used (no session key, incomplete, its keyring cannot give its secrets).")
        case .sessionRefused:
            L("status: a saved session was refused by its server: revoked, or its API key or shared secret refused.")
        case .notChecked:
            L("status: a saved session could not be checked (the server did not answer, or not as the API does); none was refused.")
        case .usage:
            L("Usage error: a bad flag, file or profile, a server the --for app does not talk to, or a key or secret that could not be asked for (no input left).")
        case .cancelled:
            L("Cancelled before a session was saved: Ctrl-C, or q or Esc in the wizard.")
        }
    }

    /// What `--help` lists for the statuses of other terminating signals.
    public static var signalMeaning: String { L("Ended by SIGHUP (129) or SIGTERM (143) before a session was saved (128+N for signal N); the terminal is restored.") }
}
