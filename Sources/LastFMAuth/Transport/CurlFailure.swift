#if canImport(Glibc)
import Glibc
#endif

/// What libcurl reported about a failed exchange, put into the few failures a person can act on,
/// in our own words (curl's and OpenSSL's texts name functions, not causes).
struct CurlFailure: Equatable, Sendable {
    /// The `CURLcode` of `curl_easy_perform`.
    var code: Int
    /// `CURLINFO_SSL_VERIFYRESULT`: OpenSSL's X509 verification result (0 = accepted).
    var verifyResult: Int = 0
    /// `CURLINFO_OS_ERRNO`: the errno of the last failed connect or read.
    var osErrno: Int32 = 0
    /// `CURLINFO_HTTP_CONNECTCODE`: the proxy's answer to CONNECT, 0 if none.
    var proxyStatus: Int = 0
    /// Our write callback refused the body for being larger than the limit.
    var bodyTooLarge = false
    /// curl's own text (`CURLOPT_ERRORBUFFER`), used only for what we do not know.
    var curlText = ""

    // The CURLcode values we tell apart (stable across libcurl versions; see libcurl-errors(3)).
    static let couldNotResolveProxy = 5, couldNotResolveHost = 6, couldNotConnect = 7, weirdReply = 8
    static let partialFile = 18, writeError = 23, timedOut = 28, sslConnect = 35, abortedByCallback = 42
    static let gotNothing = 52, sendError = 55, receiveError = 56, peerFailedVerification = 60
    static let fileSizeExceeded = 63, badCertificateFile = 77, proxyError = 97

    func error(target: WebAddress, proxy: ProxySettings?, trust: TrustSettings) -> TransportError {
        let server = "\(target.host):\(target.port)"
        if bodyTooLarge || code == Self.fileSizeExceeded {
            return TransportError(.tooLarge, L("the server's answer is larger than 1 MiB"))
        }
        switch code {
        case Self.abortedByCallback:
            return TransportError(.cancelled, L("the request was cancelled"))
        case Self.couldNotResolveHost:
            return TransportError(.unreachable, L("could not find {host}: the name does not resolve; check the address and the network", ["host": "\(target.host)"]))
        case Self.couldNotResolveProxy:
            return TransportError(.connection, L("could not find the proxy {proxy}: the name does not resolve; check HTTPS_PROXY", ["proxy": "\(proxy?.host ?? "")"]))
        case Self.couldNotConnect:
            let values = ["server": server, "reason": osErrno == 0 ? "" : Self.describe(errno: osErrno), "proxy": proxy.map { "\($0.host):\($0.port)" } ?? ""]
            if proxy != nil {
                return TransportError(.connection, osErrno == 0 ? L("could not connect to the proxy {proxy}", values) : L("could not connect to the proxy {proxy}: {reason}", values))
            }
            return TransportError(.unreachable, osErrno == 0 ? L("could not connect to {server}", values) : L("could not connect to {server}: {reason}", values))
        case Self.timedOut:
            return TransportError(.timeout, L("{host} did not answer in time", ["host": "\(target.host)"]))
        case _ where code == Self.proxyError || (code == Self.receiveError && proxyStatus >= 300):
            let values = ["proxy": proxy?.host ?? "", "server": server, "proxyStatus": String(proxyStatus)]
            let detail = switch proxyStatus {
            case 407: L("the proxy {proxy} refused to connect to {server} (HTTP 407): it wants a user name and password in HTTPS_PROXY", values)
            case 1...: L("the proxy {proxy} refused to connect to {server} (HTTP {proxyStatus})", values)
            default: L("the proxy {proxy} refused to connect to {server}", values)
            }
            return TransportError(.connection, detail)
        case Self.gotNothing, Self.sendError, Self.receiveError, Self.partialFile:
            return TransportError(.connection, L("the connection to {server} was closed before the answer was complete", ["server": "\(server)"]))
        case Self.peerFailedVerification:
            return TransportError(.tls, L("the secure connection to {host} was refused: {problem}", ["host": "\(target.host)", "problem": certificateProblem(target: target, trust: trust)]))
        case Self.sslConnect:
            return TransportError(.handshake, L("the secure connection to {host} could not be set up: the TLS handshake failed, so it may not be an HTTPS server", ["host": "\(target.host)"]))
        case Self.badCertificateFile:
            // A minimal system without ca-certificates has no bundle: nothing HTTPS works until it is there.
            let remedy = trust.certificateFile == nil && trust.certificateDirectory == nil
                ? L("install them (apt-get install ca-certificates) or point SSL_CERT_FILE at a CA bundle")
                : L("check that it exists and holds PEM certificates")
            return TransportError(.tls, L("could not read the trusted certificates in {source}; {remedy}", ["source": "\(trust.source)", "remedy": "\(remedy)"]))
        case Self.weirdReply:
            return TransportError(.other, L("{server} did not answer in HTTP", ["server": "\(server)"]))
        default:
            let values = ["server": server, "code": "\(code)", "detail": curlText]
            return TransportError(.other, curlText.isEmpty ? L("the request to {server} failed (curl error {code})", values) : L("the request to {server} failed (curl error {code}): {detail}", values))
        }
    }

    /// OpenSSL's X509_V_ERR_* values that people meet: expired, not yet valid, unknown authority, wrong name.
    private func certificateProblem(target: WebAddress, trust: TrustSettings) -> String {
        // libcurl checks the name itself after OpenSSL accepted the chain, and then leaves the
        // verify result at 0 or 1 (unspecified): its text is the only witness.
        if verifyResult == 62 || curlText.contains("target host name") || curlText.contains("does not match") {
            return L("its certificate is not for the name {host}", ["host": "\(target.host)"])
        }
        return switch verifyResult {
        case 10: L("its certificate has expired")
        case 9: L("its certificate is not valid yet (is this machine's clock right?)")
        case 2, 18, 19, 20, 21, 27:
            L("its certificate is not signed by an authority trusted here ({source}); if your network inspects HTTPS, point SSL_CERT_FILE at its CA certificate", ["source": "\(trust.source)"])
        case 23: L("its certificate has been revoked")
        default: L("its certificate was not accepted (OpenSSL verify error {verifyResult})", ["verifyResult": "\(verifyResult)"])
        }
    }

    /// "connection refused" for ECONNREFUSED: strerror's words, starting in lower case.
    static func describe(errno number: Int32) -> String {
        guard let text = strerror(number) else { return L("error {number}", ["number": "\(number)"]) }
        let words = String(cString: text)
        return words.prefix(1).lowercased() + words.dropFirst()
    }
}
