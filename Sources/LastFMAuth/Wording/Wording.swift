/// Every sentence a person can meet in the flow, written once for both fronts: the wizard and
/// the plain front say the same words for the same situation. Each sentence says what happened
/// and, where the person can act, what to do. Durations follow `SpokenDuration`'s rules.
public enum Wording {
    /// How a front offers a fresh token: a key in the wizard, a flag in the plain front.
    public enum NewTokenRemedy: Sendable {
        /// The wizard's `n` key.
        case key
        /// The plain front's `--new-token` on the next run.
        case flag

        var instruction: String {
            switch self {
            case .key: L("press n for a new one")
            case .flag: L("press Ctrl-C and run again with --new-token")
            }
        }
    }

    // MARK: Refusals

    /// The server refused the API key (10, 26).
    public static func keyRefused(_ error: AuthError) -> String {
        error.apiCode == .suspendedAPIKey
            ? L("The API key was refused: {error}. Ask the service why, or use another API account's key.", ["error": "\(error)"])
            : L("The API key was refused: {error}. Check the key on your API account page.", ["error": "\(error)"])
    }

    /// The server refused the signature (13): the secret does not belong to the key.
    public static var secretRefused: String {
        L("The shared secret does not match this API key (error 13). Check the secret: it is shown next to the key on your API account page.")
    }

    /// How a front lets the person change a server's address.
    public enum AddressRemedy: Sendable {
        /// The wizard's Esc, back to the address fields.
        case key
        /// The plain front's `--api-root` on the next run.
        case flag

        var instruction: String {
            switch self {
            case .key: L("press Esc to change it")
            case .flag: L("press Ctrl-C and run again with the right --api-root")
            }
        }
    }

    /// A token request that waiting cannot fix and no field is blamed for; `apiRoot`, where it was
    /// asked, lets an address that is not the API (a web page, a 404) be named with what it usually
    /// looks like, and an HTTPS address on this machine that met no TLS be offered as http://.
    public static func tokenRefused(_ error: AuthError, apiRoot: WebAddress? = nil) -> String {
        guard let apiRoot, let said = addressProblem(L("Could not get a token from {apiRoot}", ["apiRoot": "\(apiRoot)"]), error, apiRoot: apiRoot) else {
            return L("Could not get a token: {error}.", ["error": "\(error)"])
        }
        return said
    }

    /// A typed API root where no API answered when it was checked, before the key and secret were
    /// asked (`RunRules.afterProbe`), with what an API root looks like or the http:// address to try.
    public static func noAPIAt(_ apiRoot: WebAddress, _ error: AuthError) -> String {
        let opening = L("No Last.fm-compatible API answers at {apiRoot}", ["apiRoot": "\(apiRoot)"])
        return addressProblem(opening, error, apiRoot: apiRoot) ?? L("{opening}: {error}.", ["opening": opening, "error": "\(error)"])
    }

    /// `opening`, the error and the remedy where the address is the likely fault; nil elsewhere.
    private static func addressProblem(_ opening: String, _ error: AuthError, apiRoot: WebAddress) -> String? {
        if error.isNotTheAPI {
            return L("{opening}: {error}. An API root usually ends in /2.0/, such as {origin}/2.0/.", ["opening": "\(opening)", "error": "\(error)", "origin": "\(TypedServer.origin(of: apiRoot))"])
        }
        if case .transport(let failure) = error, failure.kind == .handshake, apiRoot.scheme == "https", WebAddress.isLoopback(host: apiRoot.host) {
            let plain = "http" + apiRoot.text.dropFirst("https".count)
            // The handshake's own words would repeat the remedy: this sentence must fit a 40x12 screen whole.
            return L("{opening}: no TLS answered there. If the server speaks plain HTTP, type its address as {plain}", ["opening": "\(opening)", "plain": "\(plain)"])
        }
        return nil
    }

    /// A script's token request that met trouble on every try and stopped.
    public static func gaveUp(_ error: AuthError, attempts: Int) -> String {
        Ln("Could not get a token after {n} try: {error}. Run lastfm-auth again once the server answers.", "Could not get a token after {n} tries: {error}. Run lastfm-auth again once the server answers.", attempts, ["error": "\(error)"])
    }

