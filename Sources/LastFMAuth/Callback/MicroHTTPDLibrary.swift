import CMicroHTTPD
import Synchronization

/// GNU libmicrohttpd, opened the first time a loopback callback is opened: a run that never hands
/// a page to a browser on this machine (or has not yet drawn its first frame) pays nothing for it.
enum MicroHTTPDLibrary {
    private static let loaded = Mutex<Result<cmhd_api, CallbackError>?>(nil)

    /// The function table, loading the library the first time.
    static func api() throws(CallbackError) -> cmhd_api {
        let result = loaded.withLock { slot in
            if let slot { return slot }
            let fresh = load()
            slot = fresh
            return fresh
        }
        return try result.get()
    }

    private static func load() -> Result<cmhd_api, CallbackError> {
        var api = cmhd_api()
        var error = [CChar](repeating: 0, count: 256)
        guard cmhd_load(&api, &error, error.count) == 1 else {
            return .failure(.libraryMissing(String(cBuffer: error)))
        }
        return .success(api)
    }
}

// Function pointers into the loaded library, filled once and never changed: safe to share.
extension cmhd_api: @retroactive @unchecked Sendable {}
