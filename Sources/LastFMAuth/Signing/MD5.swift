import CCrypto
import Synchronization

/// MD5 from the system's OpenSSL (libcrypto), opened at the first use: the only hash the Last.fm
/// protocol needs, without compiling a copy of a TLS library into the tool.
enum MD5 {
    private static let loaded = Mutex<Result<ccrypto_api, SignatureError>?>(nil)

    /// The lowercase hex MD5 of `bytes`.
    static func hex(_ bytes: [UInt8]) throws(SignatureError) -> String {
        let api = try library()
        var digest = [UInt8](repeating: 0, count: 16)
        var size: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            api.digest(input.baseAddress ?? UnsafeRawPointer(bitPattern: 1), input.count, &digest, &size, api.md5(), nil)
        }
        // OpenSSL in FIPS mode refuses MD5: say so rather than send a wrong signature.
        guard ok == 1, size == 16 else { throw SignatureError(L("the system's OpenSSL refused to compute MD5 (is it in FIPS mode?)")) }
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private static func library() throws(SignatureError) -> ccrypto_api {
        let result = loaded.withLock { slot in
            if let slot { return slot }
            var api = ccrypto_api()
            var error = [CChar](repeating: 0, count: 256)
            let fresh: Result<ccrypto_api, SignatureError>
            if ccrypto_load(&api, &error, error.count) == 1 {
                fresh = .success(api)
            } else {
                let reason = String(cBuffer: error)
                fresh = .failure(SignatureError(L("OpenSSL's libcrypto could not be loaded to sign requests ({reason}); install it with: apt-get install libssl3", ["reason": "\(reason)"])))
            }
            slot = fresh
            return fresh
        }
        return try result.get()
    }
}

// Function pointers into the loaded library, filled once and never changed: safe to share.
extension ccrypto_api: @retroactive @unchecked Sendable {}
