import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// A keyring that asks to be unlocked, for real: gnome-keyring on a bus of the test's own, its
/// prompter (gcr-prompter, a GTK window) on an Xvfb display, answered with xdotool as a person
/// would; the binary in tmux, so that a person's Enter (plain) or Esc (wizard) can be pressed too.
// One desktop at a time: five GTK prompters starting at once on two cores took over 30 s to show.
@Suite("The keyring's unlock prompt, on a real desktop", .serialized)
struct KeyringPromptTests {
    /// A display, a bus with `keyring` that shows its prompts there, and a sandbox approving at once.
    struct Desktop {
        let scratch = ScratchFolder()
        let display: VirtualDisplay
        let session: SecretServiceSession
        let sandbox: SandboxServer

        init(_ keyring: SecretServiceSession.Keyring) async throws {
            let display = try await offPool { try VirtualDisplay() }
            let home = scratch.path
            session = try await offPool { try SecretServiceSession(home: home, keyring: keyring, display: display.name) }
            self.display = display
            sandbox = try await SandboxServer.start(SandboxConfiguration(approveAfter: .zero))
        }

        /// The binary in tmux with the bus, the display and the sandbox's key and secret.
        func run(_ arguments: [String], withDisplay: Bool = true) async throws -> TmuxSession {
            var environment = KeyringTests.credentials(session.environment)
            if withDisplay {
                environment["DISPLAY"] = display.name
                let session = session
                try await offPool { try session.startPrompter() }
            }
            return try await TmuxSession.start(arguments + ["--api-root", sandbox.apiRoot, "--auth-url", sandbox.authPage, "--interval", "1", "--store", "keyring"],
                                   environment: environment, width: 100, height: 30)
        }

        /// What the credentials file holds of the profile's secrets.
        var fileHasSessionKey: Bool { scratch.read(scratch.credentialsPath)?.contains("\"session_key\"") == true }

        func stop() async {
            await sandbox.stop()
            session.stop()
            display.stop()
            scratch.remove()
        }

        /// Runs `body` on a new desktop and takes it down however `body` ends.
        static func with(_ keyring: SecretServiceSession.Keyring, _ body: (Desktop) async throws -> Void) async throws {
            let desktop = try await Desktop(keyring)
            do {
                try await body(desktop)
            } catch {
                await desktop.stop()
                throw error
            }
            await desktop.stop()
        }
    }

    static let plain = ["--plain", "--no-browser"]

    @Test("plain, locked: the window asks, the password typed there moves the secrets into the keyring; the file keeps none")
    func unlocked() async throws {
        try await Desktop.with(.locked) { desktop in
            let tmux = try await desktop.run(Self.plain)
            #expect(try await tmux.waitFor("a window is asking for its password").found)
            #expect(desktop.fileHasSessionKey, "the session is safe in the file while the window is out")
            let window = try #require(try await desktop.display.window(named: "Unlock Login Keyring"), "the prompter's window")
            try await desktop.display.type("test-password", then: ["Return"], into: window)
            let moved = try await tmux.waitFor("The keyring is ready: the shared secret and session key are in it now")
            #expect(moved.found, "screen:\n\(moved.screen)")
            #expect(try await tmux.exitStatus() == 0)
            #expect(try desktop.session.itemCount() == 2)
            #expect(!desktop.fileHasSessionKey)
            #expect(!moved.screen.contains("/org/freedesktop"), "no D-Bus paths")
        }
    }

    @Test("plain, locked: the window closed (Escape in it): the secrets stay in the file, said in plain words")
    func dismissed() async throws {
        try await Desktop.with(.locked) { desktop in
            let tmux = try await desktop.run(Self.plain)
            let shown = try await desktop.display.window(named: "Unlock Login Keyring")
            let screen = shown == nil ? try await tmux.screen() : ""
            let window = try #require(shown, "the prompter's window; screen:\n\(screen)")
            try await desktop.display.type("", then: ["Escape"], into: window)
            let kept = try await tmux.waitFor("The keyring's window was closed without unlocking it: the secrets stay in the file (mode 0600).")
            #expect(kept.found, "screen:\n\(kept.screen)")
            #expect(kept.screen.contains("lastfm-auth move keyring --profile default") || kept.screen.contains("move keyring"))
            #expect(try await tmux.exitStatus() == 0)
            #expect(desktop.fileHasSessionKey)
            #expect(try desktop.session.itemCount() == 0)
        }
    }

