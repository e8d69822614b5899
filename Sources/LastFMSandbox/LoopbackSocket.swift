#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket bound to 127.0.0.1 and listening, made with plain system calls: no threads, no
/// event loop. The address is known at once and connections wait in the backlog until the event
/// loop takes the socket over, so a front can show the sandbox's address before starting it.
struct LoopbackSocket: Sendable {
    /// The descriptor, until the event loop takes it.
    let descriptor: Int32
    /// The port it is bound to (the one the system picked when asked for 0).
    let port: Int

    /// Why the socket could not be made.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(port: Int) throws(Failure) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(fd, address, length) == 0 && listen(fd, 128) == 0 && getsockname(fd, address, &length) == 0
            }
        }
        guard bound else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "127.0.0.1:\(port): \(reason)")
        }
        descriptor = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }
}
