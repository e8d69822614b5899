/// What a terminal reports: keys, pasted text, focus changes and a new size.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    /// Text pasted with bracketed paste (the markers already removed).
    case paste(String)
    case focusIn
    case focusOut
    /// The window changed size (ncurses' KEY_RESIZE).
    case resize
}
