/// The plain front's words on the process's standard error and output.
struct StandardStreams: PlainLineSink {
    func line(_ text: String) { Output.error(text) }
    func problem(_ sentence: String) { Output.problem(sentence) }
    func prompt(_ text: String) { Output.error(text, newline: false) }
    func standardOutput(_ text: String) -> Bool { Output.standard(text) }
}
