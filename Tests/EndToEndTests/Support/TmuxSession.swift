import TestSupport
import Foundation
import Testing
@testable import lastfm_auth

/// The real binary in a real terminal: a tmux server of its own (so tests run side by side),
/// keys sent with `send-keys`, the screen read with `capture-pane`.
final class TmuxSession: Sendable {
    let socket: String
    let name = "wizard"
    /// Files in which the pane's shell saves `stty -a` before and after the program.
    let sttyBefore: String
    let sttyAfter: String
    /// Saves the settings after the program and prints its status (typed by `reportFromShell` interactively).
    private let report: String

    /// Starts `arguments` in a `width`x`height` window with `environment` (LANG=C.UTF-8 unless it names one, TZ=UTC added).
    /// `launcher` comes before the binary (`setsid -w`); `redirect` is shell text after its arguments
    /// (`> FILE`, `| cat > FILE`). The server is started off the cooperative threads.
    static func start(_ arguments: [String], environment: [String: String], width: Int = 80, height: Int = 24,
                      launcher: [String] = [], redirect: String = "") async throws -> TmuxSession {
        try await offPool {
            try TmuxSession(arguments, environment: environment, width: width, height: height, interactive: false, launcher: launcher, redirect: redirect)
        }
    }

    /// Starts an interactive bash (job control on, so Ctrl-Z and fg work) and types the command into it.
    static func start(interactiveShellRunning arguments: [String], environment: [String: String]) async throws -> TmuxSession {
        try await offPool { try TmuxSession(arguments, environment: environment, width: 80, height: 24, interactive: true) }
    }

