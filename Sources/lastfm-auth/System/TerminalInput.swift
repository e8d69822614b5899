import CCrashGuard
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Reading from the user's terminal: lines, and secrets without echo (echo always comes back,
/// also when a signal ends the program mid-prompt, or a crash: `crash_guard_arm`).
enum TerminalInput {
    private static let savedMode = Mutex<termios?>(nil)

    /// Whether standard input is a terminal.
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Reads one line from standard input (or with `read`, from the one reader of it), without echo
    /// when `hidden` on a terminal; nil at end of input.
    static func readLine(hidden: Bool = false, with read: () -> String? = { Swift.readLine(strippingNewline: true) }) -> String? {
        guard hidden, stdinIsTerminal else { return read() }
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return read() }
        savedMode.withLock { $0 = mode }
        crash_guard_arm(STDIN_FILENO, STDERR_FILENO)
        var quiet = mode
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ECHONL)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer { restore() }
        return read()
    }

    /// Puts the terminal back as it was before a hidden prompt, if one is in progress.
    static func restore() {
        guard var mode = savedMode.withLock({ saved in defer { saved = nil }; return saved }) else { return }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &mode)
        crash_guard_disarm()
    }
}
