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
}
