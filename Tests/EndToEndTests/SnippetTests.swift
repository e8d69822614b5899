import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// The library documentation's code (Snippets/, shown by the DocC articles) is built with the
/// package and run here, so the articles cannot show code that does not work.
@Suite("The documentation's snippets run")
struct SnippetTests {
    @Test("ConnectAnAccount: the whole flow in a page of code, against the sandbox, saves a session lastfm-auth can use")
    func connectAnAccount() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            var environment = scratch.environmentWithSandboxCredentials
            environment["LASTFM_API_ROOT"] = sandbox.apiRoot
            environment["LASTFM_AUTH_URL"] = sandbox.authPage
            let (status, stdout, stderr) = try await RunningProcess.run([], environment: environment, executable: RunningProcess.sibling("ConnectAnAccount"))
            #expect(status == 0, "\(stderr)")
            #expect(stdout.contains("\(sandbox.authPage)?api_key=\(SandboxAccount.apiKey)&token="))
            #expect(stdout.hasSuffix("Connected as sandbox-user; saved to \(scratch.credentialsPath).\n"))
            let check = try await RunningProcess.run(["status", "--json"], environment: scratch.environment)
            #expect(check.0 == 0 && check.1.contains(#""state":"connected""#))
        }
    }

    @Test("TestAClientAgainstTheSandbox: every check in it passes")
    func testAgainstTheSandbox() async throws {
        let (status, stdout, stderr) = try await RunningProcess.run([], environment: [:], executable: RunningProcess.sibling("TestAClientAgainstTheSandbox"))
        #expect(status == 0, "\(stderr)")
        #expect(stdout == "All checks passed.\n")
    }
}
