import LastFMApps
import LastFMAuth

/// Works out the service, key, secret and profile, in this order of preference: flags,
/// environment, the saved profile. What is still missing is left for the front to ask.
struct SettingsResolver {
    let command: LoginCommand
    let environment: [String: String]
    /// Where the built-in sandbox listens, with `--sandbox`.
    let sandbox: SandboxAddress?

    func resolve() throws(CLIError) -> RunSettings {
        let app = try resolveApp()
        if let note = app?.note { Output.error(note) }
        let profileName = command.saved.profile ?? app?.app.id ?? (sandbox == nil ? ProfileChoice.defaultProfile : ProfileChoice.sandboxProfile)
        let (store, existing) = try readExisting(profileName)

        let schedule = PollingSchedule(interval: .milliseconds(Int64(command.setup.interval * 1000)))
        let waiting = PendingTokenStore(besideCredentialsAt: store.path).waiting(for: profileName, now: Timestamp.nowUnix(), lifetime: schedule.tokenLifetime)
        let (service, notes, resuming) = try resolveService(existing: existing, waiting: waiting)
        if sandbox != nil {
            return RunSettings(service: service, resumeToken: !command.setup.newToken, apiKey: SandboxAccount.apiKey,
                               secret: SandboxAccount.apiSecret, profileName: profileName, store: store, existing: existing,
                               savedSession: RunRules.savedSession(existing, profile: profileName, service: service, apiKey: SandboxAccount.apiKey,
                                                                   replace: command.setup.replace),
                               schedule: schedule)
        }
        // Checked before anything is asked, sent or written: a session works only on its own server.
        if let app, !RunRules.appServes(app.app.services, service) { throw .usage(Wording.appTalksElsewhere(app.app, service: service)) }
        let sameService = existing.map { $0.apiRoot == service.apiRoot.text } ?? false
        // A token taken up from an earlier run resumes only with the key it was issued to; a
        // made-up one comes back with its secret where the fronts go on without an API account.
        let pendingKey = resuming.flatMap { $0.madeUpSecret == nil ? $0.apiKey : nil }
        let apiKey = try resolveKey(app: app?.credentials.key, saved: sameService ? existing?.apiKey : pendingKey)
        let sameKey = sameService && existing?.apiKey == apiKey
        let secret = try resolveSecret(app: app?.credentials.secret, saved: sameKey ? existing.flatMap { $0.apiSecret.isEmpty ? nil : $0.apiSecret } : nil)
        let serviceGiven = command.setup.service != nil || command.setup.apiRoot != nil || resuming != nil
        return RunSettings(service: service, serviceGiven: serviceGiven, resumeToken: !command.setup.newToken, apiKey: apiKey, secret: secret,
                           profileName: profileName, store: store, existing: existing,
                           savedSession: RunRules.savedSession(existing, profile: profileName, service: service, apiKey: apiKey, replace: command.setup.replace),
                           schedule: schedule, addressNotes: resuming == nil ? notes : [], resumingNote: resuming == nil ? nil : notes.first,
                           authPageDerived: command.setup.apiRoot != nil && command.setup.authURL == nil,
                           app: app?.app, appNote: app?.note)
    }

    /// `--for APP`: the app and the key and secret its own settings hold. A file that cannot be
    /// read stops the run before anything is asked or written.
    private func resolveApp() throws(CLIError) -> (app: any SessionApp, credentials: AppCredentials, note: String)? {
        guard let choice = command.setup.forApp else { return nil }
        let app: any SessionApp
        var credentials: AppCredentials
        do throws(AppError) {
            guard let known = KnownApps.named(choice.id, environment: environment) else { return nil }
            app = known
            credentials = try app.credentials()
        } catch {
            throw .failed(Wording.appUnreadable(choice.id, error))
        }
        // A key or secret the server would refuse out of hand is asked for instead.
        for (value, path) in [(credentials.key, \AppCredentials.key), (credentials.secret, \AppCredentials.secret)] {
            if let value, case .failure = Credential.normalize(value.value) { credentials[keyPath: path] = nil }
        }
        if !app.writesMissingCredentials, credentials.key == nil || credentials.secret == nil {
            throw .failed(Wording.appNeedsCredentials(app))
        }
        return (app, credentials, Wording.readFromApp(app, credentials))
    }

