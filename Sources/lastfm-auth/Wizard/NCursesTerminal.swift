import CCrashGuard
import CNCurses
import LastFMAuth
import LastFMWizard
#if canImport(Glibc)
import Glibc
#endif

/// The real `Terminal`: draws `Screen`s and reads keys with ncursesw. The only file that imports
/// CNCurses. Use it from one thread only.
final class NCursesTerminal: Terminal {
    /// Key codes we teach ncurses for sequences it does not know (above KEY_MAX).
    private enum ExtraKey: Int32 {
        case pasteStart = 0x1F01, pasteEnd, focusIn, focusOut
    }

    private let useColor: Bool
    /// Where keys are read and the screen is drawn.
    let device: TerminalDevice
    /// Whether the terminal is known to make OSC 8 hyperlinks clickable.
    private let hyperlinks: Bool
    /// The soft-wrapped text last written raw, and where: written again only when it changes.
    private var softWrapWritten: (row: Int, text: String, width: Int)?
    private var active = false
    private var decoder = InputDecoder()

    /// Whether terminfo knows the terminal type `name` (asked without opening the screen).
    static func hasEntry(_ name: String) -> Bool {
        cn_has_terminfo(name) == 1
    }

    /// Takes over the terminal, drawn as `terminalType` (an entry `hasEntry` knows): raw-ish
    /// input, no echo, keypad, bracketed paste and focus reports on. Throws if ncurses cannot
    /// open it or refuses one of these modes (the terminal is then given back as it was).
    init(terminalType: String, device: TerminalDevice, useColor: Bool, hyperlinks: Bool) throws(TerminalError) {
        setlocale(LC_ALL, "")
        self.device = device
        self.useColor = useColor
        self.hyperlinks = hyperlinks
        setenv("ESCDELAY", "25", 0)  // Esc alone should feel instant
        // A crash from here on gives the terminal back as it is now (settings before newterm).
        crash_guard_arm(device.input, device.output)
        // newterm, not initscr: initscr prints "Error opening terminal" and exits the process.
        guard cn_open_screen(terminalType, device.input, device.output) != nil else {
            crash_guard_disarm()
            throw TerminalError(L("open as {terminalType}", ["terminalType": "\(terminalType)"]))
        }
        active = true
        let leave = [cn_keypad_local(), cn_attributes_off(), cn_cursor_normal(), cn_exit_ca_mode()].compactMap { $0.map { String(cString: $0) } }.joined()
            + ControlSequence.inputModesOff.text
        crash_guard_leave_with(leave, leave.utf8.count)
        let modes: [(String, () -> Int32)] = [
            (L("read keys one at a time (cbreak)"), { cbreak() }), (L("turn echo off"), { noecho() }), (L("keep Enter apart from newline (nonl)"), { nonl() }),
            (L("turn flushing on interrupt off"), { intrflush(cn_stdscr(), false) }), (L("read function keys (keypad)"), { keypad(cn_stdscr(), true) }),
            (L("read without waiting (nodelay)"), { nodelay(cn_stdscr(), true) }),
        ]
        for (action, call) in modes where call() == ERR {
            restore()
            throw TerminalError(action)
        }
        define_key("\u{1B}[200~", ExtraKey.pasteStart.rawValue)
        define_key("\u{1B}[201~", ExtraKey.pasteEnd.rawValue)
        define_key("\u{1B}[I", ExtraKey.focusIn.rawValue)
        define_key("\u{1B}[O", ExtraKey.focusOut.rawValue)
        if useColor, has_colors() {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_RED), -1)
            init_pair(2, Int16(COLOR_GREEN), -1)
            init_pair(3, Int16(COLOR_CYAN), -1)
            init_pair(4, Int16(COLOR_WHITE), Int16(COLOR_BLACK))
        }
        enableModes()
    }

    var size: TerminalSize {
        TerminalSize(width: Int(cn_cols()), height: Int(cn_lines()))
    }

    func refreshSize() {
        var size = winsize()
        if ioctl(device.output, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            resize_term(Int32(size.ws_row), Int32(size.ws_col))
        }
        // After a resize the old contents are not to be trusted.
        repaintAll()
    }

    /// Draws `screen`; ncurses sends only what changed since the last call.
    func draw(_ screen: Screen) throws(TerminalError) {
        werase(cn_stdscr())
        for (row, line) in screen.lines.enumerated() {
            wmove(cn_stdscr(), Int32(row), 0)
            for span in line.spans {
                wattrset(cn_stdscr(), Int32(truncatingIfNeeded: attributes(for: span.style)))
                var wide = span.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
                // ERR here is expected for a character in the bottom-right cell (the cursor cannot
                // move past it); the cell is drawn all the same.
                _ = waddnwstr(cn_stdscr(), &wide, Int32(wide.count - 1))
            }
        }
        wattrset(cn_stdscr(), 0)
        if let cursor = screen.cursor {
            curs_set(1)
            wmove(cn_stdscr(), Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        guard wrefresh(cn_stdscr()) != ERR else { throw TerminalError(L("refresh the screen")) }
        writeSoftWrapped(screen)
    }

    /// ncurses writes each row on its own, so a terminal sees the wrapped URL as separate lines and
    /// a mouse selection copies a line break into it. Writing the same characters again in one go,
    /// from column 0, lets the terminal wrap them itself (and mark the rows as one line). The cells
    /// end up as ncurses drew them, so its picture of the screen stays true; the cursor is put back
    /// where ncurses left it. With OSC 8 support the URL is also a link.
    private func writeSoftWrapped(_ screen: Screen) {
        guard let wrap = screen.softWrapped, !wrap.text.isEmpty else {
            softWrapWritten = nil
            return
        }
        if let written = softWrapWritten, written.row == wrap.row, written.text == wrap.text, written.width == screen.width { return }
        softWrapWritten = (wrap.row, wrap.text, screen.width)
        write(.wrappedText(wrap.text, row: wrap.row, link: hyperlinks,
                           underlineOn: cn_underline_on().map { String(cString: $0) } ?? "",
                           attributesOff: cn_attributes_off().map { String(cString: $0) } ?? "",
                           cursor: (Int(cn_cursor_row()), Int(cn_cursor_column()))))
    }

    func repaintAll() {
        clearok(cn_stdscr(), true)
        softWrapWritten = nil
    }

    /// Everything typed since the last call, without waiting.
    func readEvents() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var character: wint_t = 0
        while true {
            let kind = wget_wch(cn_stdscr(), &character)
            if kind == ERR { break }
            let code = Int32(bitPattern: character)
            if kind == KEY_CODE_YES {
                if let event = keyCode(code) { events.append(event) }
                continue
            }
            guard let scalar = Unicode.Scalar(UInt32(character)) else { continue }
            if let key = decoder.character(scalar) { events.append(.key(key)) }
        }
        return events
    }

    /// Writes the sequence's bytes after what ncurses has buffered.
    func write(_ sequence: ControlSequence) {
        fflush(nil)  // ncurses writes through stdio: flush it first, so the order is kept
        Descriptor.writeAll(device.output, Array(sequence.text.utf8))
    }

    /// Gives the terminal back as it was: modes off, cursor visible, ncurses ended. Safe to call twice.
    func restore() {
        guard active else { return }
        active = false
        disableModes()
        curs_set(1)
        endwin()
        // Without an alternate screen (the Linux console) the last frame stays and endwin leaves the
        // cursor on its bottom line: the last words go on a line of their own, not over the key help.
        if cn_exit_ca_mode() == nil { Descriptor.writeAll(device.output, Array("\r\n".utf8)) }
        crash_guard_disarm()
    }

    /// Leaves the screen for a suspend (Ctrl-Z); `resume()` takes it back.
    func suspend() {
        // In a job of several processes the shell may already have taken the terminal back
        // (another process stopped first): writing to it must not stop us before it is restored.
        signal(SIGTTOU, SIG_IGN)
        disableModes()
        endwin()
    }

    func resume() {
        signal(SIGTTOU, SIG_DFL)
        refresh()
        enableModes()
        repaintAll()
    }

    private func enableModes() { write(.inputModesOn) }
    private func disableModes() { write(.inputModesOff) }

    private func keyCode(_ code: Int32) -> TerminalEvent? {
        switch code {
        case ExtraKey.pasteStart.rawValue:
            decoder.pasteStarted()
            return nil
        case ExtraKey.pasteEnd.rawValue:
            return decoder.pasteEnded().map { .paste($0) }
        case ExtraKey.focusIn.rawValue: return .focusIn
        case ExtraKey.focusOut.rawValue: return .focusOut
        case KEY_RESIZE: return .resize
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case cn_key_f(1)...cn_key_f(12): return .key(.function(Int(code - cn_key_f(0))))
        default: return nil
        }
    }

    private func attributes(for style: Style) -> attr_t {
        let color: (Int16) -> attr_t = { pair in self.useColor && has_colors() ? cn_color_pair(pair) : 0 }
        return switch style {
        case .normal: cn_normal()
        case .title: cn_reverse() | cn_bold()
        case .heading: cn_bold()
        case .dim: cn_dim()
        case .field: cn_underline()
        case .selected: cn_bold() | color(3)
        case .error: cn_bold() | color(1)
        case .success: cn_bold() | color(2)
        case .key: cn_bold()
        case .qr: color(4)
        }
    }
}
