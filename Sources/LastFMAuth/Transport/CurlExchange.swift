import CCurl
import Synchronization

/// One request on one curl handle: its options, what the callbacks collect, and the hand-over of
/// the result to the waiting task, exactly once, whether curl finishes or the task is cancelled.
///
/// The body and headers are touched only by the thread that runs `perform`; `cancelled` is atomic
/// because curl's progress callback reads it while another thread sets it.
final class CurlExchange: @unchecked Sendable {
    typealias Outcome = Result<HTTPResponse, TransportError>

    let request: HTTPRequest
    let target: WebAddress
    let proxy: ProxySettings?
    let trust: TrustSettings
    let deadline: Duration

    private let cancelled = Atomic(false)
    private let waiter = Mutex<Waiter>(.notStarted)
    private var body: [UInt8] = []
    private var headers: [String: String] = [:]
    private var bodyTooLarge = false

    private enum Waiter {
        case notStarted
        case waiting(CheckedContinuation<Outcome, Never>)
        case done
    }

    init(request: HTTPRequest, target: WebAddress, proxy: ProxySettings?, trust: TrustSettings, deadline: Duration) {
        self.request = request
        self.target = target
        self.proxy = proxy
        self.trust = trust
        self.deadline = deadline
    }

    /// Registers who waits for the outcome; false if the exchange was cancelled before it started.
    func wait(with continuation: CheckedContinuation<Outcome, Never>) -> Bool {
        let proceed = waiter.withLock { state -> Bool in
            guard case .notStarted = state, !cancelled.load(ordering: .acquiring) else { return false }
            state = .waiting(continuation)
            return true
        }
        if !proceed {
            continuation.resume(returning: .failure(TransportError(.cancelled, L("the request was cancelled"))))
        }
        return proceed
    }

    /// Ends the wait at once; curl stops at its next progress call (within about a second).
    func cancel() {
        cancelled.store(true, ordering: .releasing)
        finish(.failure(TransportError(.cancelled, L("the request was cancelled"))))
    }

    /// Hands `outcome` to the waiting task, unless it already has one.
    func finish(_ outcome: Outcome) {
        let continuation = waiter.withLock { state -> CheckedContinuation<Outcome, Never>? in
            defer { state = .done }
            if case .waiting(let continuation) = state { return continuation }
            return nil
        }
        continuation?.resume(returning: outcome)
    }

