/// The one place that decides what of a request may be logged.
public enum Redaction {
    /// Parameters whose values are never logged.
    public static let secretNames: Set<String> = ["api_sig", "token", "sk", "session_key", "api_secret", "secret"]

    /// `name=value` pairs for a log line, with secret values replaced by `<redacted>`.
    public static func describe(_ parameters: [(String, String)]) -> String {
        parameters.map { name, value in
            "\(name)=\(secretNames.contains(name) ? "<redacted>" : Sanitizer.clean(value))"
        }.joined(separator: " ")
    }

    /// An answer's body for a log line: a token or session key in it (JSON's `"token"`, `"key"`,
    /// XML's `<token>`, `<key>`) replaced by `<redacted>`, white space folded (GNU FM indents with
    /// tabs), control characters dropped, and cut after `limit` characters, so it fits a few lines.
    public static func describeAnswer(_ body: [UInt8], limit: Int = 200) -> String {
        var text = Sanitizer.clean(String(decoding: body, as: UTF8.self))
        text.replace(#/"(?<name>token|key|sk|session_key|api_secret|secret)"\s*:\s*"[^"]*"/#) { #""\#($0.name)":"<redacted>""# }
        text.replace(#/<(?<name>token|key)>[^<]*</#) { "<\($0.name)><redacted><" }
        text.replace(#/ {2,}/#, with: " ")
        let clean = text.trimmingWhitespace()
        return clean.count > limit ? String(clean.prefix(limit)) + "..." : clean
    }
}
