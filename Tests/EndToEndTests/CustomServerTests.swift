import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// Issue #19, through the real binary: custom servers typed as people type them, and addresses
/// that are not the API named as such at once (a real GNU FM site's root took 29 s and three
/// retries to end in a parser's words).
@Suite("Custom servers off the happy road (plain front)")
struct CustomServerTests {
    static func run(_ root: String, sandbox: SandboxServer, scratch: ScratchFolder) async throws -> (status: Int32?, stderr: String, seconds: Double) {
        let started = ContinuousClock.now
        let (status, _, stderr) = try await RunningProcess.run(["--plain", "--no-browser", "--api-root", root, "--interval", "1"],
                                                               environment: scratch.environmentWithSandboxCredentials)
        let elapsed = started.duration(to: .now)
        return (status, stderr, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test("a bare host gets /2.0/ and the authorize page is derived from it; both are said, and the flow succeeds")
    func bareHost() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let origin = "http://127.0.0.1:\(sandbox.port)"
            let result = try await Self.run(origin, sandbox: sandbox, scratch: scratch)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("Using the API root \(origin)/2.0/ (typed as \(origin))."))
            #expect(result.stderr.contains("Using the authorize page \(origin)/api/auth/, derived from the API root."))
            #expect(result.stderr.contains("\(origin)/api/auth/?api_key="), "the authorize URL uses the derived page")
            #expect(!result.stderr.contains("redirect"))
        }
    }
}
