import ArgumentParser
import LastFMAuth
import LastFMSandbox
#if canImport(Glibc)
import Glibc
#endif

extension SandboxProgram {
    func run() async throws {
        var secret = SandboxAccount.apiSecret
        if let apiSecretFile {
            do { secret = try SecretFile.read(apiSecretFile) } catch { throw failure(error.description, status: 64) }
        }
        let configuration = SandboxConfiguration(
            apiKey: apiKey.lowercased(), apiSecret: secret, tokenTTL: .seconds(tokenTTL),
            approveAfter: approveAfter.map { .seconds($0) }, port: port, flavor: gnufm ? .gnufm : .lastfm
        )
        let socket: LoopbackSocket
        do {
            if let socketFD { socket = try LoopbackSocket(inherited: socketFD) } else { socket = try LoopbackSocket(port: port) }
        } catch {
            throw failure("could not listen: \(error)", status: 1)
        }
        var logLine: (@Sendable (String) -> Void)?
        if !quiet {
            logLine = { line in Self.say("sandbox: " + line) }
        }
        let server = SandboxServer(configuration, socket: socket, logLine: logLine)
        let stops = StopRequests.stream(endOfInput: stopAtEndOfInput)
        do {
            try await server.startServing()
        } catch {
            throw failure("could not serve on 127.0.0.1:\(socket.port): \(error)", status: 1)
        }
        Self.write(STDOUT_FILENO, "sandbox listening on \(server.apiRoot)\n")
        if !quiet {
            Self.say("sandbox: authorize page \(server.authPage); sessions \(server.applicationsPage); API key \(configuration.apiKey); Ctrl-C stops it")
        }
        for await _ in stops { break }
        await server.stop()
        if !quiet { Self.say("sandbox: stopped") }
    }

    /// Says `problem` on standard error as the program's own line and returns the exit to throw.
    private func failure(_ problem: String, status: Int32) -> ExitCode {
        Self.say("lastfm-auth-sandbox: " + problem)
        return ExitCode(status)
    }

    /// A line on standard error.
    private static func say(_ line: String) {
        write(STDERR_FILENO, line + "\n")
    }

    /// Writes all of `text`, unbuffered, so lines appear in order with other processes' output.
    private static func write(_ fd: Int32, _ text: String) {
        Descriptor.writeAll(fd, Array(text.utf8))
    }
}
