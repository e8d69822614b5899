import CCurl
import Synchronization

/// libcurl, opened on the first request: a run that never talks to a server (or has not yet drawn
/// its first frame) pays nothing for it.
enum CurlLibrary {
    private static let loaded = Mutex<Result<ccurl_api, TransportError>?>(nil)

    /// The function table, loading and initialising libcurl the first time.
    static func api() throws(TransportError) -> ccurl_api {
        let result = loaded.withLock { slot in
            if let slot { return slot }
            let fresh = load()
            slot = fresh
            return fresh
        }
        return try result.get()
    }

    private static func load() -> Result<ccurl_api, TransportError> {
        var api = ccurl_api()
        var error = [CChar](repeating: 0, count: 256)
        guard ccurl_load(&api, &error, error.count) == 1 else {
            let reason = String(cBuffer: error)
            return .failure(TransportError(.other, L("libcurl could not be loaded: {reason}. Install it with: apt-get install libcurl4", ["reason": "\(reason)"])))
        }
        // Once, under the lock, before any handle exists: curl_global_init is not thread-safe.
        guard api.global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK else {
            return .failure(TransportError(.other, L("libcurl could not start (curl_global_init failed)")))
        }
        return .success(api)
    }
}

// Function pointers into the loaded library, filled once and never changed: safe to share.
extension ccurl_api: @retroactive @unchecked Sendable {}
