/// Where the plain front reads: the answers to its prompts, then each Enter while it waits.
/// `StandardInput` in the program; a test types lines itself.
protocol PlainInputSource: Sendable {
    /// Whether a person types there (a terminal): then trouble is retried for as long as it lasts,
    /// a wrong answer is asked again, and Enter checks at once.
    var isTerminal: Bool { get }
    /// One line, without echo when `hidden` on a terminal; nil at the end of input.
    func readLine(hidden: Bool) -> String?
    /// From now on, calls `entered` for each line read (one reader for the run).
    func onEachLine(_ entered: @escaping @Sendable () -> Void)
}
