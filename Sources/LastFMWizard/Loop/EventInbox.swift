#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Hands events from other threads (core results, signals) to the wizard's loop, and wakes it
/// through a pipe, so the loop can sleep in poll() until something happens.
public final class EventInbox: Sendable {
    /// What can arrive besides keys.
    public enum Item: Equatable, Sendable {
        /// A result from the core or an effect.
        case wizard(WizardEvent)
        /// A terminating signal (SIGINT, SIGTERM, SIGHUP) by number.
        case signal(Int32)
        /// SIGWINCH.
        case resize
        /// SIGTSTP: Ctrl-Z.
        case suspend
        /// SIGCONT: back from a suspend (fg), or a stray continue.
        case continued
    }

    private let items = Mutex<[Item]>([])
    /// The read end, for poll().
    public let wakeFD: Int32
    private let writeFD: Int32

    /// An empty inbox with its pipe.
    public init() {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "no file descriptors left for a pipe")
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(wakeFD)
        close(writeFD)
    }

    /// Adds `item` and wakes the loop. Safe from any thread.
    public func post(_ item: Item) {
        items.withLock { $0.append(item) }
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Everything posted so far; empties the pipe too.
    public func take() -> [Item] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeFD, &buffer, buffer.count) > 0 {}
        return items.withLock { items in
            defer { items = [] }
            return items
        }
    }
}
