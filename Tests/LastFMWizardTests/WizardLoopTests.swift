import LastFMAuth
import LastFMWizard
import Testing
import TestSupport

/// The wizard's whole loop without a terminal: the real loop, reducer and views over a scripted
/// terminal, a manual clock and recorded effects (docs/style.md, "The whole loop without a terminal").
@Suite("The wizard's loop over a scripted terminal")
struct WizardLoopTests {
    static let service = Service.lastfm
    static let trouble = AuthError.transport(TransportError(.connection, "could not connect to ws.audioscrobbler.com:443: connection refused"))

    @Test("every step, from the service to a saved session, then Enter exits 0 with the summary")
    func everyStep() {
        let h = LoopHarness()
        h.press(.enter, label: "service")
        h.type(Fixtures.key, label: "key")
        h.press(.enter, label: "key typed")
        h.input(.paste("  \(Fixtures.secret)\n"), label: "secret")
        h.press(.enter, label: "secret pasted")
        h.post(.tokenReceived(Fixtures.grant), label: "fetching")
        h.post(.waitChanged(.waiting(lastCheck: nil, nextCheck: .seconds(1))), label: "authorize")
        h.tick(label: "waiting")
        h.post(.waitChanged(.waiting(lastCheck: .seconds(1), nextCheck: .seconds(4))), label: "ticked")
        h.post(.waitChanged(.authorized(Fixtures.session)), label: "checked")
        h.post(.saved(path: "/home/alice/.config/lastfm-auth/credentials.json", secrets: SavedSecrets(place: .file, keyringProblem: .noSessionBus)), label: "saving")
        h.press(.enter, label: "done")
        let outcome = h.run(WizardState(profileName: "default"))

        #expect(h.screen(before: "service").contains("Which service is the account on?"))
        #expect(h.seen["service"]?.timeout == nil, "no redraw on a timer while nothing moves")
        #expect(h.screen(before: "key").contains("API key"))
        #expect(h.screen(before: "key typed").contains("✓ 32 of 32 characters"))
        #expect(h.screen(before: "secret").contains("Shared secret"))
        let masked = h.screen(before: "secret pasted")
        #expect(masked.contains(String(repeating: "•", count: 32)) && !masked.contains(Fixtures.secret), "the secret stays hidden")
        #expect(h.screen(before: "fetching").contains("Asking ws.audioscrobbler.com for a request token..."))
        #expect(h.seen["fetching"]?.timeout == .milliseconds(120), "the spinner turns while fetching")
        #expect(h.screen(before: "authorize").contains(Fixtures.grant.authorizeURL.prefix(78)))
        #expect(h.screen(before: "waiting").contains("checking in 1 s"))
        #expect(h.screen(before: "checked").contains("Waiting for approval · checked just now · token valid for"), "one separator, and no '0 s ago'")
        #expect(h.screen(before: "saving").contains("Approved. Saving the session..."))
        #expect(h.screen(before: "done").contains("✓ Authorized as alice"))
        #expect(h.effects.effects == [
            .requestToken(service: Self.service, apiKey: Fixtures.key, secret: Fixtures.secret, allowResume: true),
            .startWaiting(Fixtures.grant),
            .save(Fixtures.session, service: Self.service, apiKey: Fixtures.key, secret: Fixtures.secret),
        ])
        #expect(outcome.end == .quit(status: 0))
        #expect(outcome.message == "Authorized as alice.\nSaved profile \"default\" to /home/alice/.config/lastfm-auth/credentials.json.\nThe shared secret and session key are in the file (mode 0600); the keyring was not used: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set).")
        #expect(!h.scriptRanOut)
        #expect(h.terminal.isRestored && h.effects.stopped)
    }

    @Test("the token request's 'trying again in N s' counts down on the clock (issue #36: it stood at 11 s)")
    func retryCountsDown() {
        let h = LoopHarness()
        h.post(.tokenTrouble(.httpStatus(503, retryAfter: nil), failures: 1, delay: .seconds(11)), label: "trouble")
        h.tick(after: .seconds(4), label: "four seconds later")
        h.look("then")
        h.press(.control("c"), label: "quit")
        _ = h.run(Fixtures.state(.fetchingToken))
        #expect(h.screen(before: "four seconds later").contains("Trying again in 11 s"), "\(h.screen(before: "four seconds later"))")
        #expect(h.screen(before: "then").contains("Trying again in 7 s"), "\(h.screen(before: "then"))")
    }

    @Test("a resize below 40x12 asks for room, and the step comes back whole when it is given")
    func resizeBelowMinimum() {
        let h = LoopHarness()
        h.resize(width: 39, height: 12, label: "shrink")
        h.resize(width: 80, height: 24, label: "small")
        h.look("back")
        h.press(.control("c"), label: "quit")
        let outcome = h.run(Fixtures.authorizing())
        #expect(h.screen(before: "shrink").contains("Allow access"))
        #expect(h.screen(before: "small").contains("Terminal too small"))
        #expect(h.screen(before: "small").contains("have 39x12"))
        #expect(h.screen(before: "back").contains("Allow access"))
        #expect(h.terminal.calls.filter { $0 == .refreshSize }.count == 2)
        #expect(outcome.end == .quit(status: 130))
    }

    @Test("Ctrl-Z gives the terminal back and stops; nothing is drawn or read until fg, then all of it is drawn again")
    func suspendAndResume() {
        let h = LoopHarness()
        h.post(item: .suspend, label: "suspend")
        h.post(.notice("Opened the page with xdg-open."), label: "stopped")
        h.post(item: .continued, label: "fg")
        h.look("back")
        h.press(.control("c"), label: "quit")
        _ = h.run(Fixtures.authorizing())
        #expect(h.stops == 1)
        #expect(h.terminal.calls.prefix(2) == [.suspend, .resume])
        #expect(h.seen["stopped"]?.readInput == false, "stdin is the shell's while stopped")
        #expect(h.seen["stopped"]?.timeout == nil, "no ticks while stopped")
        #expect(h.seen["fg"]?.screen == h.seen["stopped"]?.screen, "nothing drawn while stopped")
        #expect(h.screen(before: "back").contains("Opened the page with xdg-open."), "what happened meanwhile shows after fg")
    }

    @Test("SIGTERM and SIGHUP end the loop with the signal, the resume hint, the terminal restored and the effects stopped",
          arguments: [Int32(15), Int32(1)])
    func terminatingSignal(number: Int32) {
        let h = LoopHarness()
        h.post(item: .signal(number), label: "signal")
        let outcome = h.run(Fixtures.authorizing())
        // A signal before the save is a cancel with 128+N (`RunRules.leaving`); the loop no longer
        // reports the signal itself, the run's rule turns it into the exit status.
        #expect(outcome.end == .quit(status: 128 + number))
        #expect(outcome.message == Wording.cancelled(resumable: true))
        #expect(h.terminal.isRestored && h.effects.stopped)
    }

    @Test("a signal before any token says only Cancelled.")
    func signalBeforeToken() {
        let h = LoopHarness()
        h.post(item: .signal(2), label: "signal")
        let outcome = h.run(WizardState(profileName: "default"))
        #expect(outcome.message == "Cancelled.")
    }

    @Test("network trouble while fetching: the core's sentence with the delay in whole seconds, r tries at once")
    func troubleWhileFetching() {
        let h = LoopHarness()
        h.post(.tokenTrouble(Self.trouble, failures: 1, delay: .milliseconds(5_800)), label: "trouble")
        h.press(.character("r"), label: "shown")
        h.press(.control("c"), label: "quit")
        _ = h.run(Fixtures.state(.fetchingToken))
        let screen = flattened(h.screen(before: "shown"))
        #expect(screen.contains(Wording.tokenTrouble(Self.trouble, retryingIn: .milliseconds(5_800))))
        #expect(screen.contains("Trying again in 6 s"))
        #expect(h.effects.effects.contains(.retryTokenNow))
    }

    @Test("network trouble while waiting: the same words as the plain front, with the countdown, and the wait goes on")
    func troubleWhileWaiting() {
        let h = LoopHarness()
        h.post(.waitChanged(.retrying(problem: Self.trouble, failures: 2, lastCheck: .seconds(600), nextCheck: .seconds(612))), label: "trouble")
        h.press(.enter, label: "shown")
        h.press(.control("c"), label: "quit")
        _ = h.run(Fixtures.authorizing())
        let screen = flattened(h.screen(before: "shown"))
        // The token's time left in the same sentence, as the plain front says it (issue #27: no stray full stop before it).
        #expect(screen.contains(Wording.waitTrouble(Self.trouble, checkingIn: .seconds(12), tokenLeft: .seconds(3000))), "screen: \(screen)")
        #expect(h.effects.effects.contains(.checkNow))
    }

    @Test("a resumed token still not approved 3 min after resuming is named as possibly spent, after the resume note; Ctrl-C then does not promise a resume")
    func spentToken() {
        let h = LoopHarness()
        let resumed = TokenGrant(token: Fixtures.token, age: .seconds(600), resumed: true, authorizeURL: Fixtures.grant.authorizeURL)
        h.post(.tokenReceived(resumed), label: "fetching")
        h.post(.waitChanged(.waiting(lastCheck: .seconds(600), nextCheck: .seconds(603))), label: "resumed")
        h.tick(after: .seconds(180), label: "waited")
        h.look("hinted")
        h.press(.character("q"), label: "quit")
        let outcome = h.run(Fixtures.state(.fetchingToken))
        let before = flattened(h.screen(before: "waited"))
        #expect(before.contains(Wording.resumed(age: .seconds(600))))
        #expect(before.contains("(10 min old)"))
        #expect(!before.contains("Still not approved"))
        let hinted = flattened(h.screen(before: "quit"))
        let hint = Wording.possiblySpent(after: .seconds(180), remedy: .key)
        #expect(hinted.contains(hint), "screen: \(hinted)")
        let note = hinted.range(of: "Resumed the token")?.lowerBound
        #expect(note.map { $0 < hinted.range(of: hint)!.lowerBound } == true, "the newest news reads last")
        #expect(outcome.message == "Cancelled.")
    }

    @Test("a save that fails: the done screen says so, and the exit shows the session key with exit 1")
    func saveFails() {
        let h = LoopHarness()
        h.post(.waitChanged(.authorized(Fixtures.session)), label: "approved")
        let full = StoreError.system(path: "/home/alice/.config/lastfm-auth/credentials.json", operation: .write, message: "No space left on device")
        h.post(.saveFailed(full), label: "saving")
        h.press(.enter, label: "done")
        let outcome = h.run(Fixtures.authorizing())
        #expect(flattened(h.screen(before: "done")).contains(Wording.saveFailed(full.description)))
        #expect(outcome.end == .quit(status: 1))
        #expect(outcome.message?.contains(Fixtures.session.key) == true, "the session key is never lost")
        #expect(outcome.message?.contains(Wording.sessionKeyFollows(Fixtures.session)) == true)
    }

    @Test("everything given: the first screen is the token request; Esc goes back through secret, key and server")
    func escBackThroughEachField() {
        let h = LoopHarness()
        h.press(.escape, label: "fetching")
        h.press(.escape, label: "secret")
        h.press(.escape, label: "key")
        h.press(.escape, label: "server")
        h.press(.control("c"), label: "quit")
        var state = WizardState(profileName: "default", preselected: .custom, customRoot: "https://gnufm.example.org/2.0/",
                                customAuthPage: "https://gnufm.example.org/api/auth/", apiKey: Fixtures.key, secret: Fixtures.secret)
        state.selectedService = .custom
        _ = h.run(state, serviceGiven: true)
        #expect(h.screen(before: "fetching").contains("Asking gnufm.example.org for a request token..."))
        #expect(h.screen(before: "secret").contains("Shared secret"))
        #expect(h.screen(before: "key").contains("API key"))
        #expect(h.screen(before: "server").contains("Your server's addresses"))
        #expect(h.effects.effects.first.map { if case .requestToken = $0 { true } else { false } } == true)
        #expect(h.effects.effects.contains(.cancelTokenRequest))
    }

    @Test("? on the done step shows the keys instead of quitting; the next key closes them, Enter exits")
    func helpOnDone() {
        let h = LoopHarness()
        h.press(.character("?"), label: "done")
        h.press(.character("x"), label: "help")
        h.press(.enter, label: "closed")
        var state = Fixtures.authorizing()
        state.session = Fixtures.session
        state.savedPath = "/tmp/credentials.json"
        state.saveResult = .success(SavedSecrets(place: .file))
        state.step = .done
        let outcome = h.run(state)
        #expect(h.screen(before: "help").contains("Keys on this step"))
        #expect(h.screen(before: "closed").contains("Authorized as alice"))
        #expect(outcome.end == .quit(status: 0))
    }

    @Test("c copies the URL with OSC 52 and says so; focus coming back checks at once")
    func copyAndFocus() {
        let h = LoopHarness()
        h.press(.character("c"), label: "copy")
        h.input(.focusIn, label: "copied")
        h.press(.control("c"), label: "quit")
        _ = h.run(Fixtures.authorizing())
        #expect(h.terminal.written == [.copyToClipboard(Fixtures.grant.authorizeURL)])
        #expect(h.terminal.written.first?.text.hasPrefix("\u{1B}]52;c;aHR0cHM6Ly93d3cubGFzdC5mbS9hcGkvYXV0aC8/") == true)
        #expect(h.screen(before: "copied").contains("Copied the address to the clipboard"))
        #expect(h.effects.effects == [.checkNow, .stopWaiting], "focus checks; Ctrl-C stops the wait")
    }

    @Test("ticks follow the countdown's whole seconds while waiting and move the token's age")
    func ticks() {
        let h = LoopHarness()
        let grant = TokenGrant(token: Fixtures.token, age: .milliseconds(400), resumed: false, authorizeURL: Fixtures.grant.authorizeURL)
        h.post(.tokenReceived(grant), label: "fetching")
        h.tick(label: "first")
        h.tick(label: "second")
        h.press(.control("c"), label: "quit")
        _ = h.run(Fixtures.state(.fetchingToken))
        #expect(h.seen["first"]?.timeout == .milliseconds(605), "to the next whole second of the token's age, and 5 ms")
        #expect(h.seen["second"]?.timeout == .milliseconds(1000))
        #expect(flattened(h.screen(before: "quit")).contains("token valid for 60 min"))
    }

    @Test("a terminal that refuses to draw ends the wizard with exit 1 and a way out, restored")
    func drawRefused() {
        let h = LoopHarness()
        h.terminal.refusesToDraw = true
        let outcome = h.run(WizardState(profileName: "default"))
        #expect(outcome.end == .quit(status: 1))
        #expect(outcome.message == "lastfm-auth: the terminal could not refresh the screen; run with --plain")
        #expect(h.terminal.isRestored)
    }
}
