#if canImport(Glibc)
import Glibc
#endif
import LastFMAuth
import Synchronization

/// Termination signals (SIGINT, SIGTERM, SIGHUP), handled on `SignalPipe`'s thread so the program can
/// clean up (restore the terminal, keep a session key) instead of dying where it stands.
enum Signals {
    /// The signals that end the program: Ctrl-C, kill, a closed terminal.
    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The exit status for a process ended by `signal` before a session was saved (`ExitStatus.signal`).
    static func exitStatus(for signal: Int32) -> Int32 { ExitStatus.signal(signal) }
}

/// A section that a signal must not cut short (saving the session): exit waits until it is over.
enum CriticalSection {
    private static let depth = Atomic<Int>(0)
    private static let deferredExit = Atomic<Int32>(-1)

    /// Runs `body`; an `exitWhenSafe` during it takes effect right after.
    static func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        depth.add(1, ordering: .sequentiallyConsistent)
        defer {
            if depth.subtract(1, ordering: .sequentiallyConsistent).newValue == 0 {
                let status = deferredExit.load(ordering: .sequentiallyConsistent)
                if status >= 0 { leave(status) }
            }
        }
        return try body()
    }

    /// Exits with `status` now, or as soon as the running critical section ends.
    static func exitWhenSafe(_ status: Int32) {
        deferredExit.store(status, ordering: .sequentiallyConsistent)
        if depth.load(ordering: .sequentiallyConsistent) == 0 { leave(status) }
    }

    /// Ends the process now with _exit(2), never exit(3): this runs on the signal thread while the
    /// flow goes on (mid-request, mid-dlopen), and exit(3) runs every library's destructors under
    /// it. Seen in 3 of 35 492 signalled runs: libgnutls's destructor freed its ASN.1 trees while
    /// the flow's first dlopen of libmicrohttpd ran gnutls's constructor again ("double free or
    /// corruption", SIGABRT, exit 134; read from a core with gdb). Nothing needs the destructors:
    /// `Output` writes unbuffered, and the sandbox's program stops when its pipe closes. The page
    /// the browser was started on goes first (it names this run's token).
    private static func leave(_ status: Int32) -> Never {
        BrowserLauncher.removePage()
        _exit(status)
    }
}
