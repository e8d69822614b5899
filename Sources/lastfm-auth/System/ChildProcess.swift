#if canImport(Glibc)
import Glibc
#endif

/// Starts other programs (the browser) with a clean slate: default signal handling and an empty
/// signal mask, since both would otherwise be inherited from this process (which ignores SIGINT,
/// SIGPIPE and others, and whose threads block signals) and the child could not be interrupted;
/// and none of the descriptors this process was given beyond the three standard ones.
enum ChildProcess {
    /// Starts `arguments[0]` (looked up in PATH) with standard input from /dev/null and standard
    /// output and error to `outputPath` (or /dev/null); does not wait. Returns the pid, or nil.
    /// `flags` adds spawn flags, e.g. POSIX_SPAWN_SETPGROUP for a process group of its own;
    /// `environment`, when given, is all the environment it gets (else this process's).
    static func spawn(_ arguments: [String], outputPath: String? = nil, flags: Int32 = 0, environment: [String: String]? = nil) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO)
        closeDescriptors(from: 3, in: &actions)
        var pid = pid_t()
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var envp = environment.map { $0.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { envp?.forEach { free($0) } }
        let status = withCleanAttributes(flags: flags) { attributes in
            if envp == nil { return posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ) }
            return posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, &envp!)
        }
        return status == 0 ? pid : nil
    }

    /// Adds to `actions` the closing of every descriptor from `first` on. Ours are close-on-exec,
    /// but not those this process inherited, nor all that its libraries open (a browser started
    /// without this held four sockets): a browser that lives on must not hold the loopback
    /// listener, a connection, or the socket a caller waits on to see lastfm-auth end (Foundation's
    /// Process waits for exactly that).
    /// glibc 2.34's posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module does not
    /// show; without it (an older C library) nothing is added.
    static func closeDescriptors(from first: Int32, in actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, first)
    }

    /// Runs `body` with spawn attributes for an empty signal mask and default signal actions
    /// (plus `flags`, e.g. POSIX_SPAWN_SETSID).
    static func withCleanAttributes<T>(flags: Int32 = 0, _ body: (inout posix_spawnattr_t) -> T) -> T {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | flags))
        return body(&attributes)
    }
}
