/// Whether the terminal is known to make OSC 8 hyperlinks clickable. Only terminals that say who
/// they are qualify: others may print the sequence's bytes. Inside tmux or screen the outer
/// terminal is unknown, so no.
enum HyperlinkSupport {
    static func isKnown(in environment: [String: String]) -> Bool {
        let term = environment["TERM"] ?? ""
        if environment["TMUX"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux") { return false }
        if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }  // GNOME Terminal, Tilix, ...
        if ["iTerm.app", "WezTerm", "vscode", "ghostty"].contains(environment["TERM_PROGRAM"] ?? "") { return true }
        if environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil { return true }
        return ["xterm-kitty", "xterm-ghostty", "wezterm", "foot", "contour"].contains { term.hasPrefix($0) }
    }
}
