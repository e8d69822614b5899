#if canImport(Glibc)
import Glibc
#endif
import LastFMAuth
import LastFMSandbox
import Testing

/// What `lastfm-auth --sandbox`'s `a` key uses: approval over HTTP, since the sandbox is another process.
@Suite("Approving a sandbox token over HTTP, and the socket a sandbox inherits")
struct SandboxApprovalTests {
    @Test("approved once, then not pending; the session is then issued to the named user")
    func approveOnce() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.client.getToken()
            let address = sandbox.server.address
            #expect(await SandboxApproval.approve(token: token, user: "Zoë", at: address, via: sandbox.transport) == .approved)
            #expect(await SandboxApproval.approve(token: token, at: address, via: sandbox.transport) == .notPending)
            #expect(try await sandbox.client.getSession(token: token).username == "Zoë")
            #expect(await SandboxApproval.approve(token: String(repeating: "0", count: 32), at: address, via: sandbox.transport) == .notPending)
        }
    }

    @Test("a sandbox that is not there: failed, with the transport's reason")
    func nobodyThere() async throws {
        // A port just freed: nothing listens on it.
        let socket = try LoopbackSocket(port: 0)
        close(socket.descriptor)
        let outcome = await SandboxApproval.approve(token: "t", at: SandboxAddress(port: socket.port), via: CurlTransport(environment: [:]))
        guard case .failed(let reason) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(reason.contains("127.0.0.1"), "the reason names the address: \(reason)")
    }

    @Test("an inherited socket is taken only if it listens on 127.0.0.1")
    func inheritedSocket() throws {
        let listening = try LoopbackSocket(port: 0)
        defer { close(listening.descriptor) }
        #expect(try LoopbackSocket(inherited: listening.descriptor).port == listening.port)

        let unbound = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(unbound) }
        #expect(throws: LoopbackSocket.Failure.self) { try LoopbackSocket(inherited: unbound) }
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        #expect(throws: LoopbackSocket.Failure.self) { try LoopbackSocket(inherited: ends[0]) }
    }
}
