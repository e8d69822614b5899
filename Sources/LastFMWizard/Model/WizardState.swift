import LastFMAuth

/// Everything the wizard shows and remembers, as plain data. Changed only by `WizardReducer`.
public struct WizardState: Equatable, Sendable {
    /// Where in the flow the wizard is.
    public var step: WizardStep
    /// The profile the session will be saved as.
    public var profileName: String
    /// The user name of a session already saved in the profile, for this server and key.
    public var existingUsername: String?
    /// What the server said of that session, where it may be kept (`RunRules.afterCheck`'s sentence).
    public var savedNote: String?
    /// Said on the first screens: why a saved session is replaced, or which earlier token is taken up.
    public var startNote: String?
    /// The person left while the session was being saved: the run ends once it is on disk.
    public var leaveWhenSaved: Bool
    /// The sandbox's service, when running with `--sandbox`.
    public var sandboxService: Service?

    /// The services the first step offers, in order.
    public var serviceOptions: [ServiceOption]
    /// The service chosen (or under the cursor) on the first step.
    public var selectedService: ServiceOption
    /// A custom server's API root, as typed.
    public var customRoot: TextField
    /// A custom server's authorize page, as typed (empty: derived from the root).
    public var customAuthPage: TextField
    /// Which custom field has the cursor: 0 the API root, 1 the authorize page.
    public var customFocus: Int
    /// The typed API root is being asked whether an API answers there, before the key is asked.
    public var probingAddress: Bool
    /// The authorize page last filled in from the API root: while the field still holds it, it
    /// follows a corrected root; once the person edits it, it is theirs.
    public var derivedAuthPage: String?
    /// The service (or a custom server's addresses) came from a flag: the service step is skipped.
    public var serviceGiven: Bool

    /// The API key field.
    public var apiKey: TextField
    /// The shared secret field.
    public var secret: TextField
    /// The key and secret were made on the spot (`Credential.madeUp`) for a server that does not check them.
    public var madeUpCredentials: Bool
    /// Only the secret was made on the spot: a key was given, for a server that does not check secrets.
    public var madeUpSecret: Bool
    /// The key and secret an earlier run made on the spot, by the API root they were made for,
    /// kept with a token this profile can still resume: going on without an API account there
    /// uses them again.
    public var earlierMadeUpCredentials: [String: MadeUpCredentials]
    /// The made-up key and secret in use are `earlierMadeUpCredentials`.
    public var resumedMadeUpCredentials: Bool
    /// Whether the secret is shown as typed (Ctrl-R).
    public var secretRevealed: Bool
    /// A message under the current field: why it was refused (by the check or by the server).
    public var fieldMessage: String?

    /// Where the token request stands while it is retried (`.retrying`), or nil.
    public var tokenRequest: TokenRequestState?
    /// How long ago that trouble arrived: the line counts down to the next try.
    public var sinceTrouble: Duration

    /// The token on the screen, while waiting for approval.
    public var grant: TokenGrant?
    /// Where the wait for approval stands.
    public var wait: WaitState?
    /// The current token's age now, updated by ticks, for "checked 2 s ago" and the time left.
    public var tokenAge: Duration
    /// How long a token lives, for the time left.
    public var tokenLifetime: Duration

    /// The session, once the person approved.
    public var session: Session?
    /// The credentials file the session is saved in.
    public var savedPath: String?
    /// How the save went: where it put the secrets, or why it failed.
    public var saveResult: Result<SavedSecrets, StoreError>?
    /// A graphical session is there, so a locked keyring's prompt can be shown (`KeyringUnlock`).
    public var hasDisplay: Bool
    /// The keyring's prompt that is out now, after a save that used the file.
    public var keyringPrompt: KeyringUnlock.Request?
    /// How that prompt ended.
    public var keyringAnswer: KeyringUnlock.Outcome?
    /// Why the flow ended, on the problem step.
    public var problem: String?
    /// A short note about the last action ("Copied", "Opened with xdg-open").
    public var notice: String?
    /// Said on the first screen when the terminal is drawn as another type than TERM names.
    public var terminalNote: String?
    /// The `--print` format (`env`, `json`) the run ends with, if any.
    public var printing: String?
    /// `--for APP`: the app the session is handed to when the wizard ends.
    public var handingTo: String?
    /// `--for APP`: what the app's own settings gave or lack (`Wording.readFromApp`), shown where
    /// the key and secret are asked for, as the plain front says it before its prompts.
    public var appNote: String?
    /// Whether the step's keys are shown instead of the step.
    public var showHelp: Bool
    /// The spinner frame, turned by ticks.
    public var spinner: Int

