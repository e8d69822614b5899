/// Where the plain front's words go: standard error (lines, prompts, problems) and standard
/// output (only `--print`). `StandardStreams` in the program; a test keeps the lines.
protocol PlainLineSink: Sendable {
    /// A whole line on standard error.
    func line(_ text: String)
    /// A problem line on standard error after the tool's name (`Output.problem`).
    func problem(_ sentence: String)
    /// A prompt, left open for the answer.
    func prompt(_ text: String)
    /// Text on standard output; false if it could not be written (a closed pipe, a full disk).
    func standardOutput(_ text: String) -> Bool
}
