/// What a terminal reports: keys, pasted text, focus changes and a new size.
public enum TerminalEvent: Equatable, Sendable {
    /// A key press.
    case key(Key)
    /// Text pasted with bracketed paste (the markers already removed).
    case paste(String)
    /// The terminal got focus back (CSI I).
    case focusIn
    /// The terminal lost focus (CSI O).
    case focusOut
    /// The window changed size (ncurses' KEY_RESIZE).
    case resize
}
