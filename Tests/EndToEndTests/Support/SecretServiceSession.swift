import Foundation
import TestSupport
@testable import lastfm_auth
#if canImport(Glibc)
import Glibc
#endif

/// A D-Bus session bus of a test's own, with a real Secret Service (gnome-keyring) on it or not,
/// in a scratch HOME so no keyring file lands in the real one. Stopped with `stop()`: the keyring
/// daemon leaves with its bus.
final class SecretServiceSession: Sendable {
    /// What answers on the bus.
    enum Keyring {
        /// gnome-keyring with an unlocked login collection.
        case unlocked
        /// gnome-keyring whose collection was unlocked, used, then locked.
        case locked
        /// gnome-keyring, started by the bus on first use, with no collection yet (a fresh keyring).
        case fresh
        /// Nothing: the bus has no service files, so nobody provides org.freedesktop.secrets.
        case none
    }

    /// DBUS_SESSION_BUS_ADDRESS for the programs of the test.
    let address: String
    let home: String
    private let busPID: pid_t

    /// A bus with `keyring` on it; with `display`, what the bus starts (the keyring's prompter)
    /// shows its windows there.
    init(home: String, keyring: Keyring, display: String? = nil) throws {
        self.home = home
        let configuration = home + "/bus.conf"
        // The session bus as Debian configures it, or (for `.none`) one that activates nothing.
        let config = keyring == .none
            ? """
              <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
              <busconfig><type>session</type><listen>unix:tmpdir=\(home)</listen><auth>EXTERNAL</auth>
              <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
              """
            : """
              <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
              <busconfig><include>/usr/share/dbus-1/session.conf</include><listen>unix:tmpdir=\(home)</listen></busconfig>
              """
        FileManager.default.createFile(atPath: configuration, contents: Data(config.utf8))
        // The bus prints its address on its first line, to a pipe read here.
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw SessionError("no pipe") }
        busPID = try Self.spawn("/usr/bin/dbus-daemon", ["--config-file=" + configuration, "--nofork", "--print-address=1"],
                                environment: ["HOME": home, "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": home + "/data"], input: "/dev/null", output: ends[1],
                                // Its log (services it starts) must not go to the pipe, which is closed once the address is read.
                                errors: "/dev/null")
        Glibc.close(ends[1])
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(ends[0], &byte, 1) == 1, byte != 0x0A { line.append(byte) }
        Glibc.close(ends[0])
        address = String(decoding: line, as: UTF8.self)
        guard address.hasPrefix("unix:") else { throw SessionError("dbus-daemon printed no address") }
        if let display {
            let told = try Self.run("/usr/bin/dbus-update-activation-environment", ["DISPLAY=" + display], environment: environment)
            guard told.status == 0 else { throw SessionError("dbus-update-activation-environment failed: \(told.output)") }
        }
        guard keyring != .none, keyring != .fresh else { return }
        let unlock = try Self.run("/usr/bin/gnome-keyring-daemon", ["--unlock", "--components=secrets"], environment: environment, input: "test-password")
        guard unlock.status == 0 else { throw SessionError("gnome-keyring-daemon --unlock failed: \(unlock.output)") }
        guard keyring == .locked else { return }
        // The login collection exists once something was stored in it; then it is locked.
        _ = try secretTool(["store", "--label=warm-up", "purpose", "warm-up"], input: "x")
        try lock()
    }

    /// Starts the keyring's prompter (gcr-prompter) and waits until it is on the bus, as it is soon
    /// after login on a desktop. Started by the keyring when a prompt is due, a GTK program on
    /// two cores shared with the rest of the suite sometimes took longer than the keyring waits
    /// for it (~25 s), and the prompt ended as dismissed before any window showed. It quits after
    /// about 10 s without a prompt, so this comes just before the run that prompts.
    func startPrompter() throws {
        let started = try Self.run("/usr/bin/dbus-send", ["--session", "--print-reply", "--reply-timeout=120000", "--dest=org.freedesktop.DBus", "/",
                                                          "org.freedesktop.DBus.StartServiceByName", "string:org.gnome.keyring.SystemPrompter", "uint32:0"],
                                   environment: environment)
        guard started.status == 0 else { throw SessionError("could not start the keyring's prompter: \(started.output)") }
    }

    /// Locks the login collection, as a screen lock or `seahorse` would.
    func lock() throws {
        let lock = try Self.run("/usr/bin/dbus-send", ["--session", "--print-reply", "--dest=org.freedesktop.secrets", "/org/freedesktop/secrets",
                                                       "org.freedesktop.Secret.Service.Lock", "array:objpath:/org/freedesktop/secrets/collection/login"],
                                environment: environment)
        guard lock.status == 0 else { throw SessionError("could not lock the keyring: \(lock.output)") }
    }

    /// HOME and the bus: what the binary and secret-tool run with.
    var environment: [String: String] {
        ["HOME": home, "DBUS_SESSION_BUS_ADDRESS": address, "XDG_DATA_HOME": home + "/data", "PATH": "/usr/bin:/bin"]
    }

    /// Runs `secret-tool` on this bus; its status and standard output (errors mixed in).
    func secretTool(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        try Self.run("/usr/bin/secret-tool", arguments, environment: environment, input: input)
    }

    /// The number of lastfm-auth's items in the keyring.
    func itemCount() throws -> Int {
        let found = try secretTool(["search", "--all", "application", "lastfm-auth"])
        return found.output.components(separatedBy: "\n").filter { $0.hasPrefix("label = ") }.count
    }

    /// Ends the bus; the keyring daemon, having lost it, ends too.
    func stop() {
        kill(busPID, SIGKILL)
        _ = Self.wait(busPID)
    }

    /// Runs `path` with `input` on standard input and returns its status and output, waiting with
    /// waitpid, without Foundation's Process: it was seen never to notice gnome-keyring-daemon's exit
    /// (it forks a daemon and exits), spinning in waitUntilExit. Output goes to a file, which the
    /// daemon may keep open.
    private static func run(_ path: String, _ arguments: [String], environment: [String: String], input: String? = nil) throws -> (status: Int32, output: String) {
        let base = NSTemporaryDirectory() + "secret-service-" + UUID().uuidString
        FileManager.default.createFile(atPath: base + ".in", contents: Data((input ?? "").utf8))
        defer {
            try? FileManager.default.removeItem(atPath: base + ".in")
            try? FileManager.default.removeItem(atPath: base + ".out")
        }
        let output = open(base + ".out", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { Glibc.close(output) }
        let pid = try spawn(path, arguments, environment: environment, input: base + ".in", output: output)
        let status = wait(pid)
        return (status, (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? "")
    }

    /// Starts `path` with standard input from the file `input`, standard output to `output` and
    /// standard error to `errors` (`output` when nil).
    private static func spawn(_ path: String, _ arguments: [String], environment: [String: String], input: String, output: Int32,
                              errors: String? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, input, O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO)
        if let errors {
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors, O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, output, STDERR_FILENO)
        }
        // Nothing else of the test process: a keyring daemon that lives on must not hold other
        // tests' pipes open (their readers would never see the end, while their handles go away).
        ChildProcess.closeDescriptors(from: 3, in: &actions)
        var argv = ([path] + arguments).map { strdup($0) } + [nil]
        var envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The test's threads block signals; the child must not inherit that (dbus-daemon would never see SIGTERM).
        var pid = pid_t()
        guard ChildProcess.withCleanAttributes({ attributes in posix_spawn(&pid, path, &actions, &attributes, &argv, &envp) }) == 0 else { throw SessionError("could not start \(path)") }
        return pid
    }

    /// Waits for `pid` and returns its exit status (128 + the signal when one ended it).
    private static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    struct SessionError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
