/// The frame of every page the sandbox shows in a browser.
enum HTMLPage {
    static func render(_ title: String, _ body: String) -> String {
        """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>\(escape(title)) - lastfm-auth sandbox</title></head>
        <body><h1>\(escape(title))</h1>
        \(body)
        <p><small>lastfm-auth sandbox: a Last.fm-compatible test server on this machine.</small></p>
        </body></html>

        """
    }

    static func escape(_ text: String) -> String {
        APIResponder.escape(text, json: false)
    }
}
