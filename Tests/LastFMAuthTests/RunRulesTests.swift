import LastFMAuth
import Testing
import TestSupport

/// Issue #36: the run's decisions, made once in the core for both fronts.
@Suite("RunRules: the saved session, leaving, made-up credentials, the server a rerun takes up")
struct RunRulesTests {
    static let key = TestCredentials.apiKey
    static func saved(_ service: Service = .lastfm, key: String = key, session: String = "5555555555555555555555555555555f") -> Profile {
        Profile(service: service, apiKey: key, apiSecret: TestCredentials.secret, session: Session(username: "alice", key: session), createdAt: "2026-12-01T00:00:00Z")
    }

    @Test("a saved session: checked only for the same server and key; another key, server or sandbox replaced and said why; --replace replaces")
    func savedSession() throws {
        let holds = Wording.existingSession(profile: "default", username: "alice")
        #expect(RunRules.savedSession(nil, profile: "default", service: .lastfm, apiKey: Self.key, replace: false) == .none)
        #expect(RunRules.savedSession(Self.saved(session: ""), profile: "default", service: .lastfm, apiKey: Self.key, replace: false) == .none)
        #expect(RunRules.savedSession(Self.saved(), profile: "default", service: .lastfm, apiKey: Self.key, replace: false) == .check)
        #expect(RunRules.savedSession(Self.saved(), profile: "default", service: .lastfm, apiKey: nil, replace: false) == .check, "the key still to be asked")
        #expect(RunRules.savedSession(Self.saved(), profile: "default", service: .lastfm, apiKey: String(repeating: "b", count: 32), replace: false)
                == .replace(holds + " " + Wording.savedSessionOtherKey))
        #expect(RunRules.savedSession(Self.saved(), profile: "default", service: .librefm, apiKey: Self.key, replace: false)
                == .replace(holds + " " + Wording.savedSessionOtherServer(Service.lastfm.apiRoot.text)))
        let earlierSandbox = Self.saved(.sandbox(at: SandboxAddress(port: 1111)))
        #expect(RunRules.savedSession(earlierSandbox, profile: "default", service: .sandbox(at: SandboxAddress(port: 2222)), apiKey: Self.key, replace: false)
                == .replace(holds + " " + Wording.savedSessionOfEarlierSandbox))
        #expect(RunRules.savedSession(Self.saved(), profile: "default", service: .lastfm, apiKey: Self.key, replace: true)
                == .replace(holds + " " + Wording.replacedWhenApproved))
    }

    @Test("after the check: kept when it works or cannot be checked; replaced when revoked or its key refused")
    func afterCheck() {
        let down = AuthError.transport(TransportError(.unreachable, "down"))
        for (check, kept) in [(SessionCheck.connected(user: "alice"), true), (.unverifiable(.api(code: 6, message: "")), true), (.couldNotCheck(down), true),
                              (.failed(.api(code: 7, message: "")), true), (.revoked, false), (.keyRefused(.api(code: 10, message: "")), false)] {
            let move = RunRules.afterCheck(check, profile: "default", username: "alice")
            #expect(move.sentence?.hasPrefix(Wording.existingSession(profile: "default", username: "alice")) == true)
            if kept { #expect(move == .keep(Wording.existingSession(profile: "default", username: "alice") + " " + Wording.savedSessionChecked(check))) }
            else { #expect(move == .replace(Wording.existingSession(profile: "default", username: "alice") + " " + Wording.savedSessionFails(check))) }
        }
    }

    @Test("leaving: a cancel with 130 or 128+N before the save, the run's end once saving or saved")
    func leaving() {
        let facts = FlowFacts()
        #expect(RunRules.leaving(at: .starting, facts: facts) == .cancel(status: 130, message: "Cancelled."))
        #expect(RunRules.leaving(at: .starting, signal: 15, facts: facts) == .cancel(status: 143, message: "Cancelled."))
        #expect(RunRules.leaving(at: .tokenShown(possiblySpent: false), signal: 1, facts: facts) == .cancel(status: 129, message: Wording.cancelled(resumable: true)))
        #expect(RunRules.leaving(at: .tokenShown(possiblySpent: true), facts: facts) == .cancel(status: 130, message: "Cancelled."))
        #expect(RunRules.leaving(at: .tokenShown(possiblySpent: false), facts: FlowFacts(sandbox: true)) == .cancel(status: 130, message: "Cancelled."))
        #expect(RunRules.leaving(at: .saving, signal: 2, facts: facts) == .finishAfterSave)
        #expect(RunRules.leaving(at: .saved, signal: 1, facts: facts) == .finish)
        #expect(RunRules.leaving(at: .saved, facts: facts) == .finish)
    }

    @Test("made-up credentials come back only where resuming is allowed; a rerun takes up a token on another server than the profile's")
    func resumeRules() {
        let earlier = ["https://libre.fm/2.0/": MadeUpCredentials(apiKey: Self.key, secret: TestCredentials.secret)]
        #expect(RunRules.earlierMadeUp(earlier, resumeAllowed: true) == earlier)
        #expect(RunRules.earlierMadeUp(earlier, resumeAllowed: false).isEmpty, "--new-token starts over")
        let pending = PendingToken(apiRoot: "http://127.0.0.1:8080/2.0/", apiKey: Self.key, token: TestCredentials.token, issuedAt: 0)
        #expect(RunRules.serverToResume(pending, savedAPIRoot: nil, resumeAllowed: true) == pending)
        #expect(RunRules.serverToResume(pending, savedAPIRoot: Service.lastfm.apiRoot.text, resumeAllowed: true) == pending)
        #expect(RunRules.serverToResume(pending, savedAPIRoot: pending.apiRoot, resumeAllowed: true) == nil, "the profile's own server needs no taking up")
        #expect(RunRules.serverToResume(pending, savedAPIRoot: nil, resumeAllowed: false) == nil)
        #expect(RunRules.serverToResume(nil, savedAPIRoot: nil, resumeAllowed: true) == nil)
    }

    @Test("an app serves only the services it talks to")
    func appServes() throws {
        #expect(RunRules.appServes(["lastfm"], .lastfm))
        #expect(!RunRules.appServes(["lastfm"], .librefm))
        #expect(!RunRules.appServes(["lastfm"], (try? Service.custom(apiRoot: "https://gnufm.example.org/2.0/", authPage: "https://gnufm.example.org/api/auth/")) ?? .librefm))
        // An app with a setting for the API root (YAMS's base_url) takes any server's session.
        #expect(RunRules.appServes([RunRules.anyServer], .librefm))
        #expect(RunRules.appServes([RunRules.anyServer], try Service.custom(apiRoot: "https://gnufm.example.org/2.0/", authPage: "https://gnufm.example.org/api/auth/")))
    }

    @Test("every exit status is named once, with what it means")
    func exitStatuses() {
        #expect(LastFMAuth.ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 64, 130])
        #expect(LastFMAuth.ExitStatus.signal(2) == LastFMAuth.ExitStatus.cancelled.rawValue)
        #expect(Set(LastFMAuth.ExitStatus.allCases.map(\.meaning)).count == LastFMAuth.ExitStatus.allCases.count)
    }
}
