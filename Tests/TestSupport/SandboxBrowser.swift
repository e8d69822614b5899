/// What a person does in a browser on the sandbox's web-flow page, over plain HTTP: opens the page
/// lastfm-auth handed out, presses Allow (or Deny), follows the redirect to the callback and lands.
public enum SandboxBrowser {
    /// What happened: the page it landed on, and where the sandbox sent it.
    public struct Visit: Sendable {
        /// The sandbox's answer to the button (302 in the web flow).
        public var answer: RawHTTP.Response
        /// The page at the callback, if the answer was a redirect that could be followed.
        public var landed: RawHTTP.Response?
    }

    /// Opens `url` (the sandbox's authorize page with `cb=`), presses `action` ("allow" or
    /// "deny") and follows the redirect; nil if the page had no form.
    public static func press(_ action: String, on url: String) async -> Visit? {
        guard let page = await RawHTTP.get(url), page.status == 200 else { return nil }
        func field(_ name: String) -> String? {
            guard let start = page.body.firstRange(of: "name=\"\(name)\" value=\"") else { return nil }
            let value = page.body[start.upperBound...].prefix { $0 != "\"" }
            return String(value).replacing("&amp;", with: "&")
        }
        guard let key = field("api_key"), let token = field("token"), let split = RawHTTP.split(url) else { return nil }
        var form = [("api_key", key), ("token", token), ("action", action)]
        if let callback = field("cb") { form.append(("cb", callback)) }
        guard let answer = await RawHTTP.post("http://127.0.0.1:\(split.port)/api/auth/", form: form) else { return nil }
        var landed: RawHTTP.Response?
        if let location = answer.headers["location"] { landed = await RawHTTP.get(location) }
        return Visit(answer: answer, landed: landed)
    }
}
