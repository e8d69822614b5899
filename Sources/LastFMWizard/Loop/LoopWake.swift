/// Why the loop's wait returned: input on the terminal, something in the inbox, or neither (the
/// timeout passed).
public struct LoopWake: Equatable, Sendable {
    public var input: Bool
    public var inbox: Bool

    public init(input: Bool, inbox: Bool) {
        self.input = input
        self.inbox = inbox
    }

    /// The timeout passed with nothing to read.
    public static let timeout = LoopWake(input: false, inbox: false)
}
