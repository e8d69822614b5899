#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket bound to 127.0.0.1 and listening, made with plain system calls: no threads, no
/// event loop. The address is known at once and connections wait in the backlog until a server
/// takes the socket over, so `lastfm-auth --sandbox` can show the sandbox's address before the
/// sandbox program has even started, and hand it the socket.
public struct LoopbackSocket: Sendable {
    /// The descriptor, until a server takes it.
    public let descriptor: Int32
    /// The port it is bound to (the one the system picked when asked for 0).
    public let port: Int

    /// Why the socket could not be made or taken.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Binds a new socket to 127.0.0.1:`port` (0 picks a free port) and listens. Close-on-exec.
    public init(port: Int) throws(Failure) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: L("could not create a socket: {reason}", ["reason": String(cString: strerror(errno))])) }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 128) == 0 }
        }
        guard bound, let actual = Self.loopbackPort(of: fd) else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "127.0.0.1:\(port): \(reason)")
        }
        descriptor = fd
        self.port = actual
    }

    /// Takes over a socket inherited from the process that started this one: it must be a TCP
    /// socket listening on 127.0.0.1 (a sandbox never listens anywhere else).
    public init(inherited fd: Int32) throws(Failure) {
        var listening: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) == 0, listening != 0 else {
            throw Failure(description: L("descriptor {fd} is not a listening socket", ["fd": "\(fd)"]))
        }
        guard let port = Self.loopbackPort(of: fd) else {
            throw Failure(description: L("descriptor {fd} is not a TCP socket on 127.0.0.1", ["fd": "\(fd)"]))
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        descriptor = fd
        self.port = port
    }

    /// The port `fd` is bound to, if it is bound to 127.0.0.1 over IPv4.
    private static func loopbackPort(of fd: Int32) -> Int? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) == 0 }
        }
        guard named, address.sin_family == sa_family_t(AF_INET), address.sin_addr.s_addr == in_addr_t(0x7F00_0001).bigEndian else { return nil }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