    /// Sets up `handle` for this request, runs it to the end (blocking) and returns the outcome.
    func perform(on handle: UnsafeMutableRawPointer, api: ccurl_api) -> Outcome {
        var api = api
        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var list: UnsafeMutablePointer<curl_slist>?
        // "Expect:" stops curl from waiting for a 100-continue that some servers never send.
        for (name, value) in request.headers + [("Expect", "")] {
            list = api.slist_append(list, value.isEmpty ? "\(name):" : "\(name): \(value)")
        }
        defer { api.slist_free_all(list) }
        let me = Unmanaged.passUnretained(self).toOpaque()
        let milliseconds = Int(deadline.wholeMilliseconds)
        // The first option libcurl refused: the request is not sent without every one of them.
        var refused: (option: String, code: CURLcode)?
        let code: CURLcode = errorText.withUnsafeMutableBufferPointer { errorBuffer in
            func check(_ option: String, _ result: CURLcode) {
                if result != CURLE_OK, refused == nil { refused = (option, result) }
            }
            check("CURLOPT_URL", ccurl_set_pointer(&api, handle, CURLOPT_URL, request.url))
            check("CURLOPT_NOSIGNAL", ccurl_set_long(&api, handle, CURLOPT_NOSIGNAL, 1))
            check("CURLOPT_PROTOCOLS_STR", ccurl_set_pointer(&api, handle, CURLOPT_PROTOCOLS_STR, "http,https"))
            check("CURLOPT_FOLLOWLOCATION", ccurl_set_long(&api, handle, CURLOPT_FOLLOWLOCATION, 0))
            check("CURLOPT_TIMEOUT_MS", ccurl_set_long(&api, handle, CURLOPT_TIMEOUT_MS, milliseconds))
            check("CURLOPT_CONNECTTIMEOUT_MS", ccurl_set_long(&api, handle, CURLOPT_CONNECTTIMEOUT_MS, min(milliseconds, 10_000)))
            check("CURLOPT_MAXFILESIZE_LARGE", ccurl_set_size(&api, handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(HTTPResponse.maxBodySize)))
            check("CURLOPT_HTTPHEADER", ccurl_set_pointer(&api, handle, CURLOPT_HTTPHEADER, list))
            check("CURLOPT_ERRORBUFFER", ccurl_set_pointer(&api, handle, CURLOPT_ERRORBUFFER, errorBuffer.baseAddress))
            check("CURLOPT_WRITEFUNCTION", ccurl_set_data_callback(&api, handle, CURLOPT_WRITEFUNCTION, receiveBody))
            check("CURLOPT_WRITEDATA", ccurl_set_pointer(&api, handle, CURLOPT_WRITEDATA, me))
            check("CURLOPT_HEADERFUNCTION", ccurl_set_data_callback(&api, handle, CURLOPT_HEADERFUNCTION, receiveHeader))
            check("CURLOPT_HEADERDATA", ccurl_set_pointer(&api, handle, CURLOPT_HEADERDATA, me))
            check("CURLOPT_XFERINFOFUNCTION", ccurl_set_progress_callback(&api, handle, checkCancelled))
            check("CURLOPT_XFERINFODATA", ccurl_set_pointer(&api, handle, CURLOPT_XFERINFODATA, me))
            check("CURLOPT_NOPROGRESS", ccurl_set_long(&api, handle, CURLOPT_NOPROGRESS, 0))
            if request.method == .post {
                check("CURLOPT_POST", ccurl_set_long(&api, handle, CURLOPT_POST, 1))
                check("CURLOPT_POSTFIELDSIZE_LARGE", ccurl_set_size(&api, handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)))
                request.body.withUnsafeBytes { check("CURLOPT_COPYPOSTFIELDS", ccurl_set_pointer(&api, handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1))) }
            } else {
                check("CURLOPT_HTTPGET", ccurl_set_long(&api, handle, CURLOPT_HTTPGET, 1))
            }
            // Our own proxy decision, always: "" stops curl from reading the variables itself,
            // which would send loopback through a proxy.
            check("CURLOPT_PROXY", ccurl_set_pointer(&api, handle, CURLOPT_PROXY, proxy?.address ?? ""))
            if let proxy {
                check("CURLOPT_HTTPPROXYTUNNEL", ccurl_set_long(&api, handle, CURLOPT_HTTPPROXYTUNNEL, 1))
                if let credentials = proxy.credentials {
                    check("CURLOPT_PROXYUSERNAME", ccurl_set_pointer(&api, handle, CURLOPT_PROXYUSERNAME, credentials.user))
                    check("CURLOPT_PROXYPASSWORD", ccurl_set_pointer(&api, handle, CURLOPT_PROXYPASSWORD, credentials.password))
                }
            }
            if let file = trust.certificateFile { check("CURLOPT_CAINFO", ccurl_set_pointer(&api, handle, CURLOPT_CAINFO, file)) }
            if let directory = trust.certificateDirectory { check("CURLOPT_CAPATH", ccurl_set_pointer(&api, handle, CURLOPT_CAPATH, directory)) }
            if refused != nil { return CURLE_FAILED_INIT }
            return api.easy_perform(handle)
        }
        if let refused {
            // An older libcurl without CURLOPT_PROTOCOLS_STR (7.85) would otherwise follow any scheme.
            return .failure(TransportError(.other, L("the system's libcurl refused the option {option} (curl error {rawValue}); lastfm-auth needs libcurl 7.85 or newer", ["option": "\(refused.option)", "rawValue": "\(refused.code.rawValue)"])))
        }
        func info(_ name: CURLINFO) -> Int {
            var value = 0
            return ccurl_get_long(&api, handle, name, &value) == CURLE_OK ? value : 0
        }
        if code == CURLE_OK {
            return .success(HTTPResponse(status: info(CURLINFO_RESPONSE_CODE), headers: headers, body: body))
        }
        let failure = CurlFailure(
            code: Int(code.rawValue), verifyResult: info(CURLINFO_SSL_VERIFYRESULT),
            osErrno: Int32(truncatingIfNeeded: info(CURLINFO_OS_ERRNO)), proxyStatus: info(CURLINFO_HTTP_CONNECTCODE),
            bodyTooLarge: bodyTooLarge,
            curlText: String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        )
        return .failure(failure.error(target: target, proxy: proxy, trust: trust))
    }

    fileprivate func receive(body bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= HTTPResponse.maxBodySize else {
            bodyTooLarge = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    fileprivate func receive(headerLine bytes: UnsafeRawBufferPointer) -> Int {
        let line = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
        if line.hasPrefix("HTTP/") {
            headers = [:]  // a new answer: a proxy's CONNECT reply, or an interim 1xx, came first
        } else if let colon = line.firstIndex(of: ":") {
            headers[line[..<colon].trimmingWhitespace().lowercased()] = line[line.index(after: colon)...].trimmingWhitespace()
        }
        return bytes.count
    }

    fileprivate var isCancelled: Bool { cancelled.load(ordering: .acquiring) }
}

private func exchange(_ pointer: UnsafeMutableRawPointer?) -> CurlExchange {
    Unmanaged<CurlExchange>.fromOpaque(pointer!).takeUnretainedValue()
}

private let receiveBody: curl_write_callback = { data, size, count, context in
    exchange(context).receive(body: UnsafeRawBufferPointer(start: data, count: size * count))
}

private let receiveHeader: curl_write_callback = { data, size, count, context in
    exchange(context).receive(headerLine: UnsafeRawBufferPointer(start: data, count: size * count))
}

/// Non-zero aborts the transfer (CURLE_ABORTED_BY_CALLBACK).
private let checkCancelled: curl_xferinfo_callback = { context, _, _, _, _ in
    exchange(context).isCancelled ? 1 : 0
}
