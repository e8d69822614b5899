import LastFMWizard

/// What the terminal reports: keys, pasted text, focus changes.
enum TerminalEvent: Equatable {
    case key(Key)
    case paste(String)
    case focusIn
    case focusOut
    case resize
}
