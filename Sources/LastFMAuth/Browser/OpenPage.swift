/// The page a browser is started with instead of the authorize address itself: a private file
/// that sends the browser on. Every user can read every process's arguments (`ps`), and that
/// address holds the token (which another user could approve with their own account, or, on a
/// server that checks no signatures, exchange for the session) or the callback's secret path;
/// a file only its owner can read reveals nothing. Jupyter opens its browser the same way
/// (`jpserver-PID-open.html`).
public enum OpenPage {
    /// The file's name for the process `pid`: one per run, replaced for each new token.
    public static func fileName(pid: Int32) -> String {
        "open-\(pid).html"
    }

    /// The process a page named `name` was written by, if it is such a page.
    public static func writer(ofFileNamed name: String) -> Int32? {
        guard name.hasPrefix("open-"), name.hasSuffix(".html") else { return nil }
        return Int32(name.dropFirst("open-".count).dropLast(".html".count))
    }

    /// The page that sends a browser to `address` at once (and a link, where refreshes are off).
    public static func html(for address: String) -> String {
        let escaped = CallbackPage.escape(address)
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
            <meta http-equiv="refresh" content="0;url=\(escaped)">
            <title>lastfm-auth</title></head>
            <body><p><a href="\(escaped)">\(CallbackPage.escape(Wording.BrowserPage.openLink))</a></p></body></html>

            """
    }

    /// The `file://` address of the page at `path` (absolute), its bytes percent-encoded where
    /// an address needs it.
    public static func fileAddress(of path: String) -> String {
        "file://" + path.split(separator: "/", omittingEmptySubsequences: false).map { FormEncoding.percentEncode(String($0)) }.joined(separator: "/")
    }

    /// The address the page at its file sends the browser to (what a test, as the browser, follows).
    public static func address(in html: String) -> String? {
        guard let start = html.firstRange(of: "content=\"0;url="), let end = html[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(html[start.upperBound..<end])
            .replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'")
            .replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">").replacingAll("&amp;", with: "&")
    }
}

private extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
