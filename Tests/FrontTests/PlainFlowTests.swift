import Foundation
import LastFMAuth
import Testing
import TestSupport
@testable import lastfm_auth

/// The plain front's flow in process (issue #26): what these tests check was checked by starting
/// the binary against a sandbox and waiting on the real clock; the process itself (start-up,
/// signals, pipes, the terminal) is still tested end to end in EndToEndTests.
@Suite("The plain front's flow, in process on a manual clock")
struct PlainFlowTests {
    typealias Reply = ScriptedServer.Reply
    static let approved: [Reply] = [.session(user: "alice", key: TestCredentials.sessionKey)]
    static let gnufm = try! Service.custom(apiRoot: "http://127.0.0.1:4242/2.0/", authPage: "http://127.0.0.1:4242/api/auth/")

    @Test("a wrong secret (error 13) names the secret as the thing to fix; a wrong key (10) the key", arguments: [
        (Reply.error(13, "Invalid method signature supplied"), "The shared secret does not match this API key (error 13)."),
        (.error(10, "Invalid API key"), "The API key was refused: error 10 from the server: Invalid API key. Check the key on your API account page."),
    ])
    func wrongCredentials(answer: Reply, sentence: String) async {
        let h = PlainHarness(server: ScriptedServer(getToken: [answer], getSession: []))
        guard case .failure(let error) = await h.runToEnd() else { Issue.record("no refusal"); return }
        #expect(error.status == 1)
        #expect(error.message.hasPrefix(sentence))
        #expect(h.server.calls == ["auth.getToken"], "asked once: a refusal is not retried")
    }

    @Test("--new-token asks for a new token although an earlier run left one waiting; without it, the earlier one is resumed", arguments: [false, true])
    func newTokenFlag(resume: Bool) async {
        let h = PlainHarness(server: ScriptedServer(getSession: Self.approved), resume: resume)
        OneVoiceTests.leavePendingToken(in: h.store)
        #expect(await h.runToEnd() == .success(0))
        #expect(h.server.calls == (resume ? ["auth.getSession"] : ["auth.getToken", "auth.getSession"]))
        #expect(h.lines.text.contains("Resumed the token from an earlier run (4 min old).") == resume)
        #expect(h.lines.text.contains("token=\(resume ? "0000000000000000000000000000beef" : TestCredentials.token)"))
    }

    @Test("if saving fails, the session key is shown with the reason, --print still delivers it, and the exit status is 1")
    func saveFailureKeepsKey() async throws {
        let h = PlainHarness(server: ScriptedServer(getSession: Self.approved), printFormat: .env)
        // The lock file is only opened to save: a folder in its place makes saving (and nothing else) fail.
        try FileManager.default.createDirectory(atPath: h.store.path + ".lock", withIntermediateDirectories: true)
        #expect(await h.runToEnd() == .success(1))
        let said = h.lines.all
        #expect(said.contains { $0.kind == .problem && $0.text.hasPrefix("The session could not be saved") })
        let follows = try #require(said.firstIndex { $0.text == Wording.sessionKeyFollows(Session(username: "alice", key: "")) })
        #expect(said[follows + 1].text == TestCredentials.sessionKey)
        #expect(h.lines.standardOutput.contains("LASTFM_SESSION_KEY='\(TestCredentials.sessionKey)'"))
    }

    @Test("transient faults are retried with a message each, and the run still succeeds")
    func retriesFaults() async {
        let h = PlainHarness(server: ScriptedServer(getToken: [.http(503, retryAfter: 1), .error(16, "temporary"), .token(TestCredentials.token)],
                                                    getSession: [.error(11, "Service offline"), .error(14, "Unauthorized Token")] + Self.approved))
        #expect(await h.runToEnd() == .success(0))
        let text = h.lines.text
        #expect(text.contains("The server answered HTTP 503. Trying again in 3 s."))
        #expect(text.contains("Error 16 from the server: temporary. Trying again in"))
        #expect(text.contains("Error 11 from the server: Service offline. Checking again in 3 s (token valid for 60 min)."))
        #expect(text.contains("The server answers again; still waiting for approval."))
        #expect(text.contains("Authorized as alice."))
        #expect(h.server.times(of: "auth.getToken").count == 3)
    }

