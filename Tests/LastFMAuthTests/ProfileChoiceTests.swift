import LastFMAuth
import Testing
import TestSupport

@Suite("The profile the commands use")
struct ProfileChoiceTests {
    static let path = "/home/a/.config/lastfm-auth/credentials.json"

    @Test("the only profile, whatever its name; a name or --sandbox must be there")
    func onlyOne() {
        #expect(ProfileChoice.decide(named: nil, sandbox: false, saved: ["sandbox"], chosen: nil) == .use("sandbox"))
        #expect(ProfileChoice.decide(named: nil, sandbox: false, saved: ["libre"], chosen: "gone") == .use("libre"))
        #expect(ProfileChoice.decide(named: "libre", sandbox: false, saved: ["libre"], chosen: nil) == .use("libre"))
        #expect(ProfileChoice.decide(named: "default", sandbox: false, saved: ["libre"], chosen: nil) == .missing("default", saved: ["libre"]))
        #expect(ProfileChoice.decide(named: nil, sandbox: true, saved: ["libre"], chosen: nil) == .missing("sandbox", saved: ["libre"]))
        #expect(ProfileChoice.decide(named: nil, sandbox: true, saved: ["libre", "sandbox"], chosen: "libre") == .use("sandbox"))
    }

    @Test("among several, the one chosen; none chosen (or gone) is ambiguous; none saved is its own case")
    func several() {
        #expect(ProfileChoice.decide(named: nil, sandbox: false, saved: ["lastfm", "libre"], chosen: "libre") == .use("libre"))
        #expect(ProfileChoice.decide(named: nil, sandbox: false, saved: ["lastfm", "libre"], chosen: nil) == .ambiguous(saved: ["lastfm", "libre"]))
        #expect(ProfileChoice.decide(named: nil, sandbox: false, saved: ["lastfm", "libre"], chosen: "gone") == .ambiguous(saved: ["lastfm", "libre"]))
        #expect(ProfileChoice.decide(named: "lastfm", sandbox: false, saved: ["lastfm", "libre"], chosen: "libre") == .use("lastfm"))
        #expect(ProfileChoice.decide(named: nil, sandbox: false, saved: [], chosen: "libre") == .noneSaved)
        // A file from before the choice existed: `default` is what every command used.
        #expect(ProfileChoice.decide(named: nil, sandbox: false, saved: ["default", "libre"], chosen: nil) == .use("default"))
        #expect(ProfileChoice.decide(named: nil, sandbox: false, saved: ["default", "libre"], chosen: "libre") == .use("libre"))
    }

    @Test("what is said lists the profiles there and how to choose; --sandbox is said as --sandbox")
    func words() throws {
        let ambiguous = try #require(Wording.profileNotFound(.ambiguous(saved: ["lastfm", "libre"]), path: Self.path, sandboxFlag: false))
        #expect(ambiguous.contains("\"lastfm\", \"libre\"") && ambiguous.contains("lastfm-auth switch NAME") && ambiguous.contains("--profile NAME"))
        let missing = try #require(Wording.profileNotFound(.missing("default", saved: ["libre"]), path: Self.path, sandboxFlag: false))
        #expect(missing.contains("no profile \"default\"") && missing.contains("\"libre\""))
        let sandbox = try #require(Wording.profileNotFound(.missing("sandbox", saved: ["libre"]), path: Self.path, sandboxFlag: true))
        #expect(sandbox.hasPrefix("--sandbox means the profile \"sandbox\"") && sandbox.contains("\"libre\""))
        let none = try #require(Wording.profileNotFound(.noneSaved, path: Self.path, sandboxFlag: false))
        #expect(none.contains("lastfm-auth login"))
        #expect(Wording.profileNotFound(.use("libre"), path: Self.path, sandboxFlag: false) == nil)
    }

    @Test("the choice is kept in the file, beside the profiles, and goes with the profile it names")
    func keptInFile() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let store = CredentialsStore(path: dir.path + "/credentials.json")
        let profile = Profile(service: .lastfm, apiKey: "0123456789abcdef0123456789abcdef", apiSecret: "fedcba9876543210fedcba9876543210",
                              session: Session(username: "alice", key: "d580d57f32848f5dcf574d1ce18d78b2"), createdAt: "2026-11-25T17:00:00Z")
        try store.save(profile, as: "lastfm")
        #expect(store.chosenProfile == nil)
        try store.save(profile, as: "libre", choosing: true)
        #expect(store.chosenProfile == "libre")
        try store.choose("lastfm")
        #expect(store.chosenProfile == "lastfm")
        #expect(try #require(dir.read("credentials.json")).contains("\"current_profile\" : \"lastfm\""))
        try store.remove("libre")
        #expect(store.chosenProfile == "lastfm", "removing another profile keeps the choice")
        try store.remove("lastfm")
        #expect(store.chosenProfile == nil, "removing the chosen profile forgets the choice")
        #expect(try store.profileNames().isEmpty)
    }
}
