import ArgumentParser
import LastFMAuth
import LastFMSandbox

extension SandboxCommand {
    func run() async throws {
        var secret = SandboxConfiguration.defaultAPISecret
        if let apiSecretFile {
            do {
                secret = try SecretFile.read(apiSecretFile)
            } catch {
                Output.error("lastfm-auth sandbox: \(error.message)")
                throw ExitCode(error.status)
            }
        }
        let configuration = SandboxConfiguration(
            apiKey: apiKey.lowercased(), apiSecret: secret, tokenTTL: .seconds(tokenTTL),
            approveAfter: approveAfter.map { .seconds($0) }, port: port
        )
        var logLine: (@Sendable (String) -> Void)?
        if !quiet {
            logLine = { line in Output.error("sandbox: " + line) }
        }
        let server: SandboxServer
        do {
            server = try await SandboxServer.start(configuration, logLine: logLine)
        } catch {
            Output.error("lastfm-auth sandbox: could not listen on 127.0.0.1:\(port): \(error)")
            throw ExitCode(1)
        }
        let signals = Signals.termination()
        Output.standard("sandbox listening on \(server.apiRoot)\n")
        Output.error("sandbox: authorize page \(server.authPage); sessions \(server.applicationsPage); API key \(configuration.apiKey); Ctrl-C stops it")
        for await _ in signals { break }
        await server.stop()
        Output.error("sandbox: stopped")
    }
}
