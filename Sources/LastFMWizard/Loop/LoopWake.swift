/// Why the loop's wait returned: input on the terminal, something in the inbox, or neither (the
/// timeout passed).
public struct LoopWake: Equatable, Sendable {
    /// The terminal has input to read.
    public var input: Bool
    /// The inbox has items (or the wait was interrupted: look anyway).
    public var inbox: Bool

    /// What woke the loop.
    public init(input: Bool, inbox: Bool) {
        self.input = input
        self.inbox = inbox
    }

    /// The timeout passed with nothing to read.
    public static let timeout = LoopWake(input: false, inbox: false)
}
