#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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

    /// Field names whose values are never logged, in requests and answers alike (`key` is the
    /// session key in `auth.getSession`'s answer).
    public static let secretFields: Set<String> = secretNames.union(["key", "sessionkey", "session"])

    /// An answer's body for a log line. An answer that parses (JSON, or XML) is written out again
    /// with the value of every field named in `secretFields` replaced by `<redacted>`, whatever
    /// its spelling in the body (escapes, entities, CDATA, attributes); one that does not parse is
    /// shown with the fields' usual spellings redacted, and every run of 16 or more letters and
    /// digits (a token or key among them).
    /// White space folded, control characters dropped, cut after `limit` characters.
    public static func describeAnswer(_ body: [UInt8], limit: Int = 200) -> String {
        let text = redactedJSON(body) ?? redactedXML(body) ?? redactedText(body)
        var clean = Sanitizer.clean(text)
        clean.replace(#/\s+/#, with: " ")
        clean = clean.trimmingWhitespace()
        return clean.count > limit ? String(clean.prefix(limit)) + "..." : clean
    }

    private static func isSecret(_ name: String) -> Bool {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        return secretFields.contains(local.lowercased())
    }

    private static func redactedJSON(_ body: [UInt8]) -> String? {
        guard let first = body.first(where: { !$0.isWhitespaceByte }), first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
              let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else { return nil }
        return render(value)
    }

    private static func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "\"\(text)\""
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): String(flag)
        case .null: "null"
        case .array(let items): "[" + items.map(render).joined(separator: ",") + "]"
        case .object(let fields):
            "{" + fields.sorted { $0.key < $1.key }.map { name, field in
                "\"\(name)\":" + (isSecret(name) && !field.isContainer ? "\"<redacted>\"" : render(field))
            }.joined(separator: ",") + "}"
        }
    }

    private static func redactedXML(_ body: [UInt8]) -> String? {
        guard let first = body.first(where: { !$0.isWhitespaceByte }), first == UInt8(ascii: "<"),
              let root = try? XMLReader.parse(String(decoding: body, as: UTF8.self)) else { return nil }
        return render(root)
    }

    private static func render(_ element: XMLElement) -> String {
        let attributes = element.attributes.sorted { $0.key < $1.key }.map { name, value in
            " \(name)=\"\(isSecret(name) ? "<redacted>" : value)\""
        }.joined()
        let inside = isSecret(element.name) && element.children.isEmpty
            ? (element.text.isEmpty ? "" : "<redacted>")
            : element.text + element.children.map(render).joined()
        return "<\(element.name)\(attributes)>\(inside)</\(element.name)>"
    }

    private static func redactedText(_ body: [UInt8]) -> String {
        var text = String(decoding: body, as: UTF8.self)
        text.replace(#/"(?<name>token|key|sk|session_key|api_secret|secret)"\s*:\s*"[^"]*"/#) { #""\#($0.name)":"<redacted>""# }
        text.replace(#/<(?<name>token|key)>[^<]*</#) { "<\($0.name)><redacted><" }
        text.replace(#/[A-Za-z0-9]{16,}/#, with: "<redacted>")
        return text
    }
}

private extension UInt8 {
    var isWhitespaceByte: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}

private extension JSONValue {
    var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }
}
