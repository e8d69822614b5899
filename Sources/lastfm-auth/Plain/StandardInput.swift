import Dispatch

/// The process's standard input, through `TerminalInput` (echo off for a secret, always restored).
struct StandardInput: PlainInputSource {
    var isTerminal: Bool { TerminalInput.stdinIsTerminal }

    func readLine(hidden: Bool) -> String? {
        TerminalInput.readLine(hidden: hidden)
    }

    func onEachLine(_ entered: @escaping @Sendable () -> Void) {
        // A blocking read: on a thread of its own, never one of Swift's cooperative ones.
        DispatchQueue.global().async {
            while Swift.readLine() != nil { entered() }
        }
    }
}
