import Foundation
import Glibc
import LastFMAuth

/// HTTP/1.1 over a plain socket to 127.0.0.1, written byte for byte: for requests a real client
/// would not send (another `Host`, a forged path, a huge header) and for the tests' browser.
public enum RawHTTP {
    /// An answer: status, headers (names lowercased) and body.
    public struct Response: Equatable, Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: String
    }

    /// Sends `request` as given to 127.0.0.1:`port` and reads until the server closes (or
    /// `deadline`, generous: a loaded 2-core machine running the whole suite once held an answer
    /// back for over 10 s); nil when nothing could be connected or no status line came back. The socket
    /// calls block, so they run on a thread of their own, never on the tasks' shared threads.
    public static func exchange(port: Int, _ request: String, deadline: Duration = .seconds(30)) async -> Response? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: blockingExchange(port: port, request, deadline: deadline)) }
        }
    }

    /// A socket connected to 127.0.0.1:`port` whose receives give up after `deadline`; nil when
    /// nothing could be connected. The caller closes it.
    private static func connectedSocket(port: Int, deadline: Duration) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var timeout = timeval(tv_sec: Int(deadline.components.seconds), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(socket)
            return nil
        }
        return socket
    }

    private static func blockingExchange(port: Int, _ request: String, deadline: Duration) -> Response? {
        guard let socket = connectedSocket(port: port, deadline: deadline) else { return nil }
        defer { close(socket) }
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBufferPointer { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { break }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end = ContinuousClock.now + deadline
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            // A receive timeout makes recv end early on any signal (a debugger attaching, say), restart or not.
            if count < 0, errno == EINTR, ContinuousClock.now < end { continue }
            guard count > 0 else { break }
            received += buffer[..<count]
        }
        return parse(String(decoding: received, as: UTF8.self))
    }

    /// Connects to 127.0.0.1:`port`, sends nothing, and waits until the server closes the
    /// connection, at most `until`; how long that took (nil when nothing could be connected).
    public static func holdOpen(port: Int, until limit: Duration) async -> Duration? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                guard let socket = connectedSocket(port: port, deadline: limit) else { return continuation.resume(returning: nil) }
                defer { close(socket) }
                let start = ContinuousClock.now
                var byte: UInt8 = 0
                while recv(socket, &byte, 1, 0) < 0, errno == EINTR, start.duration(to: .now) < limit {}
                continuation.resume(returning: start.duration(to: .now))
            }
        }
    }

    /// A GET of `url` (`http://127.0.0.1:PORT/...`) as a browser sends it.
    public static func get(_ url: String) async -> Response? {
        guard let (port, target) = split(url) else { return nil }
        return await exchange(port: port, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
    }

    /// A POST of a form to `url`.
    public static func post(_ url: String, form: [(String, String)]) async -> Response? {
        guard let (port, target) = split(url) else { return nil }
        let body = FormEncoding.encode(form)
        return await exchange(port: port, "POST \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
    }

    /// The port and the path with its query of an `http://127.0.0.1:PORT/...` address.
    public static func split(_ url: String) -> (port: Int, target: String)? {
        let prefix = "http://127.0.0.1:"
        guard url.hasPrefix(prefix) else { return nil }
        let rest = url.dropFirst(prefix.count)
        guard let port = Int(rest.prefix { $0.isNumber }) else { return nil }
        let target = rest.drop { $0.isNumber }
        return (port, target.isEmpty ? "/" : String(target))
    }

    private static func parse(_ text: String) -> Response? {
        let parts = text.split(separator: "\r\n\r\n", maxSplits: 1, omittingEmptySubsequences: false)
        var lines = parts[0].split(separator: "\r\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return nil }
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...].drop { $0 == " " })
        }
        return Response(status: status, headers: headers, body: parts.count > 1 ? String(parts[1]) : "")
    }
}
