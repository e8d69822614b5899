import ArgumentParser
import LastFMAuth
import LastFMSandbox
import Logging
#if canImport(Glibc)
import Glibc
#endif

extension LastFMAuthCommand {
    func run() async throws {
        signal(SIGPIPE, SIG_IGN)  // a closed stdout becomes a write error we can report
        let status = await runFlow()
        throw ExitCode(status)
    }

    /// Wires the pieces together and returns the exit status; nothing below prints a stack trace.
    private func runFlow() async -> Int32 {
        let environment = ProcessEnvironment.current()
        let interrupted = Task.detached {
            for await number in Signals.termination() {
                TerminalInput.restore()
                Output.error("\nCancelled. A token that was shown stays valid for up to 60 minutes: run lastfm-auth again to resume.")
                CriticalSection.exitWhenSafe(Signals.exitStatus(for: number))
            }
        }
        defer { interrupted.cancel() }
        var sandbox: SandboxServer?
        let transport = AsyncHTTPClientTransport(environment: environment)
        do {
            if self.sandbox {
                do {
                    sandbox = try await SandboxServer.start(SandboxConfiguration())
                } catch {
                    throw CLIError.failed("could not start the sandbox server: \(error)")
                }
            }
            let settings = try SettingsResolver(command: self, environment: environment, sandbox: sandbox).resolve()
            let client = LastFMClient(service: settings.service, apiKey: settings.apiKey, secret: settings.secret,
                                      transport: transport, logger: makeLogger())
            let flow = AuthFlow(client: client, schedule: settings.schedule, credentials: settings.store,
                                profileName: settings.profileName, wallClock: { Timestamp.nowUnix() })
            let front = PlainFront(settings: settings, flow: flow, printFormat: printFormat, openBrowser: !noBrowser,
                                   environment: environment, verbose: verbose, sandbox: sandbox)
            let status = try await front.run()
            await transport.shutdown()
            await sandbox?.stop()
            return status
        } catch let error as CLIError {
            Output.error("lastfm-auth: \(error.message)")
            await transport.shutdown()
            await sandbox?.stop()
            return error.status
        } catch {
            Output.error("lastfm-auth: \(error)")
            await transport.shutdown()
            await sandbox?.stop()
            return 1
        }
    }

    private func makeLogger() -> Logger {
        guard verbose else { return Logger(label: "lastfm-auth", factory: { _ in SwiftLogNoOpLogHandler() }) }
        var logger = Logger(label: "lastfm-auth", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .debug
        return logger
    }
}
