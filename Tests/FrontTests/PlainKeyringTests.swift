import LastFMAuth
import Testing
import TestSupport
@testable import lastfm_auth

/// The plain front's keyring step in process, over a keyring in memory: the words, Enter, the move.
/// (The real window, gnome-keyring and Xvfb: KeyringPromptTests.)
@Suite("The plain front's keyring step, in process")
struct PlainKeyringTests {
    static func locked(answer: KeyringUnlock.Outcome) -> MemoryKeyring {
        let keyring = MemoryKeyring()
        keyring.lockState.withLock { $0 = .locked }
        keyring.promptAnswer.withLock { $0 = answer }
        return keyring
    }

    @Test("locked, a display, a person: saved to the file, the window offered, unlocked there: the secrets move into the keyring")
    func unlocked() async {
        let keyring = Self.locked(answer: .unlocked)
        let h = PlainHarness(server: ScriptedServer(getSession: PlainFlowTests.approved), terminal: true, keyring: keyring, display: true)
        #expect(await h.runToEnd() == .success(0))
        let text = h.lines.text
        #expect(text.contains("the keyring was not used: the keyring is locked (its password is needed to unlock it)."))
        #expect(text.contains(Wording.keyringPrompt(.unlock, keepKey: "Enter")))
        #expect(text.hasSuffix(Wording.keyringAnswered(.moved, profile: "default")))
        #expect(keyring.secret(.sessionKey, file: h.store.path, profile: "default") == TestCredentials.sessionKey)
        #expect(h.scratch.read(h.store.path)?.contains("session_key") == false)
    }

    @Test("Enter while the window is out keeps the secrets in the file, said with the way to move them later")
    func enterKeeps() async {
        let keyring = Self.locked(answer: .keptInFile)
        let h = PlainHarness(server: ScriptedServer(getSession: PlainFlowTests.approved), terminal: true, keyring: keyring, display: true)
        let running = Task { await h.runToEnd() }
        #expect(await h.waitForLine(containing: "press Enter to keep them in the file."))
        #expect(h.input.pressEnter())
        #expect(await running.value == .success(0))
        #expect(h.lines.text.hasSuffix("The secrets stay in the file (mode 0600). To move them later: lastfm-auth move keyring --profile default"))
        #expect(h.scratch.read(h.store.path)?.contains(TestCredentials.sessionKey) == true)
    }

    @Test("no display, or no person at a terminal: nothing is offered, the file at once", arguments: [(false, true), (true, false)])
    func notOffered(display: Bool, terminal: Bool) async {
        let keyring = Self.locked(answer: .unlocked)
        let h = PlainHarness(server: ScriptedServer(getSession: PlainFlowTests.approved), terminal: terminal, keyring: keyring, display: display)
        #expect(await h.runToEnd() == .success(0))
        #expect(!h.lines.text.contains("a window is asking"))
        #expect(!keyring.calls.withLock { $0 }.contains("unlock"))
    }
}