    /// An answer that ended the wait for approval, where no field is to blame.
    public static func waitFailed(_ error: AuthError) -> String {
        error.apiCode == .authenticationFailed ? L("Access was not granted: {error}.", ["error": "\(error)"]) : L("The server stopped the wait for approval: {error}.", ["error": "\(error)"])
    }

    /// The token's hour ran out (by our clock or the server's error 15).
    public static var tokenExpired: String { L("The token expired before it was approved.") }

    /// A token resumed from an earlier run that can no longer be used: a fresh one is asked for.
    public static var resumedTokenExpired: String { L("The token from the earlier run can no longer be used; getting a new one.") }

    /// How the plain front, whose run has ended, offers a fresh token.
    public static var runAgainForNewToken: String { L("Run lastfm-auth again for a new one.") }

    // MARK: Trouble that passes

    /// A token request failed in a way that may pass; it is tried again after `delay`. With
    /// `addressRemedy` (`FlowRules.addressMayBeWrong`), how to change an address that may be wrong.
    public static func tokenTrouble(_ error: AuthError, retryingIn delay: Duration, addressRemedy: AddressRemedy? = nil) -> String {
        let trouble = L("{sentence}. Trying again in {delay}.", ["sentence": "\(sentence(error))", "delay": "\(SpokenDuration.delay(delay))"])
        guard let addressRemedy else { return trouble }
        return L("{trouble} If the address is wrong (the port, or http:// against https://), {instruction}.", ["trouble": trouble, "instruction": "\(addressRemedy.instruction)"])
    }

    /// A check for approval failed in a way that may pass; the next one is in `delay`, and the
    /// token has `tokenLeft` to live, when a front says it in the same line.
    public static func waitTrouble(_ error: AuthError, checkingIn delay: Duration, tokenLeft: Duration? = nil) -> String {
        let values = ["sentence": sentence(error), "delay": SpokenDuration.delay(delay)]
        guard let tokenLeft else { return L("{sentence}. Checking again in {delay}.", values) }
        return L("{sentence}. Checking again in {delay} ({validFor}).", values.merging(["validFor": validFor(tokenLeft)]) { $1 })
    }

    /// The first good answer after trouble.
    public static var troubleOver: String { L("The server answers again; still waiting for approval.") }

    /// The built-in sandbox's program ended during the run (`how`: "signal 9", "exit status 1"),
    /// so nothing will answer on its port again: said once, beside the trouble it causes.
    public static func sandboxEnded(_ how: String) -> String {
        L("The built-in sandbox stopped ({how}); quit and run lastfm-auth --sandbox again.", ["how": "\(how)"])
    }

    // MARK: No API account

    /// How to go on without an API account where the server may not check keys; `keyStep`: in the
    /// wizard's key field (else at the plain front's prompt).
    public static func withoutAPIAccount(_ service: Service, keyStep: Bool) -> String {
        let who = service.checksAPIKeys == false ? L("{displayName} does not check API keys", ["displayName": "\(service.displayName)"]) : L("GNU FM servers (the software behind Libre.fm) do not check API keys")
        return "\(who): " + (keyStep ? L("leave the key empty and press Enter to go on without an API account.") : L("press Enter without a key to go on without an API account."))
    }

    /// The wizard's secret step where a key was given for a server that may not check secrets.
    public static func withoutSecret(_ service: Service) -> String {
        let who = service.checksAPIKeys == false ? L("{displayName} does not check shared secrets", ["displayName": "\(service.displayName)"]) : L("GNU FM servers do not check shared secrets")
        return L("{who}: leave it empty and press Enter to go on with one made on the spot.", ["who": "\(who)"])
    }

    /// A key and secret were made on the spot for a server that does not check them (or, `resumed`,
    /// those an earlier run made, kept with its token).
    public static func madeUpCredentials(_ service: Service, resumed: Bool = false) -> String {
        resumed
            ? L("Going on without an API account, with the key and secret made for {displayName} in the earlier run.", ["displayName": "\(service.displayName)"])
            : L("Going on without an API account: a key and secret were made on the spot for {displayName}.", ["displayName": "\(service.displayName)"])
    }

