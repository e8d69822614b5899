import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Signals as bytes on a pipe: a handler that only calls write(2) (async-signal-safe) sends each
/// signal's number, and one thread of our own reads them and calls what was registered.
/// Dispatch signal sources were used before and lost a SIGTERM sent right after start-up in about
/// one run of 30 (EarlySignalTests): the signal was taken, but the source never fired.
enum SignalPipe {
    private static let handlers = Mutex<[Int32: @Sendable (Int32) -> Void]>([:])
    private static let reader = Mutex(false)

    /// From now on, each of `numbers` calls `handler` (on the reader thread) instead of its default action.
    static func handle(_ numbers: [Int32], _ handler: @escaping @Sendable (Int32) -> Void) {
        startReader()
        handlers.withLock { table in numbers.forEach { table[$0] = handler } }
        for number in numbers {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = writeToSignalPipe
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }

    /// Gives `numbers` their default action back.
    static func release(_ numbers: [Int32]) {
        numbers.forEach { signal($0, SIG_DFL) }
        handlers.withLock { table in numbers.forEach { table[$0] = nil } }
    }

    private static func startReader() {
        let first = reader.withLock { started in
            defer { started = true }
            return !started
        }
        guard first else { return }
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "no file descriptors left for the signal pipe")
        fds.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        // Never block in the handler: if the pipe were ever full, dropping a repeat is fine.
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        signalPipeWriteEnd.store(fds[1], ordering: .sequentiallyConsistent)
        let readEnd = fds[0]
        DispatchQueue(label: "lastfm-auth.signals").async {
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count < 0, errno == EINTR { continue }
                guard count == 1 else { return }
                let number = Int32(byte)
                handlers.withLock { $0[number] }?(number)
            }
        }
    }
}

/// The pipe's write end, for the signal handler (an atomic: plain loads are async-signal-safe).
private let signalPipeWriteEnd = Atomic<Int32>(-1)

/// The signal handler: writes the signal's number to the pipe, keeping errno as it was.
private func writeToSignalPipe(_ number: Int32) {
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteEnd.load(ordering: .relaxed), &byte, 1)
    errno = saved
}
