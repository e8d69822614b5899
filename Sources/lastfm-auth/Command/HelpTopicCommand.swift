import ArgumentParser
import LastFMAuth
import LastFMWizard

/// `lastfm-auth help [TOPIC|COMMAND]`: the longer explanations `--help` leaves out, so that it fits
/// a screen. Alone it prints the whole manual (what the man page says, readable from a checkout
/// with `swift run lastfm-auth help`); with a command's name, that command's help, as
/// swift-argument-parser's own `help` does.
struct HelpTopicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "Show the manual, a topic of it, or a command's help.",
        discussion: "Topics: \(RootHelp.Topic.allCases.map(\.rawValue).joined(separator: ", ")). Exit status: 0 shown, 64 no such topic or command."
    )

    @Argument(help: ArgumentHelp("A topic or a command (default: the whole manual).", valueName: "topic"))
    var topic: String?

    /// The commands `help NAME` shows the help of: name, abstract, help.
    static var commands: [(name: String, abstract: String, help: String)] {
        func entry<C: ParsableCommand>(_ command: C.Type) -> (name: String, abstract: String, help: String) {
            (C.configuration.commandName ?? "", C.configuration.abstract, LastFMAuthCommand.helpMessage(for: C.self))
        }
        return [entry(LoginCommand.self), entry(StatusCommand.self), entry(TokenCommand.self), entry(SwitchCommand.self),
                entry(LogoutCommand.self), entry(MoveCommand.self), entry(AppsCommand.self), entry(SandboxCommand.self)]
    }

    func run() throws {
        let text: String
        if let topic {
            if let known = RootHelp.Topic(rawValue: topic) {
                text = Self.wrapped(known.text)
            } else if let command = Self.commands.first(where: { $0.name == topic }) {
                text = command.help
            } else {
                Output.problem("no help topic or command \"\(Sanitizer.clean(topic))\"; the topics: \(RootHelp.Topic.allCases.map(\.rawValue).joined(separator: ", ")); the commands: \(Self.commands.map(\.name).joined(separator: ", "))")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
        } else {
            text = Self.wrapped(Self.manual)
        }
        guard Output.standard(text.hasSuffix("\n") ? text : text + "\n") else { throw ExitCode(ExitStatus.failed.rawValue) }
    }

    /// `text` with its long lines (the paragraphs) wrapped at 80 columns, as `--help` wraps; the
    /// sections' lines, laid out already, as they are.
    static func wrapped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
            line.count > 80 ? TextWidth.wrap(String(line), width: 80) : [String(line)]
        }.joined(separator: "\n")
    }

    /// The whole manual: the usage, every topic, the commands, and where each command's options are.
    static var manual: String {
        let commandList = commands.map { "  " + $0.name + String(repeating: " ", count: max(1, 10 - $0.name.count)) + $0.abstract }
        return """
            lastfm-auth - \(LastFMAuthCommand.configuration.abstract)

            USAGE: lastfm-auth [login] [<options>]
                   lastfm-auth <command> [<options>]

            \(RootHelp.manual)

            COMMANDS
            \(commandList.joined(separator: "\n"))

            Every option: lastfm-auth login --help, lastfm-auth COMMAND --help.
            """
    }
}
