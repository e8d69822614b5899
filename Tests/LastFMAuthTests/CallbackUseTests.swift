import LastFMAuth
import Testing

/// When the browser lastfm-auth starts is handed the web flow's page with a loopback callback.
@Suite("Whether the loopback callback is used")
struct CallbackUseTests {
    @Test("a desktop session uses it")
    func desktop() {
        #expect(CallbackUse.decide(environment: ["DISPLAY": ":0"], turnedOff: false, noBrowser: false) == .use)
    }

    @Test("--no-callback and --no-browser turn it off, whatever else")
    func flags() {
        #expect(CallbackUse.decide(environment: [:], turnedOff: true, noBrowser: false) == .off(.turnedOff))
        #expect(CallbackUse.decide(environment: [:], turnedOff: false, noBrowser: true) == .off(.noBrowser))
    }

    @Test("over SSH and under WSL the browser is on another machine", arguments: [
        ("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22", CallbackUse.Reason.overSSH), ("SSH_TTY", "/dev/pts/3", .overSSH),
        ("WSL_DISTRO_NAME", "Debian", .wsl), ("WSL_INTEROP", "/run/WSL/8_interop", .wsl),
    ])
    func elsewhere(name: String, value: String, reason: CallbackUse.Reason) {
        #expect(CallbackUse.decide(environment: ["DISPLAY": ":0", name: value], turnedOff: false, noBrowser: false) == .off(reason))
    }
}
