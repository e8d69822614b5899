import Crypto

/// The Last.fm `api_sig`: MD5 over the sorted parameters and the shared secret.
public enum Signature {
    /// Parameters that are sent but never signed.
    public static let unsignedNames: Set<String> = ["format", "callback", "api_sig"]

    /// Signs `parameters` as protocol.md says: drop `format`, `callback` and `api_sig`, sort by
    /// name in byte order, concatenate name and value, append the secret, lowercase hex MD5 of the UTF-8.
    public static func sign(_ parameters: [String: String], secret: String) -> String {
        let signed = parameters
            .filter { !unsignedNames.contains($0.key) }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var text = ""
        for (name, value) in signed { text += name + value }
        text += secret
        return Insecure.MD5.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
