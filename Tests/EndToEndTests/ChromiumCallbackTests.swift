import Foundation
import LastFMAuth
import Testing
import TestSupport

/// A real browser at the other end of the callback: headless Chromium, driven through WebDriver
/// (Tests/Browser/press_button.py: Debian's chromium, chromium-driver and python3-selenium, which
/// scripts/setup-tests installs), opens what lastfm-auth opened, presses the sandbox's button and lands
/// on lastfm-auth's page.
@Suite("The loopback callback in headless Chromium")
struct ChromiumCallbackTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/press_button.py").path

    /// Presses `action` on `page` in Chromium; what the script printed.
    static func press(_ action: String, on page: String) async throws -> ToolRun {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"), "chromium-driver is missing: run scripts/setup-tests")
        return try await ToolRun.run("/usr/bin/python3", [script, page, action])
    }

    @Test("Allow in Chromium, started as lastfm-auth starts a browser (on the private page): it lands on 'Connected' and the plain front's run ends at once, though it polls every 30 s")
    func allow() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let browser = RecordingBrowser(in: scratch)
        let run = try CallbackTests.plainRun(scratch, browser: browser)
        #expect(await browser.firstPage() != nil)
        let started = try #require(browser.arguments.first)
        #expect(started.hasPrefix("file:///"))
        let chromium = try await Self.press("allow", on: started)
        #expect(chromium.status == 0, "\(chromium.errors)")
        #expect(chromium.output.contains("showing: http://127.0.0.1:") && chromium.output.contains("/api/auth/\n"), "the private page sent Chromium on: \(chromium.output)")
        let landed = ContinuousClock.now
        #expect(chromium.output.contains("pressing: Allow access"))
        #expect(chromium.output.contains("heading: Connected"), "\(chromium.output)")
        #expect(chromium.output.contains("received the session for sandbox-user on the built-in sandbox. You can close this tab and return to the terminal."))
        #expect(await run.exitStatus(timeout: .seconds(5)) == 0, "ended by the callback, not by the 30 s polling")
        print("chromium: the run ended \(ContinuousClock.now - landed) after the browser had landed")
        #expect(run.stderr.contains("Authorized as sandbox-user."))
    }

    @Test("Deny in Chromium: 'Access was not granted' on the page and in the front, which goes on waiting")
    func deny() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        let browser = RecordingBrowser(in: scratch)
        let run = try CallbackTests.plainRun(scratch, browser: browser)
        let page = try #require(await browser.firstPage())
        let chromium = try await Self.press("deny", on: page)
        #expect(chromium.status == 0, "\(chromium.errors)")
        #expect(chromium.output.contains("heading: Access was not granted"), "\(chromium.output)")
        #expect(await run.waitForStderr(containing: Wording.browserReturned(.declined)))
        run.interrupt()
        #expect(await run.exitStatus() != 0)
    }
}
