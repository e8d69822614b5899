import LastFMAuth
/// The wizard's one seam to a terminal: what `WizardLoop` needs from one, and nothing more.
/// `NCursesTerminal` is the real one; tests drive the loop over a scripted one. Used from the
/// loop's thread only.
public protocol Terminal: AnyObject {
    /// Columns and rows of the window, as of the last `refreshSize()`.
    var size: TerminalSize { get }
    /// Shows `screen`; throws when the terminal refuses to draw (the loop then ends).
    func draw(_ screen: Screen) throws(TerminalError)
    /// Everything typed since the last call, without waiting.
    func readEvents() -> [TerminalEvent]
    /// Reads the window's size again (after SIGWINCH) and repaints everything on the next draw.
    func refreshSize()
    /// Makes the next draw repaint every cell (Ctrl-L, or another program wrote over the screen).
    func repaintAll()
    /// Gives the screen to the shell for a Ctrl-Z; `resume()` takes it back.
    func suspend()
    /// Takes the screen back after `suspend()` (fg).
    func resume()
    /// Writes a control sequence after what was drawn (OSC 52, OSC 8).
    func write(_ sequence: ControlSequence)
    /// Gives the terminal back as it was. Safe to call twice.
    func restore()
}

/// A terminal's size in columns and rows.
public struct TerminalSize: Equatable, Sendable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// A size of `width` columns by `height` rows.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// A terminal call that failed (ncurses answered ERR).
public struct TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being done, such as "refresh the screen".
    public var action: String

    /// The terminal could not do `action` ("refresh the screen").
    public init(_ action: String) { self.action = action }

    /// What failed, in a sentence without a capital.
    public var description: String { L("the terminal could not {action}", ["action": "\(action)"]) }

    /// What the program says on its way out: the problem, and the front that needs no screen.
    public var exitMessage: String { L("lastfm-auth: {value}; run with --plain", ["value": "\(self)"]) }
}
