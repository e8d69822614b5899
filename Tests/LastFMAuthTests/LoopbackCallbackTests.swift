import Foundation
@testable import LastFMAuth
import Synchronization
import Testing
import TestSupport

/// The listener itself, with the real libmicrohttpd and raw requests: loopback only, one address,
/// bounded requests, and gone once closed.
@Suite("The loopback callback's listener")
struct LoopbackCallbackTests {
    /// Arrivals collected from the listener's stream, answered as `answer` says.
    final class Browsers: Sendable {
        final class Seen: Sendable {
            private let lines = Mutex<[String]>([])
            func withLock(_ change: (inout [String]) -> Void) { lines.withLock { change(&$0) } }
            var all: [String] { lines.withLock { $0 } }
        }

        let seen = Seen()
        let task: Task<Void, Never>

        init(_ callback: LoopbackCallback, answer: @escaping @Sendable (CallbackArrival) -> CallbackPage?) {
            let seen = seen
            task = Task {
                for await arrival in callback.arrivals {
                    switch arrival {
                    case .approved(let token, let reply):
                        seen.withLock { $0.append("approved \(token)") }
                        if let page = answer(arrival) { reply.answer(page) }
                    case .declined(let reply):
                        seen.withLock { $0.append("declined") }
                        if let page = answer(arrival) { reply.answer(page) }
                    }
                }
            }
        }

        var all: [String] { seen.all }
    }

    static let token = "dfbdffb88582aa3fd0492a5492768204"

    /// A /proc file read to its end (its size says 0, and it may be longer than one read).
    static func procFile(_ path: String) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("it listens on 127.0.0.1 only (the kernel's table says so), and the page a browser gets comes from the wait")
    func loopbackOnly() async throws {
        let callback = LoopbackCallback()
        defer { callback.close() }
        let address = try callback.open()
        #expect(try callback.open() == address, "opening again keeps the same address")
        let hexPort = String(format: "%04X", Int(address.port))
        // The kernel lists sockets while other tests open and close theirs, and a read of the
        // table may skip an entry then: read it until ours is there (a deadline bounds a failure).
        func listening() -> [Substring] {
            Self.procFile("/proc/net/tcp").split(separator: "\n").filter { $0.contains(":\(hexPort) ") && $0.split(separator: " ")[3] == "0A" }
        }
        #expect(await eventually(within: .seconds(10)) { !listening().isEmpty }, "our socket in the kernel's table")
        let ours = listening()
        #expect(ours.count == 1 && ours.first?.split(separator: " ")[1] == "0100007F:\(hexPort)", "\(ours)")
        let tcp6 = Self.procFile("/proc/net/tcp6")
        #expect(!tcp6.contains(":\(hexPort) "), "nothing on IPv6")

        let browsers = Browsers(callback) { _ in .connected(service: "Last.fm", username: "alice") }
        let landed = try #require(await RawHTTP.get(address.url + "?token=\(Self.token)"))
        #expect(landed.status == 200 && landed.body.contains("received the session for alice on Last.fm"))
        #expect(landed.headers["content-type"] == "text/html; charset=utf-8" && landed.headers["cache-control"] == "no-store")
        #expect(!landed.body.contains(Self.token))
        #expect(browsers.all == ["approved \(Self.token)"])
    }

    @Test("forged requests are refused and never reach the wait: another path, another Host, a POST, a bad token, a huge header")
    func forged() async throws {
        let callback = LoopbackCallback()
        defer { callback.close() }
        let address = try callback.open()
        let browsers = Browsers(callback) { _ in .connected(service: "Last.fm", username: "mallory") }
        let port = Int(address.port)
        let guessed = await RawHTTP.get("http://127.0.0.1:\(port)/0123456789abcdef0123456789abcdef?token=\(Self.token)")
        #expect(guessed?.status == 404 && guessed?.body.contains("mallory") == false)
        let rebound = await RawHTTP.exchange(port: port, "GET \(address.path)?token=\(Self.token) HTTP/1.1\r\nHost: evil.example:\(port)\r\nConnection: close\r\n\r\n")
        #expect(rebound?.status == 421)
        let posted = await RawHTTP.post(address.url + "?token=\(Self.token)", form: [("token", Self.token)])
        #expect(posted?.status == 405)
        let odd = await RawHTTP.get(address.url + "?token=\(Self.token.dropLast())%3C")
        #expect(odd?.status == 400)
        let huge = await RawHTTP.exchange(port: port, "GET \(address.path)?token=\(Self.token) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Padding: "
                                    + String(repeating: "a", count: 20_000) + "\r\nConnection: close\r\n\r\n")
        #expect(huge.map { $0.status >= 400 } ?? true, "a request beyond 8 KiB is refused by libmicrohttpd: \(String(describing: huge?.status))")
        #expect(browsers.all.isEmpty)
    }

    @Test("a browser that comes back without a token is a decline, answered with the wait's page")
    func declined() async throws {
        let callback = LoopbackCallback()
        defer { callback.close() }
        let address = try callback.open()
        let browsers = Browsers(callback) { _ in .declined }
        let declined = try #require(await RawHTTP.get(address.url))
        #expect(declined.status == 200 && declined.body.contains("Access was not granted"))
        #expect(browsers.all == ["declined"])
    }

    @Test("a browser the wait does not answer in time is told the terminal has the rest")
    func slowWait() async throws {
        let callback = LoopbackCallback(replyDeadline: .milliseconds(200))
        defer { callback.close() }
        let address = try callback.open()
        let browsers = Browsers(callback) { _ in nil }
        let slow = try #require(await RawHTTP.get(address.url + "?token=\(Self.token)"))
        #expect(slow.body.contains("<h1>Approval received</h1>"))
        #expect(browsers.all == ["approved \(Self.token)"])
    }

    @Test("closed: the port refuses connections, the arrivals end, a browser still waiting is told the wait is over")
    func closed() async throws {
        let callback = LoopbackCallback()
        let address = try callback.open()
        let browsers = Browsers(callback) { _ in nil }
        let waiting = Task { await RawHTTP.get(address.url + "?token=\(Self.token)") }
        #expect(await eventually { browsers.all.count == 1 })
        callback.close()
        let page = await waiting.value
        #expect(page?.body.contains("no longer waiting") == true)
        await browsers.task.value
        let after = await RawHTTP.get(address.url + "?token=\(Self.token)")
        #expect(after == nil, "nothing listens any more")
        #expect(callback.address == nil)
    }
}
