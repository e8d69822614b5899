#if canImport(Glibc)
import Glibc
#endif

/// Where the wizard reads keys and draws: standard input and output, or, when standard output is
/// captured (`eval "$(lastfm-auth --print env)"`, `key=$(...)`), the controlling terminal, as fzf,
/// dialog and git's prompts do. Standard output then carries only the `--print` result.
struct TerminalDevice: Equatable {
    /// Where keys are read.
    let input: Int32
    /// Where the screen is drawn.
    let output: Int32
    /// Whether this is `/dev/tty` rather than standard input and output.
    let isControllingTerminal: Bool

    /// Standard input and output.
    static let standard = TerminalDevice(input: STDIN_FILENO, output: STDOUT_FILENO, isControllingTerminal: false)

    /// The device the wizard can run on, or nil for the plain front. Both ends a terminal: standard
    /// input and output. Input a terminal and output captured: the controlling terminal, if this
    /// process has one (not under cron, CI or `setsid`). Input not a terminal: a script feeds us,
    /// so the plain front (standard input may carry the secret).
    static func choose(isTerminal: (Int32) -> Bool = { isatty($0) == 1 },
                       openControlling: () -> Int32? = openControllingTerminal) -> TerminalDevice? {
        guard isTerminal(STDIN_FILENO) else { return nil }
        if isTerminal(STDOUT_FILENO) { return .standard }
        guard let fd = openControlling() else { return nil }
        return TerminalDevice(input: fd, output: fd, isControllingTerminal: true)
    }

    /// Opens `/dev/tty` for reading and writing; nil when there is no controlling terminal (ENXIO).
    static func openControllingTerminal() -> Int32? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        guard isatty(fd) == 1 else {
            close(fd)
            return nil
        }
        return fd
    }
}
