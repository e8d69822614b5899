import LastFMAuth
import LastFMSandbox
import Synchronization
import Testing
import TestSupport

/// The wait with a loopback callback against the sandbox's web flow, in process: either page ends
/// it, a browser that comes back without approval does not, and the listener does not outlive it.
@Suite("The wait with a loopback callback")
struct CallbackFlowTests {
    /// A flow for the harness's sandbox, with the wait's updates collected as they come.
    final class Run: Sendable {
        let flow: AuthFlow
        let grant: TokenGrant
        let callback = LoopbackCallback()
        let checkNow = CheckNowSignal()
        let log = UpdateLog()
        let page: String
        let task: Task<Void, Never>

        init(_ sandbox: SandboxHarness) async throws {
            let scratch = ScratchFolder()
            flow = AuthFlow(client: sandbox.client, schedule: PollingSchedule(interval: .seconds(1)),
                            credentials: CredentialsStore(path: scratch.credentialsPath), profileName: "callback")
            grant = try await flow.startOrResume(allowResume: false)
            page = flow.browserPage(for: grant, callback: callback).url
            let updates = flow.wait(for: grant, clock: ContinuousClock(), checkNow: checkNow, callback: callback)
            task = Task { [log] in
                for await update in updates { log.append(update) }
                log.end()
            }
        }

        var updates: [WaitUpdate] { log.updates }
        var isOver: Bool { log.isOver }
        var final: WaitState? {
            updates.compactMap { if case .state(let state) = $0, state.isFinal { state } else { nil } }.first
        }
    }

    /// The updates a wait gave, from its consumer's task.
    final class UpdateLog: Sendable {
        private let state = Mutex<(updates: [WaitUpdate], over: Bool)>(([], false))
        func append(_ update: WaitUpdate) { state.withLock { $0.updates.append(update) } }
        func end() { state.withLock { $0.over = true } }
        var updates: [WaitUpdate] { state.withLock { $0.updates } }
        var isOver: Bool { state.withLock { $0.over } }
    }

    @Test("Allow on the web flow's page: the browser lands on 'connected', the wait ends with that session, the listener is gone")
    func allowed() async throws {
        try await SandboxHarness.with { sandbox in
            let run = try await Run(sandbox)
            #expect(run.page.contains("&cb=http%3A%2F%2F127.0.0.1%3A") && !run.page.contains("token="), "the web flow's page: \(run.page)")
            let address = try #require(run.callback.address)
            let visit = try #require(await SandboxBrowser.press("allow", on: run.page))
            #expect(visit.answer.status == 302)
            let landed = try #require(visit.landed)
            #expect(landed.status == 200 && landed.body.contains("received the session for sandbox-user on 127.0.0.1"))
            await run.task.value
            guard case .authorized(let session)? = run.final else { Issue.record("ended with \(run.updates)"); return }
            #expect(session.username == "sandbox-user")
            #expect(!landed.body.contains(session.key) && !landed.body.contains(run.grant.token))
            let after = await RawHTTP.get(address.url)
            #expect(after == nil, "the listener closed with the wait")
        }
    }

    @Test("Deny: the browser is told, the fronts hear 'declined', the polling goes on and the desktop page still ends it")
    func denied() async throws {
        try await SandboxHarness.with { sandbox in
            let run = try await Run(sandbox)
            let visit = try #require(await SandboxBrowser.press("deny", on: run.page))
            #expect(visit.landed?.body.contains("Access was not granted") == true)
            #expect(await eventually { run.updates.contains(.browserReturned(.declined)) })
            #expect(!run.isOver)
            #expect(sandbox.server.approve(token: run.grant.token))
            run.checkNow.fire()
            await run.task.value
            guard case .authorized? = run.final else { Issue.record("ended with \(run.updates)"); return }
        }
    }

    @Test("a token brought to the right port at the wrong address, or with another Host, is refused and the wait goes on")
    func forged() async throws {
        try await SandboxHarness.with { sandbox in
            let run = try await Run(sandbox)
            let address = try #require(run.callback.address)
            // The attacker's own approved token, from the same server's web flow.
            let attacker = try await sandbox.client.getToken()
            #expect(sandbox.server.approve(token: attacker, as: "mallory"))
            let guessed = await RawHTTP.get("http://127.0.0.1:\(address.port)/00000000000000000000000000000000?token=\(attacker)")
            #expect(guessed?.status == 404)
            let rebound = await RawHTTP.exchange(port: Int(address.port), "GET \(RawHTTP.split(address.url)!.target)?token=\(attacker) HTTP/1.1\r\n"
                                                 + "Host: attacker.example:\(address.port)\r\nConnection: close\r\n\r\n")
            #expect(rebound?.status == 421)
            #expect(run.updates.allSatisfy { if case .state(let state) = $0 { !state.isFinal } else { false } }, "\(run.updates)")
            #expect(!run.isOver)
            // A front that stops waiting (the wizard's n, q, Esc) closes the listener with the wait.
            run.task.cancel()
            await run.task.value
            #expect(await eventually { run.callback.address == nil })
            let after = await RawHTTP.get(address.url)
            #expect(after == nil)
        }
    }

    @Test("approved on the desktop page first (another device): the wait ends and the listener with it")
    func desktopFirst() async throws {
        try await SandboxHarness.with { sandbox in
            let run = try await Run(sandbox)
            let address = try #require(run.callback.address)
            #expect(sandbox.server.approve(token: run.grant.token))
            run.checkNow.fire()
            await run.task.value
            guard case .authorized? = run.final else { Issue.record("ended with \(run.updates)"); return }
            let late = await RawHTTP.get(address.url + "?token=\(run.grant.token)")
            #expect(late == nil)
        }
    }
}
