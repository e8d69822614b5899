import LastFMAuth

/// The sentences of handing a session to an app, the same in both fronts (they are said once the
/// flow has ended, on standard error).
extension Wording {
    /// What was done to `app`'s files, then where the profile's own copy is, then what the app needs now.
    public static func handedOff(_ app: any SessionApp, writes: [AppWrite], profile: Profile, profileName: String, running: [Int32]) -> [String] {
        var lines = writes.map { write -> String in
            let path = Sanitizer.clean(write.path)
            switch write.change {
            case .wrote(let backup?):
                return L("{id}: wrote {what} to {path} (what was there is kept in {backup}).", ["id": "\(app.id)", "what": "\(write.what)", "path": "\(path)", "backup": "\(Sanitizer.clean(backup))"])
            case .wrote(nil):
                return L("{id}: wrote {what} to {path}.", ["id": "\(app.id)", "what": "\(write.what)", "path": "\(path)"])
            case .unchanged:
                return L("{id}: {path} already holds {what}, so it was not changed.", ["id": "\(app.id)", "path": "\(path)", "what": "\(write.what)"])
            case .wouldWrite(let backup?):
                return L("{id}: would write {what} to {path} and change nothing else there; the file as it is now would be kept in {backup}.", ["id": "\(app.id)", "what": "\(write.what)", "path": "\(path)", "backup": "\(Sanitizer.clean(backup))"])
            case .wouldWrite(nil):
                return L("{id}: would write {what} to {path}, a new file.", ["id": "\(app.id)", "what": "\(write.what)", "path": "\(path)"])
            case .overridden(let variable):
                return L("{id}: {variable} in the environment names another {what} and {id} reads it first: set it to the profile's (lastfm-auth status --profile {profileName}) or unset it.", ["id": "\(app.id)", "variable": "\(variable)", "what": "\(write.what)", "profileName": "\(profileName)"])
            }
        }
        if profile.secretPlace == .keyring {
            lines.append(L("The profile's session key is in the keyring; {id} reads its own copy, written above.", ["id": "\(app.id)"]))
        }
        if app.processName == nil {
            lines.append(L("{id} reads the session only when it starts: restart it (docker restart, or its service) to use this one.", ["id": "\(app.id)"]))
        } else if running.isEmpty {
            lines.append(L("{id} reads the session when it starts: its next start uses this one.", ["id": "\(app.id)"]))
        } else {
            let ids = running.map(String.init).joined(separator: ", ")
            lines.append(L("{id} is running (pid {ids}) and reads the session only when it starts: restart it (systemctl --user restart {id}, when it runs as a service).", ["id": "\(app.id)", "ids": "\(ids)"]))
        }
        return lines
    }

    /// The hand-off failed after the session was saved: what went wrong, and that nothing is lost.
    public static func handOffFailed(_ app: any SessionApp, _ problem: AppError, profileName: String) -> String {
        L("could not hand the session to {id}: {problem}. The session is saved in profile \"{profileName}\": run lastfm-auth --for {id} again once that is mended (nothing is asked again), or copy it by hand from lastfm-auth token --profile {profileName}.", ["id": "\(app.id)", "problem": "\(problem)", "profileName": "\(profileName)"])
    }

    /// Before the flow: the app talks to other servers than `service`, so a session from there would
    /// be of no use to it; nothing is asked, sent or written.
    public static func appTalksElsewhere(_ app: any SessionApp, service: Service) -> String {
        let names = list(app.services.compactMap { KnownService.named($0)?.displayName })
        let server = service.known?.displayName ?? service.apiRoot.text
        return L("{id} talks to {names} only: a session from {server} would be of no use to it, so nothing was asked or written. Run with --service {service}, or without --api-root.",
                 ["id": "\(app.id)", "names": "\(names)", "server": "\(server)", "service": "\(app.services.first ?? "lastfm")"])
    }

    /// Before the flow: the app's files cannot be read, so nothing is started.
    public static func appUnreadable(_ appID: String, _ problem: AppError) -> String {
        L("{appID}'s settings: {problem}", ["appID": "\(appID)", "problem": "\(problem)"])
    }

    /// Before the flow: an app whose settings lastfm-auth does not write has no key or secret there.
    public static func appNeedsCredentials(_ app: any SessionApp) -> String {
        L("{id}'s settings ({credentialsFile}) need the application's API key and secret first: lastfm-auth does not rewrite that file. Put them there and run again.", ["id": "\(app.id)", "credentialsFile": "\(Sanitizer.clean(app.credentialsFile))"])
    }

    /// Before the flow: where the key and secret came from, so the person knows why nothing is
    /// asked, and what is missing, so they know why it is asked and where it will go.
    public static func readFromApp(_ app: any SessionApp, _ credentials: AppCredentials) -> String {
        let key = credentials.key.map { source(of: $0, secret: false) }
        let secret = credentials.secret.map { source(of: $0, secret: true) }
        switch (key, secret) {
        case let (key?, secret?):
            return L("Using {key} and {secret} ({app}'s own).", ["key": key, "secret": secret, "app": app.id])
        case let (key?, nil):
            return L("Using {key} ({app}'s own); its settings have no secret yet: the one you give is written there for it.", ["key": key, "app": app.id])
        case let (nil, secret?):
            return L("Using {secret} ({app}'s own); its settings have no API key yet: the one you give is written there for it.", ["secret": secret, "app": app.id])
        case (nil, nil):
            return L("{app}'s settings have no API key or secret yet: the ones you give are written there for it.", ["app": app.id])
        }
    }