    /// A shared secret was made on the spot for a server that does not check it: a key was given, no secret.
    public static func madeUpSecret(_ service: Service) -> String {
        let who = service.checksAPIKeys == false ? L("{displayName} does not check it", ["displayName": "\(service.displayName)"]) : L("GNU FM servers do not check it")
        return L("Going on without a shared secret: {who}, so one was made on the spot.", ["who": "\(who)"])
    }

    /// The server refused a made-up key or secret after all: real ones are needed.
    public static func realCredentialsNeeded(_ error: AuthError) -> String {
        L("This server checks API keys after all: {error}. An API account's key and shared secret are needed.", ["error": "\(error)"])
    }

    /// Where the plain front takes real credentials from.
    public static var giveCredentials: String { L("Give them with --api-key and --api-secret-file (or LASTFM_API_KEY and LASTFM_API_SECRET).") }

    // MARK: The key and the secret

    /// What a field is called at the start of a sentence.
    public static func name(of field: CredentialField) -> String {
        switch field {
        case .apiKey: L("The API key")
        case .secret: L("The shared secret")
        }
    }

    /// A typed key or secret that cannot be right (`problem`), before anything is sent.
    public static func fieldRefused(_ field: CredentialField, _ problem: Credential.Problem) -> String {
        switch (field, problem) {
        case (.apiKey, .empty): L("The API key is empty.")
        case (.secret, .empty): L("The shared secret is empty.")
        case (.apiKey, .wrongLength(let count)): Ln("The API key has {n} character; it should have 32.", "The API key has {n} characters; it should have 32.", count)
        case (.secret, .wrongLength(let count)): Ln("The shared secret has {n} character; it should have 32.", "The shared secret has {n} characters; it should have 32.", count)
        case (.apiKey, .notHex): L("The API key may only contain 0-9 and a-f.")
        case (.secret, .notHex): L("The shared secret may only contain 0-9 and a-f.")
        }
    }

    /// The plain front asks again after `fieldRefused`.
    public static var tryAgain: String { L("Try again.") }

    /// Where an API key and secret come from.
    public static var apiAccountHint: String { L("An API account gives you a key and a shared secret: https://www.last.fm/api/account/create") }

    /// A key or secret the plain front could not ask for (no input left).
    public static func fieldNeeded(_ field: CredentialField) -> String {
        L("{name} is needed: give it with a flag or the environment (see --help)", ["name": "\(name(of: field))"])
    }

    /// The plain front's prompts.
    public enum Prompt {
        /// For the API key.
        public static var apiKey: String { L("API key: ") }
        /// For the API key where the server may not check it.
        public static var optionalAPIKey: String { L("API key (Enter: none): ") }
        /// For the shared secret, typed without echo.
        public static var secret: String { L("Shared secret (typing is hidden): ") }
        /// For the shared secret where the server may not check it (Enter makes one up).
        public static var optionalSecret: String { L("Shared secret (typing is hidden; Enter: none): ") }
    }

    // MARK: The start

    /// `--verbose` in the wizard with standard error on its terminal, said before it draws.
    /// `--verbose`: the language the environment asks for cannot be spoken here (`Catalog.unavailable`).
    public static func languageUnavailable(_ requested: String) -> String {
        L("The language {requested} is not available here (its locale is not generated, or lastfm-auth has no catalog for it): speaking English.", ["requested": requested])
    }

    public static var verboseNeedsRedirect: String {
        L("lastfm-auth: --verbose writes its log to standard error, which is the wizard's terminal here: redirect it (2>lastfm-auth.log) to keep the log, or add --plain.")
    }

    /// The plain front's first line.
    public static func connecting(_ service: Service, profile: String) -> String {
        L("Connecting an application to {displayName} (profile \"{profile}\").", ["displayName": "\(service.displayName)", "profile": "\(profile)"])
    }

    /// The plain front's first line with `--sandbox`.
    public static func usingSandbox(apiRoot: WebAddress) -> String {
        L("Using the built-in sandbox server at {address}: no account or internet needed.", ["address": "\(apiRoot.text)"])
    }

    /// The profile already holds a session.
    public static func existingSession(profile: String, username: String) -> String {
        L("Profile \"{profile}\" already holds a session for {username}.", ["profile": "\(profile)", "username": "\(username)"])
    }

    /// After `existingSession`, with `--replace`.
    public static var replacedWhenApproved: String { L("It will be replaced when you approve.") }