    /// The profile saved before this run. One whose secrets the keyring cannot give now (locked,
    /// gone) does not stop the run: its server and key are used, the secret is asked for again,
    /// and the new session replaces it.
    private func readExisting(_ profileName: String) throws(CLIError) -> (CredentialsStore, Profile?) {
        let store = try command.saved.locate(environment: environment)
        var warnings: [String] = []
        defer { warnings.forEach(Output.warning) }
        do throws(StoreError) {
            do {
                return (store, try store.profile(named: profileName, warnings: &warnings))
            } catch .keyring(let name, let problem) {
                warnings.append(L("{keyring}; connecting again replaces them", ["keyring": "\(StoreError.keyring(profile: name, problem))"]))
                return (store, try store.profileFromFile(named: profileName, warnings: &warnings))
            }
        } catch {
            throw .failed(error.description)
        }
    }

    /// The service, what was made of typed addresses or taken up (said to the person), and the
    /// earlier run's token when the service is the one it waits on (`RunRules.serverToResume`).
    private func resolveService(existing: Profile?, waiting: PendingToken?) throws(CLIError) -> (Service, [String], PendingToken?) {
        if let sandbox { return (.sandbox(at: sandbox), [], nil) }
        if let root = command.setup.apiRoot {
            do {
                let typed = try TypedServer(apiRoot: root, authPage: command.setup.authURL)
                return (typed.service, Wording.usingAddresses(typed), nil)
            } catch { throw .usage(error.description) }
        }
        if let choice = command.setup.service { return (choice.known.service, [], nil) }
        if let pending = RunRules.serverToResume(waiting, savedAPIRoot: existing?.apiRoot, resumeAllowed: !command.setup.newToken),
           let service = KnownService.all.first(where: { $0.apiRoot.text == pending.apiRoot })?.service
               ?? (try? TypedServer(apiRoot: pending.apiRoot, authPage: pending.authPage ?? "").service) {
            let age = pending.age(now: Timestamp.nowUnix()) ?? .zero
            return (service, [Wording.takingUpToken(on: service, age: age)], pending)
        }
        if let existing {
            do { return (try existing.resolvedService(), [], nil) } catch { throw .failed(L("the saved profile's server: {description}", ["description": "\(error.description)"])) }
        }
        return (.lastfm, [], nil)
    }

    private func resolveKey(app: AppValue?, saved: String?) throws(CLIError) -> String? {
        if let flag = command.setup.apiKey { return try checked(flag, what: "--api-key") }
        if let app { return try checked(app.value, what: L("The app's key")) }
        if let value = environment["LASTFM_API_KEY"], !value.isEmpty { return try checked(value, what: "LASTFM_API_KEY") }
        return saved
    }

    private func resolveSecret(app: AppValue?, saved: String?) throws(CLIError) -> String? {
        if let path = command.setup.apiSecretFile {
            let secret: String
            do { secret = try SecretFile.read(path) } catch { throw .usage(error.description) }
            return try checked(secret, what: L("The secret in {path}", ["path": "\(Sanitizer.clean(path))"]))
        }
        if let app { return try checked(app.value, what: L("The app's secret")) }
        if let value = environment["LASTFM_API_SECRET"], !value.isEmpty { return try checked(value, what: "LASTFM_API_SECRET") }
        return saved
    }

    private func checked(_ value: String, what: String) throws(CLIError) -> String {
        switch Credential.normalize(value) {
        case .success(let normalized): return normalized
        case .failure(let problem): throw .usage("\(what) \(problem)")
        }
    }
}