    /// Where the key (or, `secret`, the secret) was found, as "the key from NAME in FILE".
    private static func source(of value: AppValue, secret: Bool) -> String {
        switch value.source {
        case .setting(let name, let file):
            let values = ["name": name, "file": Sanitizer.clean(file)]
            return secret ? L("the secret from {name} in {file}", values) : L("the key from {name} in {file}", values)
        case .file(let path, _):
            return secret ? L("the secret from {file}", ["file": Sanitizer.clean(path)]) : L("the key from {file}", ["file": Sanitizer.clean(path)])
        case .environment(let name):
            return secret ? L("the secret from {name}", ["name": name]) : L("the key from {name}", ["name": name])
        }
    }
}

extension Wording {
    /// `lastfm-auth apps`: one app, what it is, its files and what they hold now (no secret shown).
    public static func appListing(_ app: any SessionApp) -> [String] {
        var lines = ["\(app.id): \(app.summary)", L("  hand it a session: lastfm-auth --for {id}", ["id": "\(app.id)"])]
        let found: String
        do throws(AppError) {
            let credentials = try app.credentials()
            switch (credentials.key, credentials.secret) {
            case (.some, .some): found = L("  its settings hold an API key and secret: they are used, nothing is typed")
            case (.some, nil): found = L("  its settings hold an API key, no secret: the secret is asked for, then written there")
            default: found = L("  its settings hold no API key yet: it is asked for, then written there")
            }
        } catch {
            found = L("  its settings: {error}", ["error": "\(error)"])
        }
        for path in app.files {
            // A path still naming its variable ($CONFIG_DIR/...) is where it would be: nothing to look at.
            guard path.hasPrefix("/") else {
                lines.append("  \(Sanitizer.clean(path))")
                continue
            }
            let shown = Sanitizer.clean(path)
            switch Result(catching: { () throws(AppError) in try AppFiles.text(path) }) {
            case .success(nil): lines.append(L("  {path}: not there yet", ["path": shown]))
            case .success:
                lines.append(AppFiles.linkTarget(path).map { L("  {path}, a link to {target}: read, never replaced", ["path": shown, "target": Sanitizer.clean($0)]) } ?? "  \(shown)")
            case .failure(let problem): lines.append(L("  {path}: {problem}", ["path": shown, "problem": "\(problem)"]))
            }
        }
        lines.append(found)
        return lines
    }

    /// The sentences of `--dry-run` with `--for`: nothing asked, sent or written.
    public enum DryRun {
        /// Stands in for a key the run would ask for.
        public static var apiKey: String { L("(the API key you give)") }
        /// Stands in for a secret the run would ask for.
        public static var secret: String { L("(the shared secret you give)") }
        /// Stands in for the session key the run would get.
        public static var sessionKey: String { L("(the session key, once approved)") }

        /// What a run would do, said before what it would write.
        public static func intro(_ app: any SessionApp, profile: String, path: String, savedSession: Bool) -> String {
            savedSession
                ? L("--dry-run: nothing was asked, sent or written. A run would check the session profile \"{profile}\" holds in {path} and, if it still works, hand it to {id}:", ["profile": Sanitizer.clean(profile), "path": Sanitizer.clean(path), "id": app.id])
                : L("--dry-run: nothing was asked, sent or written. A run would save the session in profile \"{profile}\" in {path} and hand it to {id}:", ["profile": Sanitizer.clean(profile), "path": Sanitizer.clean(path), "id": app.id])
        }

        /// A write the run would refuse, found without writing.
        public static func refused(_ app: any SessionApp, _ problem: AppError) -> String {
            L("a run could not hand the session to {id}: {problem}. Nothing was written.", ["id": "\(app.id)", "problem": "\(problem)"])
        }
    }
}

extension Wording {
    /// `lastfm-auth apps`, after the apps `--for` knows: the scrobblers that build their own API key
    /// in (a session made with the person's key is of no use to them), each with its own sign-in,
    /// and pylast scripts, which `--print` serves.
    public static var appsElsewhere: [String] { [
        L("Apps that build their own API key in cannot use a session made with yours; sign in with their own tools instead:"),
        L("  cmusfm: run cmusfm init and approve its token in the browser"),
        L("  mpris-scrobbler: run mpris-scrobbler-signon token lastfm, approve it, then mpris-scrobbler-signon session lastfm"),
        L("  Strawberry: Settings, Scrobbler, Last.fm, Login"),
        L("  Audacious: the Scrobbler 2.0 plugin's settings, Check permission, then approve in the browser"),
        "",
        L("Scripts built on pylast take the key, secret and session from the environment: eval \"$(lastfm-auth --print env)\" sets LASTFM_API_KEY, LASTFM_API_SECRET and LASTFM_SESSION_KEY for pylast.LastFMNetwork(api_key=..., api_secret=..., session_key=...)."),
    ] }
}
