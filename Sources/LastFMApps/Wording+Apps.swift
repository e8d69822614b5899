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
                return "\(app.id): wrote \(write.what) to \(path) (what was there is kept in \(Sanitizer.clean(backup)))."
            case .wrote(nil):
                return "\(app.id): wrote \(write.what) to \(path)."
            case .unchanged:
                return "\(app.id): \(path) already holds \(write.what); left as it is."
            case .wouldWrite(let backup?):
                return "\(app.id): would write \(write.what) to \(path) and change nothing else there; the file as it is now would be kept in \(Sanitizer.clean(backup))."
            case .wouldWrite(nil):
                return "\(app.id): would write \(write.what) to \(path), a new file."
            case .overridden(let variable):
                return "\(app.id): \(variable) in the environment names another \(write.what) and \(app.id) reads it first: "
                    + "set it to the profile's (lastfm-auth status --profile \(profileName)) or unset it."
            }
        }
        if profile.secretPlace == .keyring {
            lines.append("The profile's session key is in the keyring; \(app.id) reads its own copy, written above.")
        }
        if app.processName == nil {
            lines.append("\(app.id) reads the session only when it starts: restart it (docker restart, or its service) to use this one.")
        } else if running.isEmpty {
            lines.append("\(app.id) reads the session when it starts: its next start uses this one.")
        } else {
            let ids = running.map(String.init).joined(separator: ", ")
            lines.append("\(app.id) is running (pid \(ids)) and reads the session only when it starts: restart it "
                         + "(systemctl --user restart \(app.id), when it runs as a service).")
        }
        return lines
    }

    /// The hand-off failed after the session was saved: what went wrong, and that nothing is lost.
    public static func handOffFailed(_ app: any SessionApp, _ problem: AppError, profileName: String) -> String {
        "could not hand the session to \(app.id): \(problem). The session is saved in profile \"\(profileName)\": "
            + "run lastfm-auth --for \(app.id) again once that is mended (nothing is asked again), or copy it by hand from lastfm-auth token --profile \(profileName)."
    }

    /// Before the flow: the app talks to other servers than `service`, so a session from there would
    /// be of no use to it; nothing is asked, sent or written.
    public static func appTalksElsewhere(_ app: any SessionApp, service: Service) -> String {
        let names = app.services.compactMap { KnownService.named($0)?.displayName }.joined(separator: " and ")
        let server = service.known?.displayName ?? service.apiRoot.text
        return "\(app.id) talks to \(names) only: a session from \(server) would be of no use to it, so nothing was asked or written. "
            + "Run with --service \(app.services.first ?? "lastfm") (or without --api-root)."
    }

    /// Before the flow: the app's files cannot be read, so nothing is started.
    public static func appUnreadable(_ appID: String, _ problem: AppError) -> String {
        "\(appID)'s settings: \(problem)"
    }

    /// Before the flow: an app whose settings lastfm-auth does not write has no key or secret there.
    public static func appNeedsCredentials(_ app: any SessionApp) -> String {
        "\(app.id)'s settings (\(Sanitizer.clean(app.credentialsFile))) need the application's API key and secret first: "
            + "lastfm-auth does not rewrite that file. Put them there and run again."
    }

    /// Before the flow: where the key and secret came from, so the person knows why nothing is
    /// asked, and what is missing, so they know why it is asked and where it will go.
    public static func readFromApp(_ app: any SessionApp, _ credentials: AppCredentials) -> String {
        let found = [credentials.key.map { ("key", $0) }, credentials.secret.map { ("secret", $0) }].compactMap { $0 }
        let missing = [credentials.key == nil ? "API key" : nil, credentials.secret == nil ? "secret" : nil].compactMap { $0 }
        let one = missing.count == 1
        let lacking = "settings have no \(missing.joined(separator: " or ")) yet: the \(one ? "one" : "ones") you give \(one ? "is" : "are") written there for it"
        guard !found.isEmpty else { return "\(app.id)'s \(lacking)." }
        let parts = found.map { what, value -> String in
            switch value.source {
            case .setting(let name, let file): "the \(what) from \(name) in \(Sanitizer.clean(file))"
            case .file(let path, _): "the \(what) from \(Sanitizer.clean(path))"
            case .environment(let name): "the \(what) from \(name)"
            }
        }
        return "Using \(parts.joined(separator: " and ")) (\(app.id)'s own)" + (missing.isEmpty ? "." : "; its \(lacking).")
    }
}

