#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LastFMAuth
import LastFMWizard

/// `lastfm-auth status` output: a short block per profile for people, one JSON object per line
/// for scripts. Pure: the same statuses give the same text.
enum StatusReport {
    /// The block for one profile: its state first (and whether the commands use it), then what
    /// was saved, its time as a person says it (`now`, seconds since 1970); with `verbose`, the
    /// server's own words too; with `showToken`, the session key.
    static func text(_ status: ProfileStatus, verbose: Bool = false, showToken: Bool = false, now: Int64 = Timestamp.nowUnix()) -> String {
        let values = ["name": Sanitizer.clean(status.name), "summary": summary(status)]
        var lines = hanging(status.inUse ? L("Profile \"{name}\" (in use): {summary}", values) : L("Profile \"{name}\": {summary}", values))
        if verbose, let error = status.serverAnswer { lines.append(L("  server   {error}", ["error": "\(error)"])) }
        if let profile = status.profile {
            lines.append(L("  service  {serviceLine}", ["serviceLine": "\(serviceLine(profile))"]))
            if !profile.username.isEmpty { lines.append(L("  user     {username}", ["username": "\(Sanitizer.clean(profile.username))"])) }
            lines.append(L("  API key  {maskedKey}", ["maskedKey": "\(maskedKey(profile.apiKey))"]))
            if showToken { lines.append(L("  session  {sessionKey}", ["sessionKey": "\(Sanitizer.clean(profile.sessionKey))"])) }
            lines.append(profile.secretPlace == .keyring ? L("  secrets  in the keyring") : L("  secrets  in the file"))
            lines.append(L("  saved    {savedWhen}", ["savedWhen": "\(savedWhen(profile.createdAt, now: now))"]))
        }
        lines.append(L("  file     {file}", ["file": "\(status.file)"]))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The widest line of the block, so an 80-column terminal never wraps it (as `gh auth status`).
    static let width = 80

    /// `text` wrapped at word boundaries to `width`, the lines after the first indented by two.
    static func hanging(_ text: String) -> [String] {
        guard let first = TextWidth.wrap(text, width: width).first, first.count < text.count else { return [text] }
        let rest = String(text.dropFirst(first.count)).trimmingWhitespace()
        return [first] + TextWidth.wrap(rest, width: width - 2).map { "  " + $0 }
    }

    /// One JSON object on one line; the API key masked, never the secret, the session key only
    /// with `showToken`. The same service word as the text, the exact saved time.
    static func json(_ status: ProfileStatus, showToken: Bool = false) -> String {
        var object: [String: JSONValue] = [
            "profile": .string(status.name), "state": .string(state(status)), "message": .string(summary(status)),
            "file": .string(status.file), "in_use": .bool(status.inUse),
        ]
        if let profile = status.profile {
            object["service"] = .string(serviceWord(profile))
            object["api_root"] = .string(profile.apiRoot)
            object["user"] = .string(profile.username)
            object["api_key"] = .string(maskedKey(profile.apiKey))
            object["created_at"] = .string(profile.createdAt)
            object["secret_store"] = .string(profile.secretPlace.rawValue)
            if showToken { object["session_key"] = .string(profile.sessionKey) }
        }
        if case .checked(.connected(let user)) = status.finding { object["connected_as"] = .string(user) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(object)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A word for scripts to switch on.
    static func state(_ status: ProfileStatus) -> String {
        switch status.finding {
        case .checked(.connected): "connected"
        case .checked(.revoked): "revoked"
        case .checked(.keyRefused): "key_refused"
        case .checked(.unverifiable): "unverifiable"
        case .checked(.couldNotCheck): "could_not_check"
        case .checked(.failed): "check_failed"
        case .notChecked: "not_checked"
        case .noSessionKey: "no_session_key"
        case .unreadable: "unreadable"
        case .keyringProblem(.locked): "keyring_locked"
        case .keyringProblem(.itemMissing): "keyring_item_missing"
        case .keyringProblem: "keyring_unavailable"
        }
    }

    /// The state in one sentence, with what to do about it.
    static func summary(_ status: ProfileStatus) -> String {
        let reconnect = L("run `lastfm-auth --profile {name}` to connect again", ["name": "\(Sanitizer.clean(status.name))"])
        switch status.finding {
        case .checked(.connected(let user)):
            let saved = status.profile?.username ?? ""
            return saved.isEmpty || saved == user ? L("connected as {user}", ["user": "\(user)"])
                : L("connected as {user} (saved as {saved})", ["user": "\(user)", "saved": "\(Sanitizer.clean(saved))"])
        case .checked(.revoked):
            return L("revoked: the session key no longer works, as access was removed in the account's settings; {reconnect}", ["reconnect": "\(reconnect)"])
        case .checked(.keyRefused(let error)):
            return L("the saved API key or shared secret is refused: {error}; {reconnect} with the right ones", ["error": "\(error)", "reconnect": "\(reconnect)"])
        case .checked(.unverifiable):
            return L("saved, not verifiable: this server cannot say whose session key this is (--verbose shows its answer)")
        case .checked(.couldNotCheck(let error)) where status.madeWithSandbox:
            return L("could not check: {error}; a sandbox's sessions exist only while that sandbox runs", ["error": "\(error)"])
        case .checked(.couldNotCheck(let error)):
            return L("could not check: {error}", ["error": "\(error)"])
        case .checked(.failed(let error)):
            return L("the check failed: {error}", ["error": "\(error)"])
        case .notChecked:
            return L("saved (not checked: --offline)")
        case .noSessionKey:
            return L("no session key saved; {reconnect}", ["reconnect": "\(reconnect)"])
        case .unreadable(let detail):
            return L("cannot be used: {detail}", ["detail": "\(detail)"])
        case .keyringProblem(let problem):
            // The words `token` says for the same profile (StoreError.keyring); a missing item only comes back by connecting again.
            let missing = if case .itemMissing = problem { true } else { false }
            return missing ? L("its secrets are in the keyring, which could not give them: {problem}; {reconnect}", ["problem": "\(problem)", "reconnect": reconnect])
                : L("its secrets are in the keyring, which could not give them: {problem}", ["problem": "\(problem)"])
        }
    }

    /// The first and last 4 characters: enough to tell keys apart, not to use one.
    static func maskedKey(_ key: String) -> String {
        let clean = Sanitizer.clean(key)
        guard clean.count >= 12 else { return L("({count} characters)", ["count": "\(clean.count)"]) }
        return "\(clean.prefix(4))...\(clean.suffix(4))"
    }

    /// The service's word, the one `--json` gives too (`lastfm`, `librefm`, `custom`, `sandbox`).
    static func serviceWord(_ profile: Profile) -> String {
        (try? profile.resolvedService().id) ?? Sanitizer.clean(profile.service)
    }

    /// The service line: its word, then its name where that says more than the address, and its API root.
    static func serviceLine(_ profile: Profile) -> String {
        let root = Sanitizer.clean(profile.apiRoot)
        guard let service = try? profile.resolvedService(), !service.isCustom, !service.isSandbox else { return "\(serviceWord(profile)) (\(root))" }
        return "\(service.id) (\(service.displayName), \(root))"
    }

    /// When it was saved, as people say it ("3 days ago, 2026-11-25"); the text as saved when it is no time.
    static func savedWhen(_ createdAt: String, now: Int64) -> String {
        guard let then = Timestamp.unix(fromISO8601: createdAt) else { return Sanitizer.clean(createdAt) }
        return "\(SpokenDuration.ago(.seconds(now - then))) (\(createdAt.prefix(10)))"
    }
}