    /// The first state: the existing-profile question, or the service step.
    public init(profileName: String, existingUsername: String? = nil, preselected: ServiceOption = .lastfm,
                sandboxService: Service? = nil, serviceGiven: Bool = false, customRoot: String = "", customAuthPage: String = "",
                apiKey: String = "", secret: String = "", tokenLifetime: Duration = .seconds(3600), printing: String? = nil) {
        self.step = existingUsername == nil ? .service : .existing
        self.profileName = profileName
        self.existingUsername = existingUsername
        self.savedNote = nil
        self.startNote = nil
        self.leaveWhenSaved = false
        self.sandboxService = sandboxService
        self.serviceOptions = ServiceOption.offered(sandbox: sandboxService != nil)
        self.selectedService = sandboxService == nil ? preselected : .sandbox
        self.customRoot = TextField(customRoot)
        self.customAuthPage = TextField(customAuthPage)
        self.customFocus = 0
        self.probingAddress = false
        self.derivedAuthPage = nil
        self.serviceGiven = serviceGiven
        self.apiKey = TextField(apiKey, limit: 64)
        self.secret = TextField(secret, limit: 64)
        self.madeUpCredentials = false
        self.madeUpSecret = false
        self.earlierMadeUpCredentials = [:]
        self.resumedMadeUpCredentials = false
        self.secretRevealed = false
        self.fieldMessage = nil
        self.tokenRequest = nil
        self.sinceTrouble = .zero
        self.grant = nil
        self.wait = nil
        self.tokenAge = .zero
        self.tokenLifetime = tokenLifetime
        self.session = nil
        self.savedPath = nil
        self.saveResult = nil
        self.hasDisplay = false
        self.keyringPrompt = nil
        self.keyringAnswer = nil
        self.problem = nil
        self.notice = nil
        self.terminalNote = nil
        self.printing = printing
        self.showHelp = false
        self.spinner = 0
    }

    /// Whether the wizard runs against the built-in sandbox.
    public var isSandbox: Bool { sandboxService != nil }

    /// What to say when the person cancels now: a real server's token that is on the screen can be
    /// resumed by running again, unless it is named as possibly spent (then resuming cannot help).
    public var cancelMessage: String {
        FlowRules.cancelled(tokenShown: step == .authorize, possiblySpent: possiblySpent, facts: facts)
    }

    /// How far the run has come, for what leaving means (`RunRules.leaving`).
    public var runPhase: RunPhase {
        switch step {
        case .authorize: .tokenShown(possiblySpent: possiblySpent)
        case .saving: .saving
        case .done: .saved
        default: .starting
        }
    }

    /// What the core's `FlowRules` need to know of this run.
    public var facts: FlowFacts {
        let service = try? chosenService().get()
        return FlowFacts(madeUpCredentials: madeUpCredentials, sandbox: isSandbox, apiRoot: service?.apiRoot, addressTyped: service?.isCustom ?? false,
                         serverSaysSpent: service?.checksAPIKeys == true)
    }

    /// Whether the person may go on without an API account (`FlowRules.mayGoWithoutAPIAccount`).
    public var mayGoWithoutAPIAccount: Bool {
        (try? chosenService().get()).map { FlowRules.mayGoWithoutAPIAccount($0, forApp: handingTo != nil) } ?? false
    }

    /// Whether the spent-token hint applies now.
    public var possiblySpent: Bool {
        guard let grant, case .waiting? = wait else { return false }
        return SpentTokenHint.applies(to: grant, tokenAge: tokenAge, serverSaysSpent: facts.serverSaysSpent)
    }

    /// The custom fields as they will be used: the API root completed (`/2.0` → `/2.0/`) and an empty
    /// authorize page derived from it, so the person sees the addresses before any request. A page
    /// derived earlier and not edited since is derived again, so it follows a corrected root.
    public mutating func completeCustomAddresses() {
        let page = customAuthPage.text.trimmingWhitespace()
        let derived = page.isEmpty || page == derivedAuthPage
        guard let typed = try? TypedServer(apiRoot: customRoot.text, authPage: derived ? "" : customAuthPage.text) else { return }
        if customRoot.text != typed.service.apiRoot.text { customRoot.set(typed.service.apiRoot.text) }
        if derived {
            customAuthPage.set(typed.service.authPage.text)
            derivedAuthPage = typed.service.authPage.text
        }
    }

    /// The service chosen so far, or why the custom addresses are not acceptable.
    public func chosenService() -> Result<Service, ServiceError> {
        switch selectedService {
        case .known(let service): return .success(service.service)
        case .sandbox: return sandboxService.map { .success($0) } ?? .success(.lastfm)
        case .custom:
            let page = customAuthPage.text.trimmingWhitespace() == derivedAuthPage ? "" : customAuthPage.text
            do { return .success(try TypedServer(apiRoot: customRoot.text, authPage: page).service) } catch {
                return .failure(error)
            }
        }
    }
}