    /// After `existingSession`: it was made on another server than the one asked for.
    public static func savedSessionOtherServer(_ apiRoot: String) -> String {
        L("It was made on another server ({apiRoot}) and works only there: a new one replaces it when you approve.", ["apiRoot": "\(Sanitizer.clean(apiRoot))"])
    }

    /// After `existingSession`: it was made with another API key than the one asked for.
    public static var savedSessionOtherKey: String {
        L("It was made with another API key, and a session works only with the key that made it: a new one replaces it when you approve.")
    }

    /// After `existingSession`: it came from an earlier run of the built-in sandbox, which keeps nothing once it stops.
    public static var savedSessionOfEarlierSandbox: String {
        L("It came from an earlier sandbox, which keeps no session once it stops: a new one replaces it when you approve.")
    }

    /// After `existingSession`: the server refuses it (`check`), so it is replaced, never kept.
    public static func savedSessionFails(_ check: SessionCheck) -> String {
        switch check {
        case .keyRefused(let error): L("It no longer works: the server refuses its API key or shared secret: {error}. A new one replaces it when you approve.", ["error": "\(error)"])
        default: L("It no longer works: it was revoked in the account's settings (error 9). A new one replaces it when you approve.")
        }
    }

    /// After `existingSession`: what the server said of it, where it may be kept (`check.mayBeKept`).
    public static func savedSessionChecked(_ check: SessionCheck) -> String {
        switch check {
        case .connected: L("The server accepts it.")
        case .unverifiable: L("The server cannot check a session (GNU FM servers cannot), so it may still work.")
        case .couldNotCheck(let error), .failed(let error): L("It could not be checked now: {error}.", ["error": "\(error)"])
        case .revoked, .keyRefused: savedSessionFails(check)
        }
    }

    /// While the server is asked whether the saved session still works.
    public static func checkingSavedSession(profile: String, username: String) -> String {
        L("Profile \"{profile}\" holds a session for {username}; asking the server whether it still works...", ["profile": "\(profile)", "username": "\(username)"])
    }

    /// The person (or the plain front, for a session that may still work) kept the saved session.
    public static func keptSession(username: String) -> String {
        L("Kept the saved session for {username}.", ["username": "\(username)"])
    }

    /// A run that names no server takes up the token an earlier run left waiting at `service`.
    public static func takingUpToken(on service: Service, age: Duration) -> String {
        L("Taking up the token an earlier run left waiting at {displayName} ({age} old). Run with --new-token to start over.", ["displayName": "\(service.known == nil ? service.apiRoot.text : service.displayName)", "age": "\(SpokenDuration.age(age))"])
    }

    /// How the plain front replaces a saved session that still works.
    public static var replaceHint: String { L("Run with --replace to replace it.") }

    /// While a typed API root is asked whether an API answers there, before the key and secret.
    public static func checkingAddress(_ apiRoot: WebAddress) -> String {
        L("Checking that a Last.fm-compatible API answers at {address}...", ["address": "\(apiRoot.text)"])
    }

    /// While the token is asked for.
    public static func askingForToken(host: String) -> String {
        L("Asking {host} for a request token...", ["host": "\(host)"])
    }

    // MARK: Addresses

    /// What was made of a custom server's typed addresses, one line for each change.
    public static func usingAddresses(_ typed: TypedServer) -> [String] {
        var lines: [String] = []
        if let original = typed.typedAPIRoot {
            lines.append(L("Using the API root {apiRoot} (typed as {original}).", ["apiRoot": "\(typed.service.apiRoot)", "original": "\(Sanitizer.clean(original))"]))
        }
        if typed.derivedAuthPage {
            lines.append(L("Using the authorize page {authPage}, derived from the API root.", ["authPage": "\(typed.service.authPage)"]))
        }
        return lines
    }

    // MARK: The token and the wait

    /// A token left by an earlier run is used again instead of a new one.
    public static func resumed(age: Duration) -> String {
        L("Resumed the token from an earlier run ({age} old).", ["age": "\(SpokenDuration.age(age))"])
    }

