#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import LastFMSandbox
import Testing

@Suite("The sandbox's socket is ready before its event loop")
struct SandboxStartTests {
    @Test("a client that connects and sends before startServing() is answered once it starts")
    func queuedBeforeStart() async throws {
        let server = try SandboxServer(SandboxConfiguration())
        try await server.whileRunning { server in
            // A plain blocking socket: connect and send complete against the listen backlog alone.
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var limit = timeval(tv_sec: 60, tv_usec: 0)  // a broken server fails the test instead of hanging it (10 s was too short on a loaded CI machine)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(server.port).bigEndian)
            address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            #expect(connected == 0, "connect before the event loop runs")
            let request = Array("GET /api/auth/?api_key=x&token=y HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
            #expect(request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) } == request.count)

            try await server.startServing()
            try await server.startServing()  // a second call does nothing
            // The blocking read gets a thread of its own: on one of the test runner's two cooperative
            // threads it starved the sandbox it waits for (and every other test) until its timeout.
            let reply = await withCheckedContinuation { continuation in
                DispatchQueue(label: "SandboxStartTests.read").async {
                    var reply: [UInt8] = []
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    while true {
                        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                        if count <= 0 { break }
                        reply += buffer[0..<count]
                    }
                    continuation.resume(returning: reply)
                }
            }
            #expect(String(decoding: reply, as: UTF8.self).hasPrefix("HTTP/1.1 "), "the queued request was answered")
        }
    }

    @Test("stopping a sandbox that never started frees its port")
    func stopUnstarted() async throws {
        let server = try SandboxServer(SandboxConfiguration())
        let port = server.port
        await server.stop()
        let again = try SandboxServer(SandboxConfiguration(port: port))
        #expect(again.port == port)
        await again.stop()
    }
}
