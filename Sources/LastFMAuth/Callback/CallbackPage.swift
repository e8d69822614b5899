/// The page the browser lands on at the loopback callback. Its words are `Wording`'s; it never
/// holds the token, the key, the secret or the session key, and nothing from the request.
public enum CallbackPage: Equatable, Sendable {
    /// The session was received (and is being saved) for `username` on `service`.
    case connected(service: String, username: String)
    /// The browser came back without approval.
    case declined
    /// The server would not exchange the token: `sentence` says why, in the fronts' words.
    case notUsable(String)
    /// The exchange is still going (the server is slow): the terminal will say how it ends.
    case stillChecking
    /// The wait had already ended.
    case over
    /// Not a callback of ours.
    case refused(CallbackVerdict.Refusal)

    /// The HTTP status.
    public var status: Int {
        switch self {
        case .connected, .declined, .notUsable, .stillChecking, .over: 200
        case .refused(let refusal): refusal.status
        }
    }

    /// The whole page.
    public var html: String {
        let (title, text) = words
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>lastfm-auth: \(Self.escape(title))</title>
            <style>body{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.5}</style>
            </head><body><h1>\(Self.escape(title))</h1><p>\(Self.escape(text))</p></body></html>

            """
    }

    private var words: (String, String) {
        switch self {
        case .connected(let service, let username): (Wording.BrowserPage.connectedTitle, Wording.BrowserPage.connected(service: service, username: username))
        case .declined: (Wording.BrowserPage.declinedTitle, Wording.BrowserPage.declined)
        case .notUsable(let sentence): (Wording.BrowserPage.notUsableTitle, Wording.BrowserPage.notUsable(sentence))
        case .stillChecking: (Wording.BrowserPage.stillCheckingTitle, Wording.BrowserPage.stillChecking)
        case .over: (Wording.BrowserPage.overTitle, Wording.BrowserPage.over)
        case .refused: (Wording.BrowserPage.refusedTitle, Wording.BrowserPage.refused)
        }
    }

    /// HTML text escaping: the user name comes from the server.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