    @Test("a web page where the API should be, and a 404: one try, the address named, what an API root looks like", arguments: [
        (Reply.page(200, contentType: "text/html; charset=utf-8", body: "<!DOCTYPE html>\n<html><head><title>Libre.fm</title></head><body>Welcome</body></html>"),
         "this address serves a web page, not the Last.fm API (HTTP 200)"),
        (.page(404, contentType: "text/html", body: "<html>Not Found</html>"), "there is no Last.fm-compatible API at this address (HTTP 404)"),
    ])
    func notTheAPI(answer: Reply, reason: String) async {
        let h = PlainHarness(server: ScriptedServer(getToken: [answer], getSession: []), service: Self.gnufm)
        guard case .failure(let error) = await h.runToEnd() else { Issue.record("no refusal"); return }
        #expect(error.message == "Could not get a token from http://127.0.0.1:4242/2.0/: \(reason). An API root usually ends in /2.0/, such as http://127.0.0.1:4242/2.0/.")
        #expect(h.server.calls == ["auth.getToken"], "not retried: the address is wrong, not busy")
        #expect(h.clock.now.offset == .zero, "ended at once")
    }

    /// Issue #27: a typed address where nothing listens was retried for ever, never a word about the address.
    @Test("nothing answering at a typed address: from the second refusal on, the line says the address may be wrong and how to change it")
    func addressMayBeWrong() async {
        let h = PlainHarness(server: ScriptedServer(getToken: [.down], getSession: []), service: Self.gnufm, terminal: true)
        let running = h.start()
        for _ in 0..<6 where !h.lines.text.contains("If the address is wrong") { await h.advance(by: .seconds(60)) }
        running.cancel()
        _ = await running.value
        let retries = h.lines.all.map(\.text).filter { $0.contains("Trying again in") }
        #expect(retries.count >= 2)
        #expect(retries.first == "Could not connect to 127.0.0.1:9: connection refused. Trying again in 3 s.", "the first may be a server starting")
        #expect(retries.dropFirst().allSatisfy { $0.hasSuffix("If the address is wrong (the port, or http:// against https://), press Ctrl-C and run again with the right --api-root.") },
                "lines: \(retries)")
    }

    @Test("no key for a server that may not check one: a key and secret are made on the spot, said, used and saved")
    func withoutAPIAccount() async throws {
        let h = PlainHarness(server: ScriptedServer(getSession: Self.approved), service: Self.gnufm, apiKey: nil, secret: nil)
        #expect(await h.runToEnd() == .success(0))
        // Issue #27: "saved with the profile" is no longer said before anything is saved.
        #expect(h.lines.text.contains("Going on without an API account: a key and secret were made on the spot for 127.0.0.1."))
        let saved = try #require(h.scratch.read(h.store.path))
        let key = try #require(saved.firstMatch(of: /"api_key" : "([0-9a-f]{32})"/)?.1)
        #expect(key != TestCredentials.apiKey && h.lines.text.contains("api_key=\(key)&token=\(TestCredentials.token)"), "the made-up key is used and saved")
    }

    @Test("a made-up key that the server refuses after all: real ones are asked for, with where to give them")
    func realCredentialsNeeded() async {
        let h = PlainHarness(server: ScriptedServer(getToken: [.error(10, "Invalid API key")], getSession: []), service: Self.gnufm, apiKey: nil, secret: nil)
        guard case .failure(let error) = await h.runToEnd() else { Issue.record("no refusal"); return }
        #expect(error.message.hasPrefix("This server checks API keys after all: error 10 from the server: Invalid API key. An API account's key and shared secret are needed."))
        #expect(error.message.hasSuffix(Wording.giveCredentials))
    }

    @Test("on a terminal a wrong key is asked again; Enter without one goes on without an API account where that is possible")
    func prompts() async {
        let h = PlainHarness(server: ScriptedServer(getSession: Self.approved), service: Self.gnufm, apiKey: nil, secret: nil, terminal: true,
                             typed: ["12345", ""])
        #expect(await h.runToEnd() == .success(0))
        let said = h.lines.all
        #expect(said.filter { $0.kind == .prompt }.map(\.text) == [Wording.Prompt.optionalAPIKey, Wording.Prompt.optionalAPIKey])
        #expect(said.contains { $0.text == "The API key has 5 characters; it should have 32. Try again." })
        #expect(said.contains { $0.text.hasPrefix("Going on without an API account") })
    }
}
