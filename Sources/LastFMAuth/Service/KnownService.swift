/// A service lastfm-auth knows by name. `KnownService.all` is the one table of them: `--service`'s
/// values, the wizard's list, a profile's `service` field, the keyring's `service` attribute, the
/// key step's help and whether a person may go on without an API account all come from it, so
/// adding a service is adding an entry here (and a test).
public struct KnownService: Equatable, Sendable {
    /// The name in `--service`, in a profile's `service` field and in the keyring's `service` attribute.
    public let id: String
    /// What a person calls it.
    public let displayName: String
    /// The line under its name in the wizard's list of services, in the person's language.
    public var help: String { helpPhrase.text }
    private let helpPhrase: Phrase
    /// The API root.
    public let apiRoot: WebAddress
    /// The page where a person approves a token.
    public let authPage: WebAddress
    /// Whether it checks API keys and signatures (Last.fm does; GNU FM, behind Libre.fm, does not).
    public let checksAPIKeys: Bool
    /// Where a person makes an API account, if the service has such a page.
    public let accountPage: String?
    /// What a person does on the authorize page, in the words of its button (and the person's language).
    public var approval: String { approvalPhrase.text }
    private let approvalPhrase: Phrase
    /// Where a person removes an application's access, if the service has such a page.
    public let connectedApplicationsPage: String?

    /// The table: every service known by name, in the order they are offered.
    public static let all: [KnownService] = [
        KnownService(id: "lastfm", displayName: "Last.fm",
                     help: Phrase("ws.audioscrobbler.com: needs an API account (the next step says where to make one)"),
                     apiRoot: "https://ws.audioscrobbler.com/2.0/", authPage: "https://www.last.fm/api/auth/", checksAPIKeys: true,
                     accountPage: "https://www.last.fm/api/account/create", approval: Phrase("sign in and allow access"),
                     connectedApplicationsPage: "https://www.last.fm/settings/applications"),
        // GNU FM's page has one Submit button, and no page removes access (docs/protocol-facts.md).
        KnownService(id: "librefm", displayName: "Libre.fm", help: Phrase("libre.fm, the public GNU FM server"),
                     apiRoot: "https://libre.fm/2.0/", authPage: "https://libre.fm/api/auth/", checksAPIKeys: false, accountPage: nil,
                     approval: Phrase("sign in and press Submit"), connectedApplicationsPage: nil),
    ]

    /// The entry called `id`, if there is one.
    public static func named(_ id: String) -> KnownService? {
        all.first { $0.id == id }
    }

    /// The service with this entry's addresses.
    public var service: Service { Service(known: self) }

    private init(id: String, displayName: String, help: Phrase, apiRoot: String, authPage: String, checksAPIKeys: Bool, accountPage: String?,
                 approval: Phrase, connectedApplicationsPage: String?) {
        self.id = id
        self.displayName = displayName
        self.helpPhrase = help
        // The table's addresses are HTTPS and well formed: a test holds every entry to it.
        self.apiRoot = try! WebAddress(apiRoot)
        self.authPage = try! WebAddress(authPage)
        self.checksAPIKeys = checksAPIKeys
        self.accountPage = accountPage
        self.approvalPhrase = approval
        self.connectedApplicationsPage = connectedApplicationsPage
    }
}
