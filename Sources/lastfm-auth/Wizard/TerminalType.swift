/// Which terminfo entry to draw with. Over SSH, modern terminals send names the host often has
/// no entry for (`xterm-kitty`, `alacritty`, `wezterm`, ...), and ncurses then exits with "Error
/// opening terminal". They all speak xterm's language, so the nearest common entry is used instead.
enum TerminalType {
    /// The entries to try for `term`, best first: itself, then its nearest common relatives.
    static func candidates(for term: String) -> [String] {
        let name = term.lowercased()
        let xtermLike = ["xterm", "kitty", "alacritty", "ghostty", "wezterm", "foot", "rio", "contour", "konsole", "gnome",
                         "vte", "iterm", "st-", "mintty", "terminator", "tilix", "putty"]
        let relatives: [String]
        if name.hasPrefix("screen") || name.hasPrefix("tmux") {
            relatives = ["tmux-256color", "screen-256color", "screen"]
        } else if name.hasPrefix("rxvt") {
            relatives = ["rxvt-unicode-256color", "rxvt", "xterm-256color", "xterm"]
        } else if name.hasPrefix("linux") {
            relatives = ["linux"]
        } else if name.hasPrefix("vt") {
            relatives = ["vt220", "vt100"]
        } else if xtermLike.contains(where: name.hasPrefix) || name.contains("256color") || name.contains("truecolor") {
            relatives = ["xterm-256color", "xterm"]
        } else {
            relatives = []
        }
        return [term] + relatives.filter { $0 != term }
    }

    /// The first of `candidates(for: term)` that `hasEntry` knows, or nil: then only the plain front can run.
    static func choose(term: String, hasEntry: (String) -> Bool) -> String? {
        candidates(for: term).first(where: hasEntry)
    }
}
