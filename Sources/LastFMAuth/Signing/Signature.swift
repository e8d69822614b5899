/// The Last.fm `api_sig`: MD5 over the sorted parameters and the shared secret.
public enum Signature {
    /// Parameters that are sent but never signed.
    public static let unsignedNames: Set<String> = ["format", "callback", "api_sig"]

    /// Signs `parameters` as docs/protocol-facts.md says: drop `format`, `callback` and `api_sig`,
    /// sort by name in byte order, concatenate name and value, append the secret, lowercase hex MD5
    /// of the UTF-8. Throws only when the system's libcrypto cannot be loaded or refuses MD5.
    public static func sign(_ parameters: [String: String], secret: String) throws(SignatureError) -> String {
        let signed = parameters
            .filter { !unsignedNames.contains($0.key) }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var text = ""
        for (name, value) in signed { text += name + value }
        text += secret
        return try MD5.hex(Array(text.utf8))
    }
}