    /// A resumed token still not approved `SpokenDuration`-long after resuming: it may be spent.
    public static func possiblySpent(after: Duration, remedy: NewTokenRemedy) -> String {
        if after < SpentTokenHint.after {
            // Said at once, where the server never tells: it cannot be a matter of waiting.
            return L("This token is from an earlier run, and this server never says whether a token was already used (GNU FM servers keep saying \"not yet authorised\"): if its page says the token is invalid, {instruction}.", ["instruction": "\(remedy.instruction)"])
        }
        return L("Still not approved {age} after resuming this token. If it was already used in an earlier run (GNU FM servers keep saying \"not yet authorised\" for a spent token), {instruction}.", ["age": "\(SpokenDuration.age(after))", "instruction": "\(remedy.instruction)"])
    }

    /// Before the authorize address, with what the person does there on `service`.
    public static func openThePage(_ service: Service) -> String {
        L("Open this address in a browser, {approval}:", ["approval": "\(approval(on: service))"])
    }

    /// What a person does on `service`'s authorize page: its table entry's words, the sandbox's
    /// button, or both buttons a custom server may have.
    public static func approval(on service: Service) -> String {
        if let known = service.known { return known.approval }
        return service.isSandbox ? L("then press Allow access") : L("sign in and allow access (a GNU FM server's button says Submit)")
    }

    /// The plain front's line after the address; `enterChecks` on a terminal, where Enter checks now.
    public static func waiting(interval: Duration, left: Duration, enterChecks: Bool) -> String {
        let values = ["delay": SpokenDuration.delay(interval), "validFor": validFor(left)]
        return enterChecks ? L("Waiting for approval (checking every {delay}, {validFor}; press Enter to check now).", values)
            : L("Waiting for approval (checking every {delay}, {validFor}).", values)
    }

    /// A check found the token not approved yet (the plain front's --verbose).
    public static var notApprovedYet: String { L("Checked: not approved yet.") }

    /// How a front offers the sandbox's approval besides its page.
    public enum SandboxApproval: Sendable {
        /// The wizard's `a` key.
        case key
        /// A command for another shell (the plain front), shown on the next line.
        case command
    }

    /// The sandbox's page approves, and so does `way`.
    public static func sandboxApproveHint(_ way: SandboxApproval) -> String {
        switch way {
        case .key: L("Sandbox: press Allow access on that page, or press a to approve as {user}.", ["user": "\(SandboxAccount.user)"])
        case .command: L("Sandbox: press Allow access on that page, or approve from another shell with:")
        }
    }

    /// The command that approves `token` at the sandbox's authorize `page`, as its Allow button does.
    public static func sandboxApproveCommand(token: String, page: String) -> String {
        L("curl -s -d action=allow -d api_key={apiKey} -d token={token} {page} >/dev/null", ["apiKey": "\(SandboxAccount.apiKey)", "token": "\(token)", "page": "\(page)"])
    }

    /// How long the token stays valid, as part of a status line.
    public static func validFor(_ left: Duration) -> String {
        L("token valid for {remaining}", ["remaining": "\(SpokenDuration.remaining(left))"])
    }

    /// The authorize page was handed to a browser by `program`; `callback`: the web flow's page,
    /// which comes back to this machine, so approval there is noticed at once.
    public static func browserOpened(_ program: String, callback: Bool = false) -> String {
        callback ? L("Opened the page with {program}; approval there is noticed at once.", ["program": "\(program)"]) : L("Opened the page with {program}.", ["program": "\(program)"])
    }

    /// No browser could be started (`reason`); the address is on the screen.
    public static func browserNotOpened(_ reason: String) -> String {
        L("Could not open a browser: {reason}. Open the address yourself.", ["reason": "\(reason)"])
    }

    // MARK: The end

    /// The person cancelled. `resumable`: a real server's token was shown and can still be approved.
    public static func cancelled(resumable: Bool) -> String {
        resumable ? L("Cancelled. The token stays valid for a while: run lastfm-auth again to resume.") : L("Cancelled.")
    }

    /// The person approved.
    public static func authorized(_ session: Session) -> String {
        L("Authorized as {username}.", ["username": "\(session.username)"])
    }

    /// The session is in the credentials file.
    public static func saved(profile: String, path: String) -> String {
        L("Saved profile \"{profile}\" to {path}.", ["profile": "\(profile)", "path": "\(path)"])
    }

