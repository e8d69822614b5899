/// An absolute http(s) address that has been checked: HTTPS, or plain HTTP only to this machine.
public struct WebAddress: Equatable, Sendable, Codable, CustomStringConvertible {
    /// The address as given (trimmed).
    public let text: String
    /// `http` or `https`, lowercased.
    public let scheme: String
    /// The host name or address, lowercased, without brackets or port.
    public let host: String

    init(validated text: String, scheme: String, host: String) {
        self.text = text
        self.scheme = scheme
        self.host = host
    }

    /// Checks `text`: it must be `http(s)://host[:port]/...`; plain HTTP is only allowed for loopback.
    public init(_ raw: String) throws(ServiceError) {
        let text = raw.trimmingWhitespace()
        guard let schemeEnd = text.firstRange(of: "://") else { throw .notAnAddress(raw) }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw .notAnAddress(raw) }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@"),
              !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        else { throw .notAnAddress(raw) }
        let host: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .notAnAddress(raw) }
            host = authority[authority.index(after: authority.startIndex)..<close]
        } else {
            host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
        }
        guard !host.isEmpty else { throw .notAnAddress(raw) }
        let lowerHost = host.lowercased()
        if scheme == "http" && !WebAddress.isLoopback(host: lowerHost) {
            throw .insecure(raw)
        }
        self.init(validated: text, scheme: scheme, host: lowerHost)
    }

    /// True for `localhost`, 127.0.0.0/8 and ::1: the only hosts that may be reached without TLS.
    public static func isLoopback(host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in UInt8(part) != nil }
    }

    /// The port: the one written in the address, else 80 for http and 443 for https.
    public var port: Int {
        let rest = text[text.firstRange(of: "://")!.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let afterHost = authority.hasPrefix("[") ? authority.drop { $0 != "]" }.dropFirst() : authority.drop { $0 != ":" }
        if afterHost.hasPrefix(":"), let number = Int(afterHost.dropFirst()) { return number }
        return scheme == "https" ? 443 : 80
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { self = try WebAddress(raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
