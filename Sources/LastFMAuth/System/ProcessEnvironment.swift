#if canImport(Glibc)
import Glibc
#endif

/// The process environment as a dictionary, read once at start: what `CurlTransport` (proxies,
/// certificate authorities) and `CredentialsStore.defaultPath` (HOME, XDG_CONFIG_HOME) are given.
public enum ProcessEnvironment {
    /// Every variable of this process, by name.
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }
}