    private init(_ arguments: [String], environment: [String: String], width: Int, height: Int, interactive: Bool,
                 launcher: [String] = [], redirect: String = "") throws {
        socket = "lastfm-auth-test-\(UUID().uuidString.prefix(8))"
        let scratch = NSTemporaryDirectory() + socket
        sttyBefore = scratch + "-stty-before"
        sttyAfter = scratch + "-stty-after"
        var env = environment
        env["LANG"] = env["LANG"] ?? "C.UTF-8"
        env["TZ"] = "UTC"
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let command = (launcher + [RunningProcess.binary] + arguments).map(Self.quote).joined(separator: " ") + (redirect.isEmpty ? "" : " " + redirect)
        let run = "stty -a > \(sttyBefore); env \(assignments) \(command)"
        report = "status=$?; stty -a > \(sttyAfter); echo EXIT\"\"=$status"
        try Self.tmuxNow(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
                       interactive ? "env PS1='$ ' bash --norc --noprofile -i" : "\(run); \(report); sleep 600"])
        try Self.tmuxNow(["-L", socket, "set-option", "-g", "focus-events", "on"])
        // Interactively, the report is typed only after the program ended (`reportFromShell`): a list
        // typed at once would go on to the report when the program stops. `EXIT""=` keeps the typed
        // line itself from reading as the status.
        if interactive { try Self.tmuxNow(["-L", socket, "send-keys", "-t", name, "-l", run + "\n"]) }
    }

    deinit {
        // Off the cooperative thread the test ends on; nothing waits for it.
        let (socket, files) = (socket, [sttyBefore, sttyAfter])
        DispatchQueue.global().async {
            _ = try? Self.tmuxNow(["-L", socket, "kill-server"])
            files.forEach { try? FileManager.default.removeItem(atPath: $0) }
        }
    }

    /// In an interactive shell, after the program ended: saves the terminal settings and prints
    /// its exit status, for `exitStatus()` and `terminalDifferences()`.
    func reportFromShell() async throws {
        try await type(report + "\n")
    }

    /// Types keys by tmux name ("Enter", "Escape", "C-c") or literal text with `literal`.
    func send(_ keys: String...) async throws {
        try await Self.tmux(["-L", socket, "send-keys", "-t", name] + keys)
    }

    /// Sends text exactly as typed (escape sequences included), not as key names.
    func type(_ text: String) async throws {
        try await Self.tmux(["-L", socket, "send-keys", "-t", name, "-l", text])
    }

    func resize(width: Int, height: Int) async throws {
        try await Self.tmux(["-L", socket, "resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Resizes the window and waits (5 s at most) until its pane has that size, asking again while
    /// it has not: after a storm of resizes tmux may still apply an earlier one. Returns whether it settled.
    @discardableResult
    func settle(width: Int, height: Int) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            try await resize(width: width, height: height)
            let size = try await Self.tmux(["-L", socket, "display-message", "-p", "-t", name, "#{pane_width}x#{pane_height}"])
            if size.trimmingCharacters(in: .whitespacesAndNewlines) == "\(width)x\(height)" { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// Sends signal `name` ("TERM", "TSTP", ...) to the program running in the pane.
    func signalProgram(_ name: String) async throws {
        let panePID = try await Self.tmux(["-L", socket, "list-panes", "-t", self.name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Self.child(of: panePID, named: "lastfm-auth") else {
            throw TmuxFailure(message: "no lastfm-auth process under the pane's shell \(panePID)")
        }
        guard let number = Self.signalNumbers[name], kill(pid, number) == 0 else {
            throw TmuxFailure(message: "could not send SIG\(name) to \(pid)")
        }
    }

    /// The process id of the lastfm-auth running in the pane.
    func programPID() async throws -> pid_t {
        let panePID = try await Self.tmux(["-L", socket, "list-panes", "-t", self.name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Self.child(of: panePID, named: "lastfm-auth") else {
            throw TmuxFailure(message: "no lastfm-auth process under the pane's shell \(panePID)")
        }
        return pid
    }

    private static let signalNumbers: [String: Int32] = ["INT": SIGINT, "TERM": SIGTERM, "HUP": SIGHUP, "TSTP": SIGTSTP, "CONT": SIGCONT, "WINCH": SIGWINCH,
                                                                  "SEGV": SIGSEGV, "BUS": SIGBUS, "ILL": SIGILL, "FPE": SIGFPE, "TRAP": SIGTRAP, "ABRT": SIGABRT]

    /// The process named `name` whose parent is `parent`, from /proc.
    private static func child(of parent: String, named name: String) -> pid_t? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries where entry.allSatisfy(\.isNumber) {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            let command = stat[stat.index(after: open)..<close]
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            if command == name, fields.count > 1, fields[1] == parent { return pid_t(entry) }
        }
        return nil
    }

    /// Whether the program in the pane is stopped (state T), e.g. by a SIGTSTP.
    func programIsStopped() async throws -> Bool {
        let panePID = try await Self.tmux(["-L", socket, "list-panes", "-t", self.name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Self.child(of: panePID, named: "lastfm-auth"),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(close, offsetBy: 2)] == "T"
    }

    /// What is on the screen now.
    func screen() async throws -> String {
        try await Self.tmux(["-L", socket, "capture-pane", "-p", "-t", name])
    }

    /// The screen with rows the terminal wrapped itself joined into one line (`capture-pane -J`),
    /// as a mouse selection across them would copy it.
    func joinedScreen() async throws -> String {
        try await Self.tmux(["-L", socket, "capture-pane", "-p", "-J", "-t", name])
    }

    /// Polls the screen until `text` is on it; returns the last screen seen, and whether it was found.
    /// A `--sandbox` wizard from its first screen to the authorize step, as a person goes: Enter
    /// on the service, the key and the secret the sandbox fills in. The authorize screen.
    func walkSandboxToAuthorize() async throws -> (found: Bool, screen: String) {
        guard try await waitFor("Built-in sandbox").found else { return (false, try await screen()) }
        try await send("Enter")
        guard try await waitFor("✓ 32 of 32 characters").found else { return (false, try await screen()) }
        try await send("Enter")
        guard try await waitFor("Shared secret").found else { return (false, try await screen()) }
        try await send("Enter")
        return try await waitFor("a approve (sandbox)")
    }

    func waitFor(_ text: String, timeout: Duration = .seconds(20)) async throws -> (found: Bool, screen: String) {
        try await waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until `isReady` holds for it; returns the last screen seen, and whether it did.
    /// Looks once more at the deadline: on a loaded machine this task may first run again only after it.
    func waitUntil(timeout: Duration = .seconds(20), _ isReady: (String) -> Bool) async throws -> (found: Bool, screen: String) {
        let deadline = ContinuousClock.now + timeout
        // Each look runs tmux to its end: off the cooperative threads, which several tests poll on at once.
        while ContinuousClock.now < deadline {
            let last = try await screen()
            if isReady(last) { return (true, last) }
            try await Task.sleep(for: .milliseconds(30))
        }
        let last = try await screen()
        return (isReady(last), last)
    }

    /// The program's exit status once it has ended (from the pane's `echo EXIT=$?`, printed after
    /// the terminal settings were saved, so `sttyAfter` is complete by then).
    func exitStatus(timeout: Duration = .seconds(20)) async throws -> Int32? {
        let (found, screen) = try await waitFor("EXIT=", timeout: timeout)
        guard found, let range = screen.range(of: "EXIT=") else { return nil }
        return Int32(screen[range.upperBound...].prefix { $0.isNumber })
    }

    /// Runs tmux and returns what it printed. Spawned with the app's ChildProcess (clean signal mask:
    /// the test runner's threads block signals) and reaped with waitpid: the tmux server that
    /// new-session forks keeps inherited descriptors, which makes Foundation's Process wait forever.
    @discardableResult
    static func tmuxNow(_ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "tmux-output-" + UUID().uuidString
        defer { unlink(outputPath) }
        guard let pid = ChildProcess.spawn(["tmux"] + arguments, outputPath: outputPath) else {
            throw TmuxFailure(message: "tmux could not be started: is it installed? (scripts/setup-tests installs it)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw TmuxFailure(message: "tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    /// `tmuxNow` off the cooperative threads: tmux runs to its end for each call, and forty
    /// screen tests start at once (on two threads, their waits held back every other test,
    /// the in-process sandboxes' answers included, for up to 20 s).
    @discardableResult
    static func tmux(_ arguments: [String]) async throws -> String {
        try await offPool { try tmuxNow(arguments) }
    }

    /// What differs between the terminal before the program and after it ended (empty: restored):
    /// `stty -a` settings, and the modes tmux tracks for the pane (alternate screen, cursor
    /// visibility, keypad, insert, wrap, origin, mouse) against those of a fresh pane.
    func terminalDifferences() async throws -> [String] {
        let before = Set(try String(contentsOfFile: sttyBefore, encoding: .utf8).split(whereSeparator: { $0 == ";" || $0 == "\n" }).map(String.init))
        let after = Set(try String(contentsOfFile: sttyAfter, encoding: .utf8).split(whereSeparator: { $0 == ";" || $0 == "\n" }).map(String.init))
        let modes = try await Self.tmux(["-L", socket, "display-message", "-p", "-t", name, Self.modeFormat]).trimmingCharacters(in: .whitespacesAndNewlines)
        let modeDifferences = modes == Self.freshPaneModes ? [] : ["tmux pane modes \(modes), fresh pane \(Self.freshPaneModes)"]
        return before.symmetricDifference(after).sorted() + modeDifferences
    }

    /// Expects the terminal as it was before the program: the same `stty -a` and a fresh pane's
    /// modes; a failure names what differs.
    func expectRestored(_ comment: String = "terminal not restored", sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let differences = try await terminalDifferences()
        #expect(differences == [], "\(comment): \(differences)", sourceLocation: sourceLocation)
    }

    private static let modeFormat = "alternate_on=#{alternate_on} cursor_flag=#{cursor_flag} keypad_cursor_flag=#{keypad_cursor_flag} keypad_flag=#{keypad_flag} insert_flag=#{insert_flag} wrap_flag=#{wrap_flag} origin_flag=#{origin_flag} mouse_any_flag=#{mouse_any_flag}"
    private static let freshPaneModes = "alternate_on=0 cursor_flag=1 keypad_cursor_flag=0 keypad_flag=0 insert_flag=0 wrap_flag=1 origin_flag=0 mouse_any_flag=0"

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    struct TmuxFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
