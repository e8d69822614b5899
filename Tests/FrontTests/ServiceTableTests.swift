import LastFMAuth
import LastFMWizard
import Testing
import TestSupport
@testable import lastfm_auth

/// Issue #26: a service is one entry of `KnownService.all`; everything that names services follows
/// the table. A new entry is held to all of this by the same test.
@Suite("Services as one table")
struct ServiceTableTests {
    @Test("every entry: a unique id, HTTPS addresses, offered by the wizard, taken by --service, saved and read back as itself",
          arguments: KnownService.all.map(\.id))
    func entry(id: String) throws {
        let known = try #require(KnownService.named(id))
        #expect(KnownService.all.filter { $0.id == id }.count == 1)
        #expect(known.apiRoot.scheme == "https" && known.authPage.scheme == "https")
        #expect(known.apiRoot.text.hasSuffix("/2.0/"))
        #expect(ServiceOption.offered(sandbox: false).contains(.known(known)))
        #expect(ServiceOption.offered(sandbox: true).first == .sandbox)
        #expect(ServiceChoice(argument: id)?.known == known)
        let profile = Profile(service: known.service, apiKey: TestCredentials.apiKey, apiSecret: TestCredentials.secret,
                              session: Session(username: "alice", key: TestCredentials.sessionKey), createdAt: "2026-12-03T08:00:00Z")
        #expect(profile.service == id, "the file and the keyring name it by its id")
        #expect(try profile.resolvedService() == known.service)
        #expect(known.service.mayGoWithoutAPIAccount == !known.checksAPIKeys)
        #expect(known.service.displayName == known.displayName)
    }

    @Test("not in the table: --service refuses it; a custom server and the sandbox keep their own ids, and only the sandbox checks keys")
    func others() throws {
        #expect(ServiceChoice(argument: "custom") == nil && ServiceChoice(argument: "spotify") == nil)
        let custom = try Service.custom(apiRoot: "https://gnufm.example.org/2.0/", authPage: "https://gnufm.example.org/api/auth/")
        let sandbox = Service.sandbox(at: SandboxAddress(port: 8080))
        #expect(custom.id == "custom" && custom.checksAPIKeys == nil && custom.mayGoWithoutAPIAccount)
        #expect(sandbox.id == "sandbox" && sandbox.checksAPIKeys == true && !sandbox.mayGoWithoutAPIAccount)
        #expect(try Service.saved(id: "sandbox", apiRoot: sandbox.apiRoot.text, authPage: sandbox.authPage.text) == sandbox)
        #expect(try Service.saved(id: "custom", apiRoot: custom.apiRoot.text, authPage: custom.authPage.text) == custom)
    }
}
