import ArgumentParser
import LastFMAuth
#if canImport(Glibc)
import Glibc
#endif

/// `lastfm-auth sandbox`: runs the built-in sandbox server, the program lastfm-auth-sandbox, in
/// this process's place (same pid, same arguments), so scripts that start and kill it keep working.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a Last.fm-compatible test server on 127.0.0.1.",
        discussion: """
            Runs lastfm-auth-sandbox with the arguments given: lastfm-auth sandbox --help lists them \
            (--port, --api-key, --api-secret-file, --token-ttl, --approve-after, --quiet). When it is \
            ready it prints one line on standard output: sandbox listening on http://127.0.0.1:PORT/2.0/
            """
    )

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Arguments for lastfm-auth-sandbox.", valueName: "argument"))
    var arguments: [String] = []

    func run() throws {
        guard let program = SandboxProcess.program() else {
            Output.problem(SandboxProcess.notFound)
            throw ExitCode(1)
        }
        // Named as typed, so that its --help and errors say `lastfm-auth sandbox` (SandboxProgram).
        var argv = ([SandboxProcess.invokedAs] + arguments).map { strdup($0) } + [nil]
        execv(program, &argv)
        Output.problem(L("could not run {program}: {String}", ["program": "\(program)", "String": "\(String(cString: strerror(errno)))"]))
        throw ExitCode(1)
    }
}
