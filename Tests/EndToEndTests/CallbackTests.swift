import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// The loopback callback through the real binary against the sandbox: the browser it starts gets
/// the web flow's page and Allow there ends the run at once; SSH, --no-callback and a browser that
/// never comes back keep the desktop page and the polling.
@Suite("The loopback callback, end to end")
struct CallbackTests {
    /// `--sandbox` in the plain front with a recording browser; the interval is long, so only the
    /// callback can end the run quickly.
    static func plainRun(_ scratch: ScratchFolder, browser: RecordingBrowser, more: [String] = [], environment extra: [String: String] = [:]) throws -> RunningProcess {
        try RunningProcess(["--sandbox", "--plain", "--interval", "30"] + more, environment: browser.environment(scratch.environment).merging(extra) { $1 })
    }

    @Test("plain: Allow on the page the browser got ends the run within a fraction of a second, and the session is saved")
    func plainAllow() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let browser = RecordingBrowser(in: scratch)
        let run = try Self.plainRun(scratch, browser: browser, more: ["--print", "env"], environment: ["LASTFM_AUTH_ASCII": "1"])
        let page = try #require(await browser.firstPage())
        #expect(page.contains("/api/auth/?api_key=") && page.contains("&cb=http%3A%2F%2F127.0.0.1%3A") && !page.contains("token="))
        // What every user can read in `ps`: the browser's arguments are a private page's name, not
        // the callback's address (whose path is the listener's only secret); and it is given no LASTFM_*.
        let callbackPath = try #require(page.split(separator: "%2F").last.map(String.init))
        let arguments = browser.arguments
        #expect(arguments.count == 1 && arguments[0].hasPrefix("file:///") && arguments[0].hasSuffix("/open-\(run.pid).html"), "\(arguments)")
        #expect(!arguments.joined().contains(callbackPath) && !arguments.joined().contains("cb="), "\(arguments)")
        #expect(!browser.environmentNames.isEmpty && !browser.environmentNames.contains { $0.hasPrefix("LASTFM_") }, "\(browser.environmentNames)")
        // The browser outlives the run: it holds no socket or pipe, neither the listener's nor the
        // one this test's Process gave lastfm-auth to learn of its exit.
        let targets = browser.descriptorTargets
        #expect(!targets.isEmpty && !targets.contains { $0.hasPrefix("socket:") || $0.hasPrefix("pipe:") }, "the browser's descriptors: \(targets)")
        #expect(await run.waitForStderr(containing: "approval there is noticed at once."))
        let allowed = ContinuousClock.now
        let visit = try #require(await SandboxBrowser.press("allow", on: page))
        let landed = try #require(visit.landed)
        #expect(landed.body.contains("<h1>Connected</h1>") && landed.body.contains("received the session for sandbox-user on the built-in sandbox"))
        #expect(await run.exitStatus() == 0)
        print("callback: Allow to exit \(ContinuousClock.now - allowed) (interval 30 s)")
        #expect(run.stderr.contains("Authorized as sandbox-user."))
        let key = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("export LASTFM_SESSION_KEY=") })
        #expect(!landed.body.contains(key.dropFirst("export LASTFM_SESSION_KEY='".count).dropLast()))
        #expect(scratch.read(scratch.credentialsPath)?.contains("sandbox-user") == true)
        let callback = try #require(page.split(separator: "cb=").last.flatMap { FormEncoding.decode("cb=" + $0)?["cb"] })
        let after = await RawHTTP.get(callback)
        #expect(after == nil, "the listener ended with the run")
    }

    @Test("plain: Deny is said in the front's words, the polling goes on, and the desktop page still finishes")
    func plainDeny() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let browser = RecordingBrowser(in: scratch)
        let run = try RunningProcess(["--sandbox", "--plain", "--interval", "1"], environment: browser.environment(scratch.environment))
        let page = try #require(await browser.firstPage())
        let visit = try #require(await SandboxBrowser.press("deny", on: page))
        #expect(visit.landed?.body.contains("Access was not granted") == true)
        #expect(await run.waitForStderr(containing: Wording.browserReturned(.declined)))
        let token = try #require(PlainModeTests.token(in: run.stderr))
        try await PlainModeTests.approve(page: String(page.prefix { $0 != "?" }), token: token)
        #expect(await run.exitStatus() == 0)
        #expect(run.stderr.contains("Authorized as sandbox-user."))
    }

    @Test("with --no-callback, and over SSH with a display forwarded (ssh -X), the browser gets the desktop page", arguments: [
        (["--no-callback"], [String: String]()), ([], ["SSH_CONNECTION": "10.0.0.2 50000 10.0.0.1 22", "DISPLAY": "localhost:10.0"]),
        ([], ["SSH_TTY": "/dev/pts/7", "DISPLAY": "localhost:10.0"]),
    ])
    func desktopPage(more: [String], environment: [String: String]) async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let browser = RecordingBrowser(in: scratch)
        let run = try Self.plainRun(scratch, browser: browser, more: more + ["--interval", "1"], environment: environment)
        let page = try #require(await browser.firstPage())
        #expect(page.contains("&token=") && !page.contains("cb="), "\(page)")
        let token = try #require(PlainModeTests.token(in: page))
        #expect(!browser.arguments.joined().contains(token), "the token is in the browser's arguments: \(browser.arguments)")
        #expect(await run.waitForStderr(containing: "Opened the page with"))
        #expect(!run.stderr.contains("noticed at once"))
        try await PlainModeTests.approve(page: String(page.prefix { $0 != "?" }), token: token)
        #expect(await run.exitStatus() == 0)
    }

    @Test("over SSH with no display, BROWSER is not started (it would get a page on this machine, and the address itself is for no process's arguments): the address is on the screen, polling finishes", arguments: [
        ["SSH_CONNECTION": "10.0.0.2 50000 10.0.0.1 22"], ["SSH_TTY": "/dev/pts/7"],
    ])
    func overSSH(environment: [String: String]) async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let browser = RecordingBrowser(in: scratch)
        let run = try Self.plainRun(scratch, browser: browser, more: ["--interval", "1"], environment: environment)
        #expect(await run.waitForStderr(containing: "Could not open a browser: over SSH, it would be given a page on this machine, which a browser on yours cannot open. Open the address yourself."), "\(run.stderr)")
        let token = try #require(PlainModeTests.token(in: run.stderr))
        let page = try #require(run.stderr.split(separator: "\n").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init))
        try await PlainModeTests.approve(page: String(page.prefix { $0 != "?" }), token: token)
        #expect(await run.exitStatus() == 0)
        #expect(browser.arguments.isEmpty, "started: \(browser.arguments)")
    }

    @Test("a browser that never comes back: the desktop page's polling still finishes, and the listener is gone after")
    func browserNeverReturns() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let browser = RecordingBrowser(in: scratch)
        let run = try RunningProcess(["--sandbox", "--plain", "--interval", "1"], environment: browser.environment(scratch.environment))
        let page = try #require(await browser.firstPage())
        #expect(await run.waitForStderr(containing: "curl -s -d action=allow"))
        let token = try #require(PlainModeTests.token(in: run.stderr))
        try await PlainModeTests.approve(page: String(page.prefix { $0 != "?" }), token: token)
        #expect(await run.exitStatus() == 0)
        let callback = try #require(page.split(separator: "cb=").last.flatMap { FormEncoding.decode("cb=" + $0)?["cb"] })
        // Nothing of lastfm-auth answers there: refused, or (the port is free again, and tests run
        // in parallel) another test's server that took it, which is not the callback's page.
        let after = await RawHTTP.get(callback)
        #expect(after == nil || !(after?.body.contains("lastfm-auth") ?? false), "the callback still answers: \(String(describing: after))")
    }

    @Test("the wizard: o hands the browser the web flow's page, the screen keeps the desktop address, Allow there ends the wait at once")
    func wizard() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let browser = RecordingBrowser(in: scratch)
        let tmux = try await TmuxSession.start(["--sandbox", "--interval", "30"], environment: browser.environment(scratch.environment))
        let authorize = try await tmux.walkSandboxToAuthorize()
        #expect(authorize.found, "screen:\n\(authorize.screen)")
        #expect(WizardScreenTests.token(on: authorize.screen) != nil, "the desktop address is on the screen")
        try await tmux.send("o")
        let opened = try await tmux.waitFor("noticed at once")
        #expect(opened.found, "screen:\n\(opened.screen)")
        let page = try #require(await browser.firstPage())
        #expect(page.contains("&cb=http%3A%2F%2F127.0.0.1%3A") && !page.contains("token="))
        let visit = try #require(await SandboxBrowser.press("allow", on: page))
        #expect(visit.landed?.body.contains("<h1>Connected</h1>") == true)
        let done = try await tmux.waitFor("Authorized as sandbox-user", timeout: .seconds(10))
        #expect(done.found, "screen:\n\(done.screen)")
        try await tmux.send("Enter")
        #expect(try await tmux.exitStatus() == 0)
        try await tmux.expectRestored()
    }

    @Test("libmicrohttpd is loaded for the browser's page and not without one (--no-browser: a whole flow, approved)")
    func libraryOnlyWithABrowser() async throws {
        for browse in [true, false] {
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            let browser = RecordingBrowser(in: scratch)
            // ld.so names every library it loads, dlopen'ed ones included, in LD_DEBUG_OUTPUT.PID.
            let report = scratch.home + "/ld-report"
            let run = try Self.plainRun(scratch, browser: browser, more: ["--interval", "1"] + (browse ? [] : ["--no-browser"]),
                                        environment: ["LD_DEBUG": "files", "LD_DEBUG_OUTPUT": report])
            #expect(await run.waitForStderr(containing: "curl -s -d action=allow"))
            let token = try #require(PlainModeTests.token(in: run.stderr))
            let page = try #require(run.stderr.split(separator: "\n").first { $0.hasPrefix("http://127.0.0.1:") })
            try await PlainModeTests.approve(page: String(page.prefix { $0 != "?" }), token: token)
            #expect(await run.exitStatus() == 0)
            let reports = try FileManager.default.contentsOfDirectory(atPath: scratch.home).filter { $0.hasPrefix("ld-report.") }
            // Also the sandbox's program and the browser script report: neither loads either library.
            let all = reports.compactMap { scratch.read(scratch.home + "/" + $0) }.joined()
            #expect(all.contains("libcurl"), "the report lists what was loaded")
            #expect(all.contains("libmicrohttpd") == browse, browse ? "opened for the browser's page" : "loaded with no page handed out")
        }
    }

    @Test("no usable libmicrohttpd (a stand-in without its functions first on LD_LIBRARY_PATH): the browser gets the desktop page, --verbose says why, polling finishes")
    func libraryMissing() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let source = scratch.write("stand-in.c", "int lastfm_auth_not_microhttpd(void) { return 0; }\n")
        let built = try await ToolRun.run("clang", ["-shared", "-fPIC", "-o", scratch.path + "/libmicrohttpd.so.12", source])
        try #require(built.status == 0, "clang: \(built.errors)")
        let browser = RecordingBrowser(in: scratch)
        let run = try Self.plainRun(scratch, browser: browser, more: ["--interval", "1", "--verbose"], environment: ["LD_LIBRARY_PATH": scratch.path])
        let page = try #require(await browser.firstPage())
        #expect(page.contains("&token=") && !page.contains("cb="), "\(page)")
        let token = try #require(PlainModeTests.token(in: page))
        #expect(!browser.arguments.joined().contains(token), "the token is in the browser's arguments: \(browser.arguments)")
        #expect(await run.waitForStderr(containing: "Not listening for the browser's return: libmicrohttpd could not be loaded: libmicrohttpd has no MHD_start_daemon. Install it with: apt-get install libmicrohttpd12. Approval is noticed at the next check."))
        #expect(await run.waitForStderr(containing: "Opened the page with \(browser.script)."))
        try await PlainModeTests.approve(page: String(page.prefix { $0 != "?" }), token: token)
        #expect(await run.exitStatus() == 0)
    }
}
