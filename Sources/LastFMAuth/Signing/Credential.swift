/// Checks and normalises API keys and shared secrets: 32 hexadecimal characters.
public enum Credential {
    /// What is wrong with a key or secret, for an inline message.
    /// Why a key or secret was refused; `description` finishes "The API key ...".
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Nothing was given.
        case empty
        /// Not 32 characters (the count it has).
        case wrongLength(Int)
        /// A character that is not a hexadecimal digit.
        case notHex(Character)

        public var description: String {
            switch self {
            case .empty: L("is empty")
            case .wrongLength(let count): L("has {count} characters; it should have 32", ["count": "\(count)"])
            case .notHex: L("may only contain 0-9 and a-f")
            }
        }
    }

    /// The trimmed, lowercased value if it is 32 hex characters; otherwise the problem.
    public static func normalize(_ raw: some StringProtocol) -> Result<String, Problem> {
        let value = raw.trimmingWhitespace().lowercased()
        if value.isEmpty { return .failure(.empty) }
        if let bad = value.first(where: { !$0.isHexDigit || !$0.isASCII }) { return .failure(.notHex(bad)) }
        if value.count != 32 { return .failure(.wrongLength(value.count)) }
        return .success(value)
    }

    /// A key and a secret made on the spot (32 random hex characters each), for servers that check
    /// neither (`Service.checksAPIKeys` false or unknown): GNU FM, the software behind Libre.fm.
    public static func madeUp() -> MadeUpCredentials {
        var generator = SystemRandomNumberGenerator()
        func hex() -> String { (0..<32).map { _ in String(Int.random(in: 0..<16, using: &generator), radix: 16) }.joined() }
        return MadeUpCredentials(apiKey: hex(), secret: hex())
    }
}