extension Wording {
    /// `lastfm-auth apps`: one app, what it is, its files and what they hold now (no secret shown).
    public static func appListing(_ app: any SessionApp) -> [String] {
        var lines = ["\(app.id): \(app.summary)", "  hand it a session: lastfm-auth --for \(app.id)"]
        let found: String
        do throws(AppError) {
            let credentials = try app.credentials()
            switch (credentials.key, credentials.secret) {
            case (.some, .some): found = "hold an API key and secret (used, nothing typed)"
            case (.some, nil): found = "hold an API key, no secret (asked for, then written there)"
            default: found = "hold no API key yet (asked for, then written there)"
            }
        } catch {
            found = "cannot be read: \(error)"
        }
        for path in app.files {
            // A path still naming its variable ($CONFIG_DIR/...) is where it would be: nothing to look at.
            guard path.hasPrefix("/") else {
                lines.append("  \(Sanitizer.clean(path))")
                continue
            }
            let state: String
            switch Result(catching: { () throws(AppError) in try AppFiles.text(path) }) {
            case .success(nil): state = ": not there yet"
            case .success: state = AppFiles.linkTarget(path).map { " (a link to \(Sanitizer.clean($0)): read, never replaced)" } ?? ""
            case .failure(let problem): state = ": \(problem)"
            }
            lines.append("  \(Sanitizer.clean(path))\(state)")
        }
        lines.append("  its settings \(found)")
        return lines
    }

    /// The sentences of `--dry-run` with `--for`: nothing asked, sent or written.
    public enum DryRun {
        /// Stands in for a key the run would ask for.
        public static let apiKey = "(the API key you give)"
        /// Stands in for a secret the run would ask for.
        public static let secret = "(the shared secret you give)"
        /// Stands in for the session key the run would get.
        public static let sessionKey = "(the session key, once approved)"

        /// What a run would do, said before what it would write.
        public static func intro(_ app: any SessionApp, profile: String, path: String, savedSession: Bool) -> String {
            "--dry-run: nothing was asked, sent or written. A run would " + (savedSession
                ? "check the session profile \"\(Sanitizer.clean(profile))\" holds in \(Sanitizer.clean(path)) and, if it still works, hand it to \(app.id):"
                : "save the session in profile \"\(Sanitizer.clean(profile))\" in \(Sanitizer.clean(path)) and hand it to \(app.id):")
        }

        /// A write the run would refuse, found without writing.
        public static func refused(_ app: any SessionApp, _ problem: AppError) -> String {
            "a run could not hand the session to \(app.id): \(problem). Nothing was written."
        }
    }
}

extension Wording {
    /// `lastfm-auth apps`, after the apps `--for` knows: the scrobblers that build their own API key
    /// in (a session made with the person's key is of no use to them), each with its own sign-in,
    /// and pylast scripts, which `--print` serves.
    public static let appsElsewhere: [String] = [
        "Apps that build their own API key in cannot use a session made with yours; sign in with their own tools instead:",
        "  cmusfm: run cmusfm init and approve its token in the browser",
        "  mpris-scrobbler: run mpris-scrobbler-signon token lastfm, approve it, then mpris-scrobbler-signon session lastfm",
        "  Strawberry: Settings, Scrobbler, Last.fm, Login",
        "  Audacious: the Scrobbler 2.0 plugin's settings, Check permission, then approve in the browser",
        "",
        "Scripts built on pylast take the key, secret and session from the environment: "
            + "eval \"$(lastfm-auth --print env)\" sets LASTFM_API_KEY, LASTFM_API_SECRET and LASTFM_SESSION_KEY for "
            + "pylast.LastFMNetwork(api_key=..., api_secret=..., session_key=...).",
    ]
}
