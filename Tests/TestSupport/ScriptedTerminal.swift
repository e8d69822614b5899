import LastFMWizard

/// A `Terminal` in memory, for running `WizardLoop` without a real one: it keeps every screen
/// drawn, hands out the input a test queued, records control sequences and what was asked of it.
public final class ScriptedTerminal: Terminal {
    /// What the loop asked of the terminal besides drawing and reading.
    public enum Call: Equatable, Sendable {
        case refreshSize, repaintAll, suspend, resume, restore
    }

    public var size: TerminalSize
    /// Every screen drawn, oldest first.
    public private(set) var screens: [Screen] = []
    /// Input the next `readEvents()` returns.
    public var pendingInput: [TerminalEvent] = []
    /// Control sequences written, oldest first.
    public private(set) var written: [ControlSequence] = []
    public private(set) var calls: [Call] = []
    /// When set, `draw` fails as ncurses' ERR would.
    public var refusesToDraw = false

    /// A terminal of `width` x `height`.
    public init(width: Int = 80, height: Int = 24) {
        size = TerminalSize(width: width, height: height)
    }

    /// The text of the last screen drawn.
    public var text: String { screens.last?.text ?? "" }

    /// Whether `restore()` was the last thing asked of it.
    public var isRestored: Bool { calls.last == .restore }

    public func draw(_ screen: Screen) throws(TerminalError) {
        if refusesToDraw { throw TerminalError("refresh the screen") }
        screens.append(screen)
    }

    public func readEvents() -> [TerminalEvent] {
        defer { pendingInput = [] }
        return pendingInput
    }

    public func refreshSize() { calls.append(.refreshSize) }
    public func repaintAll() { calls.append(.repaintAll) }
    public func suspend() { calls.append(.suspend) }
    public func resume() { calls.append(.resume) }
    public func write(_ sequence: ControlSequence) { written.append(sequence) }
    public func restore() { calls.append(.restore) }
}
