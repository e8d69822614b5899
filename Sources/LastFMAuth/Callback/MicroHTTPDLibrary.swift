import CMicroHTTPD

/// GNU libmicrohttpd, opened the first time a loopback callback is opened: a run that never hands
/// a page to a browser on this machine (or has not yet drawn its first frame) pays nothing for it.
enum MicroHTTPDLibrary {
    /// The function table, loaded once per process (a static's initialiser runs once, under the
    /// runtime's lock), as `SecretServiceKeyring.library` is.
    private static let loaded: Result<cmhd_api, CallbackError> = {
        var api = cmhd_api()
        var error = [CChar](repeating: 0, count: 256)
        guard cmhd_load(&api, &error, error.count) == 1 else { return .failure(.libraryMissing(String(cBuffer: error))) }
        return .success(api)
    }()

    /// The function table, loading the library the first time.
    static func api() throws(CallbackError) -> cmhd_api {
        try loaded.get()
    }
}

// Function pointers into the loaded library, filled once and never changed: safe to share.
extension cmhd_api: @retroactive @unchecked Sendable {}
