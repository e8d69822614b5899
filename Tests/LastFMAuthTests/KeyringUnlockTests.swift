import LastFMAuth
import Testing

/// When a locked or missing keyring's prompt is offered after a save, and what each end says.
@Suite("The keyring's unlock prompt: when, and its words")
struct KeyringUnlockTests {
    @Test("offered for a locked or missing keyring, with a display and a person; never otherwise")
    func offered() {
        let locked = SavedSecrets(place: .file, keyringProblem: .locked("its password is needed to unlock it"))
        let missing = SavedSecrets(place: .file, keyringProblem: .noDefaultCollection)
        #expect(KeyringUnlock.offered(after: locked, display: true, attended: true) == .unlock)
        #expect(KeyringUnlock.offered(after: missing, display: true, attended: true) == .create)
        #expect(KeyringUnlock.offered(after: locked, display: false, attended: true) == nil)
        #expect(KeyringUnlock.offered(after: locked, display: true, attended: false) == nil)
        #expect(KeyringUnlock.offered(after: SavedSecrets(place: .keyring), display: true, attended: true) == nil)
        #expect(KeyringUnlock.offered(after: SavedSecrets(place: .file, keyringProblem: .noSessionBus), display: true, attended: true) == nil)
        #expect(KeyringUnlock.offered(after: SavedSecrets(place: .file, keyringProblem: .timedOut(.seconds(3))), display: true, attended: true) == nil)
    }

    @Test("a display is DISPLAY or WAYLAND_DISPLAY, not empty")
    func display() {
        #expect(KeyringUnlock.hasDisplay(["DISPLAY": ":0"]) && KeyringUnlock.hasDisplay(["WAYLAND_DISPLAY": "wayland-0"]))
        #expect(!KeyringUnlock.hasDisplay([:]) && !KeyringUnlock.hasDisplay(["DISPLAY": ""]))
    }

    @Test("every end says where the secrets are and what to do, with the front's key; no D-Bus words", arguments: [
        KeyringUnlock.Outcome.moved, .notMoved(.refused("x")), .dismissed, .keptInFile, .timedOut(.seconds(180)), .failed("org.freedesktop.DBus.Error.ServiceUnknown"),
    ])
    func words(outcome: KeyringUnlock.Outcome) {
        let text = Wording.keyringAnswered(outcome, profile: "libre")
        #expect(!text.contains("org.freedesktop") && !text.contains("/org/"))
        if outcome == .moved {
            #expect(text.contains("in it now, no longer in the file"))
        } else {
            #expect(text.contains("stay in the file (mode 0600)") && text.contains("lastfm-auth move keyring --profile libre"))
        }
        #expect(Wording.keyringPrompt(.unlock, keepKey: "Enter").hasSuffix("press Enter to keep them in the file."))
        #expect(Wording.keyringPrompt(.create, keepKey: "Esc").contains("a password for a new one"))
    }
}
