import ArgumentParser
import CCrashGuard
import LastFMAuth
import Logging
#if canImport(Glibc)
import Glibc
#endif

extension LoginCommand {
    /// The setup, for a bare `lastfm-auth` and `lastfm-auth login` alike.
    func runSetup() async throws {
        signal(SIGPIPE, SIG_IGN)  // a closed stdout becomes a write error we can report
        crash_guard_install()  // a crash never waits for a key; the fronts arm it while they hold the terminal
        let status = await runFlow()
        throw ExitCode(status)
    }

    /// Wires the pieces together and returns the exit status; nothing below prints a stack trace.
    private func runFlow() async -> Int32 {
        let environment = ProcessEnvironment.current()
        // Handled on the signal pipe's own thread, installed before anything else starts. While a
        // front runs, it takes the signals (Interrupts): only it knows whether a token was shown.
        SignalPipe.handle(Signals.terminating) { number in
            if Interrupts.deliver(number) { return }
            TerminalInput.restore()
            Output.error("\n" + Wording.cancelled(resumable: false))
            CriticalSection.exitWhenSafe(Signals.exitStatus(for: number))
        }
        defer { SignalPipe.release(Signals.terminating) }
        var sandbox: SandboxProcess?
        // However the run ends, the sandbox's program ends with it.
        defer { sandbox?.stop() }
        let transport = CurlTransport(environment: environment)
        do {
            if saved.sandbox {
                // Only the socket now; the program starts once it is needed (see below).
                sandbox = try SandboxProcess()
            }
            let settings = try SettingsResolver(command: self, environment: environment, sandbox: sandbox?.address).resolve()
            if setup.dryRun, let app = settings.app {
                return AppHandOff(app: app, store: settings.store, profileName: settings.profileName).dryRun(settings)
            }
            let drawing = wizardTerminal(environment)
            let wizard = drawing != nil
            // The wizard owns its terminal: --verbose logs to standard error only when that is elsewhere (a file, a pipe).
            let logs = verbosity.verbose && (!wizard || isatty(STDERR_FILENO) == 0)
            if verbosity.verbose && !logs { Output.error(Wording.verboseNeedsRedirect) }
            if verbosity.verbose, let unavailable = Catalog.unavailable(in: environment) { Output.error(Wording.languageUnavailable(unavailable)) }
            // Nobody should approve a session that cannot be saved; keeping a saved one writes nothing.
            if !wizard || settings.existing == nil {
                do { try settings.store.checkWritable() } catch { throw CLIError.failed(error.description) }
            }
            let factory = FlowFactory(transport: transport, logger: makeLogger(enabled: logs), store: settings.store,
                                      profileName: settings.profileName, schedule: settings.schedule, secretPlace: setup.store,
                                      hasDisplay: KeyringUnlock.hasDisplay(environment),
                                      callbackUse: CallbackUse.decide(environment: environment, turnedOff: setup.noCallback, noBrowser: setup.noBrowser))
            var status: Int32
            if let drawing {
                status = await WizardRuntime(settings: settings, factory: factory, printFormat: setup.printFormat,
                                             environment: environment, sandbox: sandbox, terminalType: drawing.type,
                                             device: drawing.device,
                                             asciiRequested: setup.ascii || !(environment["LASTFM_AUTH_ASCII"] ?? "").isEmpty).run()
            } else {
                // The wizard starts the sandbox after its first frame; the plain front needs it now.
                try sandbox?.start()
                let cancelNote = CancelNote()
                Interrupts.route { [exchanges = factory.exchanges] in cancelNote.cancel(signal: $0, exchanges: exchanges) }
                defer { Interrupts.route(to: nil) }
                let browse: (@Sendable (String) -> Result<String, BrowserLauncher.Failure>)? = setup.noBrowser ? nil : { @Sendable url in BrowserLauncher.open(url, environment: environment) }
                let front = PlainFront(settings: settings, factory: factory, printFormat: setup.printFormat, verbose: verbosity.verbose,
                                       sink: StandardStreams(), input: StandardInput(), clock: ContinuousClock(), openBrowser: browse,
                                       sandbox: sandbox?.address, sandboxEnded: { [sandbox] in sandbox?.endedNotice() }, cancelNote: cancelNote)
                status = try await front.run()
            }
            // The page the browser was started on holds this run's token: of no use once the run ends.
            BrowserLauncher.removePage()
            // Saved or kept, the profile is the one the other commands use from now on (as gh auth
            // login's account); the save itself chose it already when a session was saved.
            if status == ExitStatus.success.rawValue, settings.store.chosenProfile != settings.profileName {
                try? settings.store.choose(settings.profileName)
            }
            if status == ExitStatus.success.rawValue, let app = settings.app {
                // The session is saved: a signal now is leaving after the save (RunRules.leaving),
                // so the hand-off the run promised finishes and the run ends as it would.
                Interrupts.route { _ in }
                defer { Interrupts.route(to: nil) }
                status = AppHandOff(app: app, store: settings.store, profileName: settings.profileName).run()
            }
            return status
        } catch let error as CLIError {
            Output.problem(error.message)
            return error.status
        } catch {
            Output.problem("\(error)")
            return ExitStatus.failed.rawValue
        }
    }

    /// The terminfo entry the wizard draws with and the device it draws on, or nil for the plain
    /// front: the wizard is the front whenever a person types at a terminal that can draw it (as
    /// TERM's entry or a close relative's), on the controlling terminal if standard output is captured.
    private func wizardTerminal(_ environment: [String: String]) -> (type: String, device: TerminalDevice)? {
        let term = environment["TERM"] ?? ""
        guard !setup.plain, !term.isEmpty, term != "dumb", let device = TerminalDevice.choose() else { return nil }
        guard let type = TerminalType.choose(term: term, hasEntry: NCursesTerminal.hasEntry) else {
            if device.isControllingTerminal { close(device.input) }
            Output.error(L("lastfm-auth: this host has no terminfo entry for TERM={term} or a close relative; using the line-by-line front.", ["term": "\(term)"]))
            return nil
        }
        return (type, device)
    }

    private func makeLogger(enabled: Bool) -> Logger {
        guard enabled else { return Logger(label: "lastfm-auth", factory: { _ in SwiftLogNoOpLogHandler() }) }
        var logger = Logger(label: "lastfm-auth", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .debug
        return logger
    }
}
