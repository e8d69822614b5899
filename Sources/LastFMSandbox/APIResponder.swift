import LastFMAuth

/// Answers `/2.0/` requests as Last.fm does (or GNU FM, per `SandboxConfiguration.flavor`):
/// auth.getToken, auth.getSession, an authenticated user.getInfo, and track.updateNowPlaying and
/// track.scrobble (`ScrobbleResponder`), signed, in JSON or XML.
struct APIResponder: Sendable {
    let configuration: SandboxConfiguration
    let tokens: TokenRegistry
    let sessions: SessionRegistry

    /// The answer to `request` at `now`, with a short log line (never with secrets or keys).
    func respond(to request: SandboxRequest, at now: ContinuousClock.Instant) -> APIAnswer {
        let parameters = request.parameters
        let json = parameters["format"] == "json"
        let method = parameters["method"] ?? ""
        let gnufm = configuration.flavor == .gnufm
        func fail(_ code: Int, _ message: String) -> APIAnswer {
            APIAnswer(reply: Self.error(code: code, message: message, json: json, httpStatus: gnufm ? 200 : nil),
                      line: "\(method.isEmpty ? "(no method)" : method) → error \(code)", error: code)
        }
        func missing(_ name: String) -> APIAnswer {
            fail(6, "Invalid parameters - Your request is missing a required parameter (\(name))")
        }
        guard !method.isEmpty else { return missing("method") }
        let known = ["auth.gettoken", "auth.getsession", "user.getinfo", "track.updatenowplaying", "track.scrobble"]
        guard known.contains(method.lowercased()) else { return fail(3, "Invalid Method - No method with that name in this package") }
        if configuration.flavor.checksAPIKeys {
            guard let key = parameters["api_key"], !key.isEmpty else { return missing("api_key") }
            guard key == configuration.apiKey else { return fail(10, "Invalid API key - You must be granted a valid key by last.fm") }
            guard let signature = parameters["api_sig"] else { return missing("api_sig") }
            let expected: String
            do throws(SignatureError) { expected = try Signature.sign(parameters, secret: configuration.apiSecret) } catch {
                return fail(16, "There was a temporary error processing your request (the sandbox cannot check signatures: \(error))")
            }
            guard signature.lowercased() == expected else { return fail(13, "Invalid method signature supplied") }
        }
        switch method.lowercased() {
        case "auth.gettoken":
            let token = tokens.issue(at: now)
            let body = json ? #"{"token":"\#(token)"}"# : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"ok\">\n<token>\(token)</token>\n</lfm>\n"
            return APIAnswer(reply: Self.ok(body, json: json), line: "auth.getToken → token issued")
        case "auth.getsession":
            guard let token = parameters["token"], !token.isEmpty else { return missing("token") }
            switch tokens.exchange(token, at: now) {
            case .granted(let user):
                let sessionKey = sessions.issue(for: user)
                let name = Self.escape(user, json: json)
                if gnufm && !json {
                    // GNU FM's XML: no declaration, tabs, and sent as a web page.
                    let body = "<lfm status=\"ok\">\n\t<session>\n\t\t<name>\(name)</name>\n\t\t<key>\(sessionKey)</key>\n\t\t<subscriber>0</subscriber>\n\t</session>\n</lfm>"
                    return APIAnswer(reply: SandboxReply(status: 200, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(body.utf8)),
                                     line: "auth.getSession → session issued")
                }
                let body = json
                    ? #"{"session":{"name":"\#(name)","key":"\#(sessionKey)","subscriber":0}}"#
                    : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"ok\">\n<session>\n<name>\(name)</name>\n<key>\(sessionKey)</key>\n<subscriber>0</subscriber>\n</session>\n</lfm>\n"
                return APIAnswer(reply: Self.ok(body, json: json), line: "auth.getSession → session issued")
            case .notAuthorized where gnufm, .expired where gnufm, .unknown where gnufm:
                // GNU FM cannot tell an unknown, unapproved or spent token apart, and never says 15.
                return fail(14, "This token has not yet been authorised")
            case .notAuthorized:
                return fail(14, "Unauthorized Token - This token has not been authorized")
            case .denied:
                return fail(4, "Authentication Failed - The user denied access to this application")
            case .expired, .unknown:
                return fail(15, "This token has expired")
            }
        case "track.updatenowplaying", "track.scrobble":
            return ScrobbleResponder(sessions: sessions, json: json).respond(method.lowercased(), parameters, fail: fail)
        default:
            if gnufm && (parameters["user"] ?? "").isEmpty {
                // GNU FM's user.getInfo demands `user` and ignores `sk`, in its other error shape.
                let message = "Invalid parameters - Your request is missing a required parameter"
                let body = json ? ##"{"error":{"#text":"\##(message)","code":"6"}}"## : "<lfm status=\"failed\">\n\t<error code=\"6\">\(message)</error>\n</lfm>"
                return APIAnswer(reply: SandboxReply(status: 200, headers: ["Content-Type": Self.contentType(json: json)], body: Array(body.utf8)),
                                 line: "user.getInfo → error 6", error: 6)
            }
            // Like Last.fm: `user` names anyone; without it the session key's owner is meant.
            let user: String
            if let named = parameters["user"], !named.isEmpty {
                user = named
            } else {
                guard let sessionKey = parameters["sk"], !sessionKey.isEmpty else { return missing("user") }
                switch sessions.lookup(key: sessionKey) {
                case .valid(let owner): user = owner
                case .revoked, .unknown: return fail(9, "Invalid session key - Please re-authenticate")
                }
            }
            let name = Self.escape(user, json: json)
            let body = json
                ? #"{"user":{"name":"\#(name)","realname":"","playcount":"0","subscriber":"0","type":"user"}}"#
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"ok\">\n<user>\n<name>\(name)</name>\n<realname></realname>\n<playcount>0</playcount>\n</user>\n</lfm>\n"
            return APIAnswer(reply: Self.ok(body, json: json), line: "user.getInfo → user")
        }
    }

    static func ok(_ body: String, json: Bool) -> SandboxReply {
        SandboxReply(status: 200, headers: ["Content-Type": contentType(json: json)], body: Array(body.utf8))
    }

    /// An error as Last.fm sends it: JSON with HTTP 400 (as Last.fm does), XML with 200.
    static func error(code: Int, message: String, json: Bool, httpStatus: Int? = nil) -> SandboxReply {
        let body = json
            ? #"{"error":\#(code),"message":"\#(escape(message, json: true))"}"#
            : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"failed\">\n<error code=\"\(code)\">\(escape(message, json: false))</error>\n</lfm>\n"
        return SandboxReply(status: httpStatus ?? (json ? 400 : 200), headers: ["Content-Type": contentType(json: json)], body: Array(body.utf8))
    }

    static func contentType(json: Bool) -> String {
        json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8"
    }

    /// Escapes text for a JSON string or XML character data.
    static func escape(_ text: String, json: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch (scalar, json) {
            case ("\"", true): out += "\\\""
            case ("\\", true): out += "\\\\"
            case (_, true) where scalar.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            case ("<", false): out += "&lt;"
            case (">", false): out += "&gt;"
            case ("&", false): out += "&amp;"
            case ("\"", false): out += "&quot;"
            case (_, false) where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": out += "&#\(scalar.value);"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
