import Dispatch

/// The process's standard input, through `TerminalInput` (echo off for a secret, always restored).
/// Once `onEachLine` has started its reader, questions take their answers from it.
final class StandardInput: PlainInputSource {
    private let lines = LineHandOff()

    var isTerminal: Bool { TerminalInput.stdinIsTerminal }

    func readLine(hidden: Bool) -> String? {
        guard lines.isReading else { return TerminalInput.readLine(hidden: hidden) }
        return TerminalInput.readLine(hidden: hidden) { [lines] in lines.next() }
    }

    func onEachLine(_ entered: @escaping @Sendable () -> Void) {
        lines.startReading()
        // A blocking read: on a thread of its own, never one of Swift's cooperative ones.
        DispatchQueue.global().async { [lines] in
            while let line = Swift.readLine() {
                if !lines.give(line) { entered() }
            }
            lines.end()
        }
    }
}
