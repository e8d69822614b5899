#if canImport(Glibc)
import Glibc
#endif
import LastFMWizard

/// The plain front's words on the process's standard error and output, each line wrapped at
/// words to the terminal's width (`COLUMNS`, else the terminal's, else 80): a long
/// line broke mid-word on an 80-column terminal ("127.|0.0.1"), the longer the language the more.
struct StandardStreams: PlainLineSink {
    func line(_ text: String) { Output.error(text) }
    func problem(_ sentence: String) { Output.problem(sentence) }
    func prompt(_ text: String) { Output.error(text, newline: false) }
    func standardOutput(_ text: String) -> Bool { Output.standard(text) }

    /// The width to wrap at: `COLUMNS` when it is set (as ls and git take it), else standard
    /// error's columns, else 80 (not a terminal: a file, a pipe, a screen reader's log).
    static func width() -> Int {
        if let text = getenv("COLUMNS").map({ String(cString: $0) }), let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        guard isatty(STDERR_FILENO) == 1, ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