    @Test("plain, locked: Enter at the terminal keeps the secrets in the file and withdraws the window")
    func enterKeeps() async throws {
        try await Desktop.with(.locked) { desktop in
            let tmux = try await desktop.run(Self.plain)
            #expect(try await desktop.display.window(named: "Unlock Login Keyring") != nil)
            try await tmux.send("Enter")
            let kept = try await tmux.waitFor("The secrets stay in the file (mode 0600).")
            #expect(kept.found, "screen:\n\(kept.screen)")
            #expect(try await desktop.display.windowGone(named: "Unlock Login Keyring"), "the prompt was withdrawn")
            #expect(try await tmux.exitStatus() == 0)
            #expect(desktop.fileHasSessionKey)
        }
    }

    @Test("the wizard, a fresh keyring with no collection: the window asks for a new password, typed twice; the secrets move in")
    func created() async throws {
        try await Desktop.with(.fresh) { desktop in
            let tmux = try await desktop.run([])
            let asking = try await tmux.waitFor("a window is asking for a password for a new one")
            #expect(asking.found, "screen:\n\(asking.screen)")
            #expect(asking.screen.contains("press Esc to keep them in the file"))
            #expect(!asking.screen.contains("/org/freedesktop"), "no D-Bus paths")
            // "Choose password for new keyring": drawn in the window, which itself has no name.
            let window = try #require(try await desktop.display.window(named: "prompter", class: true), "the prompter's window")
            try await desktop.display.type("new-password", then: ["Tab"], into: window)
            try await desktop.display.type("new-password", then: ["Return"], into: window)
            let done = try await tmux.waitFor("The keyring is ready: the shared secret and session key are in it now")
            #expect(done.found, "screen:\n\(done.screen)")
            try await tmux.send("Enter")
            #expect(try await tmux.exitStatus() == 0)
            #expect(try desktop.session.itemCount() == 2)
            #expect(!desktop.fileHasSessionKey)
        }
    }

    @Test("the wizard, locked: Esc keeps the secrets in the file, the window goes, the done screen says so")
    func wizardEsc() async throws {
        try await Desktop.with(.locked) { desktop in
            let tmux = try await desktop.run([])
            #expect(try await tmux.waitFor("a window is asking for its password").found)
            #expect(try await desktop.display.window(named: "Unlock Login Keyring") != nil)
            try await tmux.send("Escape")
            let kept = try await tmux.waitFor("The secrets stay in the file (mode 0600).")
            #expect(kept.found, "screen:\n\(kept.screen)")
            #expect(try await desktop.display.windowGone(named: "Unlock Login Keyring"))
            // The withdrawn prompt's own end comes after the window is gone.
            let after = try await tmux.waitFor("CRITICAL", timeout: .seconds(2))
            #expect(!after.found, "GLib's own messages stay off the screen:\n\(after.screen)")
            try await tmux.send("Enter")
            #expect(try await tmux.exitStatus() == 0)
            #expect(desktop.fileHasSessionKey)
            try await tmux.expectRestored()
        }
    }

    @Test("plain, locked, no DISPLAY for lastfm-auth: nothing is started, the secrets go to the file at once, the reason in plain words")
    func noDisplay() async throws {
        try await Desktop.with(.locked) { desktop in
            let tmux = try await desktop.run(Self.plain, withDisplay: false)
            let saved = try await tmux.waitFor("(its password is needed to unlock it).")
            #expect(saved.found, "screen:\n\(saved.screen)")
            #expect(try await tmux.exitStatus() == 0)
            #expect(!(try await tmux.screen()).contains("a window is asking"))
            #expect(try await desktop.display.window(named: "prompter", class: true, within: .milliseconds(500)) == nil, "no prompt was started")
            #expect(desktop.fileHasSessionKey)
        }
    }
}
