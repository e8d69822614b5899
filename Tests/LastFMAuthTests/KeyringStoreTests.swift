@testable import LastFMAuth
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The credentials store's rules for secrets in the keyring, over a keyring in memory; the real
/// Secret Service is in EndToEndTests/KeyringTests.
@Suite("Secrets in the keyring")
struct KeyringStoreTests {
    static let alice = Session(username: "alice", key: TestCredentials.sessionKey)

    static func profile() -> Profile {
        Profile(service: .lastfm, apiKey: TestCredentials.apiKey, apiSecret: TestCredentials.secret, session: alice, createdAt: "2026-12-02T10:00:00Z")
    }

    @Test("with no choice and a keyring that answers, the secrets go there, written and read back before the file says so; the file has none")
    func keyringChosenByItself() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let keyring = MemoryKeyring()
        let store = CredentialsStore(path: dir.path + "/credentials.json", keyring: keyring)
        let saved = try store.save(Self.profile(), as: "default")
        #expect(saved == SavedSecrets(place: .keyring))
        #expect(keyring.calls.withLock { $0 } == ["store api_secret", "lookup api_secret", "store session_key", "lookup session_key"])
        #expect(keyring.secret(.sessionKey, file: store.path, profile: "default") == TestCredentials.sessionKey)
        let text = try #require(dir.read("credentials.json"))
        #expect(!text.contains(TestCredentials.secret) && !text.contains(TestCredentials.sessionKey))
        #expect(text.contains("\"secret_store\" : \"keyring\""))
        var warnings: [String] = []
        var expected = Self.profile()
        expected.secretPlace = .keyring
        #expect(try store.profile(named: "default", warnings: &warnings) == expected, "read back whole, secrets from the keyring")
        #expect(try store.profileFromFile(named: "default", warnings: &warnings)?.sessionKey == "", "the file alone has no secret")
    }

    @Test("a keyring that fails leaves the secrets in the file and says why; nothing is lost",
          arguments: [KeyringError.noSessionBus, .locked("Cannot create an item in a locked collection"), .timedOut(.seconds(3)), .refused("no such service")])
    func fallsBackToTheFile(failure: KeyringError) throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let store = CredentialsStore(path: dir.path + "/credentials.json", keyring: MemoryKeyring(failing: failure))
        for place in [nil, SecretPlace.keyring] {
            #expect(try store.save(Self.profile(), as: "default", place: place) == SavedSecrets(place: .file, keyringProblem: failure))
            var warnings: [String] = []
            #expect(try store.profile(named: "default", warnings: &warnings) == Self.profile())
        }
    }

    @Test("a keyring that gives back something else than it was given is not trusted")
    func readBackDiffers() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let keyring = MemoryKeyring()
        keyring.tampered.withLock { $0 = "something else" }
        let store = CredentialsStore(path: dir.path + "/credentials.json", keyring: keyring)
        let saved = try store.save(Self.profile(), as: "default")
        #expect(saved.place == .file)
        #expect(saved.keyringProblem == .refused("the item read back differs from the one stored"))
        #expect(dir.read("credentials.json")?.contains(TestCredentials.sessionKey) == true)
    }

    @Test("where the secrets go: a choice first, then where the profile had them, then the file's default_store, then the keyring")
    func placeRules() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let keyring = MemoryKeyring()
        let store = CredentialsStore(path: dir.path + "/credentials.json", keyring: keyring)
        #expect(try store.save(Self.profile(), as: "a", place: .file).place == .file)
        #expect(try store.save(Self.profile(), as: "a").place == .file, "kept where the profile had them")
        #expect(try store.save(Self.profile(), as: "a", place: .keyring).place == .keyring)
        #expect(try store.save(Self.profile(), as: "a").place == .keyring, "kept where the profile had them")
        #expect(keyring.calls.withLock { $0 }.filter { $0 == "removeAll" }.isEmpty)
        #expect(try store.save(Self.profile(), as: "a", place: .file).place == .file)
        #expect(keyring.secret(.sessionKey, file: store.path, profile: "a") == nil, "the keyring's copy goes once the file has them")

        let text = try #require(dir.read("credentials.json"))
        dir.write("credentials.json", String(text.dropLast(2)) + ",\n  \"default_store\" : \"file\"\n}\n")
        #expect(store.defaultPlace == .file)
        #expect(try store.save(Self.profile(), as: "b").place == .file, "the file's default for new profiles")
        #expect(try store.save(Self.profile(), as: "c", place: .keyring).place == .keyring)
        #expect(CredentialsStore(path: dir.path + "/other.json").defaultPlace == nil)
        #expect(try CredentialsStore(path: dir.path + "/other.json").save(Self.profile(), as: "d").place == .file, "no keyring given: the file")
    }

    @Test("move: to the keyring and back, the old copy removed only after the new one is in place")
    func move() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let keyring = MemoryKeyring()
        let store = CredentialsStore(path: dir.path + "/credentials.json", keyring: keyring)
        try store.save(Self.profile(), as: "default", place: .file)
        #expect(try store.move("default", to: .keyring) == SavedSecrets(place: .keyring))
        #expect(dir.read("credentials.json")?.contains(TestCredentials.sessionKey) == false)
        keyring.calls.withLock { $0 = [] }
        #expect(try store.move("default", to: .file) == SavedSecrets(place: .file))
        #expect(keyring.calls.withLock { $0 }.last == "removeAll")
        #expect(dir.read("credentials.json")?.contains(TestCredentials.sessionKey) == true)
        #expect(keyring.secret(.apiSecret, file: store.path, profile: "default") == nil)
        #expect(try store.move("nobody", to: .keyring) == nil)

        keyring.failure.withLock { $0 = .locked("locked") }
        #expect(try store.move("default", to: .keyring) == SavedSecrets(place: .file, keyringProblem: .locked("locked")), "not moved, nothing lost")
        #expect(dir.read("credentials.json")?.contains(TestCredentials.sessionKey) == true)
    }

    @Test("reading: a keyring that cannot give the secrets, or an item gone, is its own failure, for that profile only")
    func readFailures() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let keyring = MemoryKeyring()
        let store = CredentialsStore(path: dir.path + "/credentials.json", keyring: keyring)
        try store.save(Self.profile(), as: "inFile", place: .file)
        try store.save(Self.profile(), as: "inKeyring", place: .keyring)
        try store.save(Self.profile(), as: "gone", place: .keyring)
        try keyring.removeAll(file: store.path, profile: "gone")
        var warnings: [String] = []
        let all = try store.allProfiles(warnings: &warnings)
        #expect(all.map(\.name) == ["gone", "inFile", "inKeyring"])
        #expect(throws: StoreError.keyring(profile: "gone", .itemMissing(.apiSecret))) { try all[0].profile.get() }
        #expect(try all[1].profile.get().sessionKey == TestCredentials.sessionKey)
        #expect(try all[2].profile.get().sessionKey == TestCredentials.sessionKey)

        keyring.failure.withLock { $0 = .timedOut(.seconds(3)) }
        #expect(throws: StoreError.keyring(profile: "inKeyring", .timedOut(.seconds(3)))) { try store.profile(named: "inKeyring", warnings: &warnings) }
        #expect(try store.profile(named: "inFile", warnings: &warnings) == Self.profile(), "a file profile never asks the keyring")
        #expect(throws: StoreError.keyring(profile: "inKeyring", .notGiven)) {
            try CredentialsStore(path: store.path).profile(named: "inKeyring", warnings: &warnings)
        }
    }

    @Test("remove: the profile goes from the file, then its items from the keyring; one that cannot be reached is reported")
    func remove() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let keyring = MemoryKeyring()
        let store = CredentialsStore(path: dir.path + "/credentials.json", keyring: keyring)
        try store.save(Self.profile(), as: "a", place: .keyring)
        try store.save(Self.profile(), as: "b", place: .keyring)
        #expect(try store.remove("a") == nil)
        #expect(keyring.secret(.sessionKey, file: store.path, profile: "a") == nil)
        #expect(keyring.secret(.sessionKey, file: store.path, profile: "b") == TestCredentials.sessionKey, "other profiles' items stay")
        keyring.failure.withLock { $0 = .locked("locked") }
        #expect(try store.remove("b") == .locked("locked"))
        #expect(try store.profileNames() == [])
    }

    @Test("items name the credentials file by its absolute path, so a relative --config finds them from any folder")
    func absoluteFile() throws {
        let folder = String(cString: getcwd(nil, 0))
        #expect(SecureFile.absolute("/a/credentials.json") == "/a/credentials.json")
        #expect(SecureFile.absolute("credentials.json") == folder + "/credentials.json")
        #expect(SecureFile.absolute("./././x/credentials.json") == folder + "/x/credentials.json")
    }

    @Test("a profile with its secrets in the file is written as earlier versions wrote it")
    func fileFormatUnchanged() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let store = CredentialsStore(path: dir.path + "/credentials.json", keyring: MemoryKeyring())
        try store.save(Self.profile(), as: "default", place: .file)
        let text = try #require(dir.read("credentials.json"))
        #expect(!text.contains("secret_store"))
        #expect(text.contains("\"api_secret\" : \"\(TestCredentials.secret)\""))
    }
}