    /// Where the save put the shared secret and the session key, and why not in the keyring when
    /// it was asked for or tried: said after `saved` by both fronts, and by `move`.
    public static func secretsSaved(_ saved: SavedSecrets) -> String {
        switch (saved.place, saved.keyringProblem) {
        case (.keyring, _):
            L("The shared secret and session key are in the keyring (Secret Service), not in the file.")
        case (.file, nil):
            L("The shared secret and session key are in the file (mode 0600).")
        case (.file, let problem?):
            L("The shared secret and session key are in the file (mode 0600); the keyring was not used: {problem}.", ["problem": "\(problem)"])
        }
    }

    /// How the person's app gets the session key, wherever it is; `printing` (`env`, `json`) when
    /// the run prints the credentials on standard output as it ends; `handingTo` with `--for APP`.
    public static func sessionKeyHint(profile: String, place: SecretPlace, printing: String? = nil, handingTo app: String? = nil) -> String {
        if let app { return L("{app} gets its own copy of the session when you leave this screen: what is written where is said then.", ["app": "\(app)"]) }
        let print = printing.map { L("The credentials are printed on standard output when you exit (--print {format}).", ["format": "\($0)"]) }
            ?? L("Add --print env or --print json to a run to also get the credentials on standard output.")
        return switch place {
        case .file: L("Your app reads the session key from there (profiles.{profile}.session_key). {print}", ["profile": "\(profile)", "print": print])
        case .keyring: L("Your app gets the session key with `lastfm-auth token --profile {profile}`. {print}", ["profile": "\(profile)", "print": print])
        }
    }

    /// Everything said once the person approved: who, where the session went and where the secrets
    /// are; or, when saving failed, why and the session key itself, so it is not lost. `problem`
    /// marks the line a front shows as the problem. The done screen and both fronts' last words.
    public static func afterSave(_ session: Session, profile: String, path: String, result: Result<SavedSecrets, StoreError>) -> [(text: String, problem: Bool)] {
        switch result {
        case .success(let secrets):
            [(authorized(session), false), (saved(profile: profile, path: path), false), (secretsSaved(secrets), false)]
        case .failure(let error):
            [(authorized(session), false), (saveFailed(error.description), true), (sessionKeyFollows(session), false), (session.key, false)]
        }
    }

    /// Where the session key made for `service` can be revoked, after `logout` removed the saved copy.
    public static func revokeHint(_ service: Service?) -> String {
        switch service {
        case let service? where service.known != nil:
            guard let page = service.known?.connectedApplicationsPage else {
                return L("The session key itself still works: {displayName} (GNU FM) has no page that removes an application's access.", ["displayName": "\(service.displayName)"])
            }
            return L("The session key itself works until access is removed on the service:\n  {page}", ["page": page])
        case let service? where service.isSandbox:
            return L("The session key itself works until you press Revoke on the sandbox's sessions page, or the sandbox stops.")
        default:
            return L("The session key itself works until access is removed on the service, on a page of the account's settings if the server has one (GNU FM servers have none).")
        }
    }

    /// The session could not be saved; `sessionKeyFollows` and the key come next, so nothing is lost.
    public static func saveFailed(_ reason: String) -> String {
        L("The session could not be saved: {reason}", ["reason": "\(reason)"])
    }

    /// `--print` could not write to standard output.
    public static func printFailed(sessionSaved: Bool) -> String {
        sessionSaved ? L("could not write to standard output, which was closed; the session is saved") : L("could not write to standard output, which was closed")
    }

    /// The line before a session key shown because it could not be saved.
    public static func sessionKeyFollows(_ session: Session) -> String {
        L("Your session key (keep it secret; it grants access to {username}'s account):", ["username": "\(session.username)"])
    }

    /// Items in a sentence: "a", "a and b", "a, b and c", as the person's language joins them;
    /// with `or`, one of them: "a, b or c".
    public static func list(_ items: [String], or: Bool = false) -> String {
        guard var text = items.first else { return "" }
        for (index, item) in items.dropFirst().enumerated() {
            let values = ["list": text, "item": item]
            text = switch (index == items.count - 2, or) {
            case (false, _): L("{list}, {item}", values)
            case (true, false): L("{list} and {item}", values)
            case (true, true): L("{list} or {item}", values)
            }
        }
        return text
    }

    /// An error's own words as a sentence: its first letter in upper case.
    public static func sentence(_ error: AuthError) -> String {
        let text = error.description
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
