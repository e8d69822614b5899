import Foundation
import Synchronization

/// An HTTP proxy on loopback that only tunnels (CONNECT), as corporate proxies do, and logs the
/// first line of every request. Host names are routed to loopback ports, so no DNS is needed:
/// `routes["ws.lastfm.test:443"] = 8443` tunnels that name to 127.0.0.1:8443; others get 502.
final class ConnectProxy: Sendable {
    let port: Int
    private let listener: Int32
    private let routes: [String: Int]
    private let log = Mutex<[String]>([])

    /// The first line of each request, in order.
    var requests: [String] { log.withLock { $0 } }

    init(routes: [String: Int]) throws {
        self.routes = routes
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound, listen(listener, 16) == 0 else { close(listener); throw POSIXError(.EADDRINUSE) }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                Thread.detachNewThread { self.serve(client) }
            }
        }
    }

    /// Stops accepting; tunnels already open end when either side closes.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var head: [UInt8] = []
        var byte: UInt8 = 0
        // Byte by byte up to the blank line, so nothing after the head is swallowed.
        while head.count < 8192, !head.ends(with: Array("\r\n\r\n".utf8)), read(client, &byte, 1) == 1 { head.append(byte) }
        let firstLine = String(decoding: head.prefix { $0 != 13 }, as: UTF8.self)
        log.withLock { $0.append(firstLine) }
        let words = firstLine.split(separator: " ")
        guard words.count == 3, words[0] == "CONNECT", let backend = routes[String(words[1])] else {
            send(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            return
        }
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(server) }
        var address = sockaddr_in.loopback(port: backend)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            send(client, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")
            return
        }
        send(client, "HTTP/1.1 200 Connection established\r\n\r\n")
        relay(client, server)
    }

    /// Copies bytes both ways until one side closes.
    private func relay(_ a: Int32, _ b: Int32) {
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 16384)
        while poll(&fds, 2, 30_000) > 0 {
            for (index, entry) in fds.enumerated() where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                guard count > 0 else { return }
                let other = index == 0 ? b : a
                guard write(other, buffer, count) == count else { return }
            }
        }
    }

    private func send(_ socket: Int32, _ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
