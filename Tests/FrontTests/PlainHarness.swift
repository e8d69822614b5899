import LastFMAuth
import Logging
import Synchronization
import Testing
import TestSupport
@testable import lastfm_auth

/// The real `PlainFront` in process: a scripted server, a manual clock, a scratch credentials
/// file, lines typed by the test and every line it says recorded, as `LoopHarness` does for the wizard.
final class PlainHarness: Sendable {
    /// The recorded words, in order, each marked with where it went.
    final class Lines: PlainLineSink {
        enum Kind: Equatable { case line, problem, prompt, standardOutput }
        private let said = Mutex<[(Kind, String)]>([])
        var all: [(kind: Kind, text: String)] { said.withLock { $0.map { (kind: $0.0, text: $0.1) } } }
        /// What reached standard error, as a person reads it.
        var text: String { all.filter { $0.kind != .standardOutput }.map(\.text).joined(separator: "\n") }
        /// What reached standard output.
        var standardOutput: String { all.filter { $0.kind == .standardOutput }.map(\.text).joined() }
        func line(_ text: String) { said.withLock { $0.append((.line, text)) } }
        func problem(_ sentence: String) { said.withLock { $0.append((.problem, sentence)) } }
        func prompt(_ text: String) { said.withLock { $0.append((.prompt, text)) } }
        func standardOutput(_ text: String) -> Bool { said.withLock { $0.append((.standardOutput, text)) }; return true }
    }

    /// Lines the test types; Enter while waiting through `pressEnter()`.
    final class Typing: PlainInputSource {
        let isTerminal: Bool
        private let queued: Mutex<[String]>
        private let entered = Mutex<(@Sendable () -> Void)?>(nil)
        init(terminal: Bool, lines: [String]) {
            isTerminal = terminal
            queued = Mutex(lines)
        }
        func readLine(hidden: Bool) -> String? { queued.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
        func onEachLine(_ entered: @escaping @Sendable () -> Void) { self.entered.withLock { $0 = entered } }
        /// Enter pressed during the wait; false if nothing listens.
        @discardableResult func pressEnter() -> Bool {
            guard let entered = entered.withLock({ $0 }) else { return false }
            entered()
            return true
        }
    }

    let server: ScriptedServer
    /// The flow's clock: the server's, so its calls are timed on it.
    let clock: ManualClock
    let lines = Lines()
    let input: Typing
    let scratch = ScratchFolder()
    let store: CredentialsStore
    let front: PlainFront<ManualClock>

    /// A plain front for `service` with the key and secret given (or nil, to be asked for).
    init(server: ScriptedServer, service: Service = .lastfm, apiKey: String? = TestCredentials.apiKey, secret: String? = TestCredentials.secret,
         terminal: Bool = false, typed: [String] = [], existing: Profile? = nil, resume: Bool = true, sandbox: SandboxAddress? = nil,
         printFormat: PrintFormat? = nil, verbose: Bool = false, keyring: MemoryKeyring? = nil, display: Bool = false) {
        self.server = server
        clock = server.clock ?? ManualClock()
        input = Typing(terminal: terminal, lines: typed)
        store = CredentialsStore(path: scratch.credentialsPath, keyring: keyring)
        let schedule = PollingSchedule()
        let settings = RunSettings(service: service, resumeToken: resume, apiKey: apiKey, secret: secret, profileName: "default", store: store,
                                   existing: existing,
                                   savedSession: RunRules.savedSession(existing, profile: "default", service: service, apiKey: apiKey, replace: false),
                                   schedule: schedule)
        let factory = FlowFactory(transport: server, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), store: store,
                                  profileName: "default", schedule: schedule, secretPlace: keyring == nil ? .file : .keyring, hasDisplay: display)
        front = PlainFront(settings: settings, factory: factory, printFormat: printFormat, verbose: verbose, sink: lines, input: input,
                           clock: clock, jitter: { 0 }, openBrowser: nil, sandbox: sandbox, cancelNote: CancelNote())
    }

    deinit { scratch.remove() }

    /// Starts the flow; its end (the exit status, or the error it ended with) comes from the task.
    func start() -> Task<Result<Int32, CLIError>, Never> {
        let front = front
        return Task {
            do throws(CLIError) { return .success(try await front.run()) } catch { return .failure(error) }
        }
    }

    /// Runs the flow to its end, moving the manual clock on a second whenever the flow sleeps
    /// (never while a request or a save is under way).
    func runToEnd() async -> Result<Int32, CLIError> {
        let end = Mutex<Result<Int32, CLIError>?>(nil)
        let running = start()
        let watcher = Task { let result = await running.value; end.withLock { $0 = result } }
        while true {
            guard await eventually({ end.withLock { $0 != nil } || clock.sleeperCount > 0 }) else {
                running.cancel()
                break
            }
            if let result = end.withLock({ $0 }) { return result }
            clock.advance(by: .seconds(1))
        }
        await watcher.value
        return end.withLock { $0 } ?? .failure(.failed("the plain flow never ended"))
    }

    /// Waits (polling, with a deadline that only bounds a failure) until a line contains `text`.
    func waitForLine(containing text: String) async -> Bool {
        await eventually { self.lines.text.contains(text) }
    }

    /// Waits until the flow sleeps on the manual clock, then moves it on by `duration`.
    func advance(by duration: Duration) async {
        _ = await clock.waitForSleepers()
        clock.advance(by: duration)
    }

}
