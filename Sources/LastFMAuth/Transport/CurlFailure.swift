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
            return TransportError(.tooLarge, "the server's answer is larger than 1 MiB")
        }
        switch code {
        case Self.abortedByCallback:
            return TransportError(.cancelled, "the request was cancelled")
        case Self.couldNotResolveHost:
            return TransportError(.unreachable, "could not find \(target.host) (the name does not resolve; check the address and the network)")
        case Self.couldNotResolveProxy:
            return TransportError(.connection, "could not find the proxy \(proxy?.host ?? "") (the name does not resolve; check HTTPS_PROXY)")
        case Self.couldNotConnect:
            let reason = osErrno == 0 ? "" : " (\(Self.describe(errno: osErrno)))"
            if let proxy { return TransportError(.connection, "could not connect to the proxy \(proxy.host):\(proxy.port)\(reason)") }
            return TransportError(.unreachable, "could not connect to \(server)\(reason)")
        case Self.timedOut:
            return TransportError(.timeout, "\(target.host) did not answer in time")
        case _ where code == Self.proxyError || (code == Self.receiveError && proxyStatus >= 300):
            return TransportError(.connection, "the proxy \(proxy?.host ?? "") refused to connect to \(server)" + (proxyStatus > 0 ? " (HTTP \(proxyStatus)\(proxyStatus == 407 ? ": it wants a user name and password in HTTPS_PROXY" : ""))" : ""))
        case Self.gotNothing, Self.sendError, Self.receiveError, Self.partialFile:
            return TransportError(.connection, "the connection to \(server) was closed before the answer was complete")
        case Self.peerFailedVerification:
            return TransportError(.tls, "the secure connection to \(target.host) was refused: " + certificateProblem(target: target, trust: trust))
        case Self.sslConnect:
            return TransportError(.handshake, "the secure connection to \(target.host) could not be set up (the TLS handshake failed; is it an HTTPS server?)")
        case Self.badCertificateFile:
            // A minimal system without ca-certificates has no bundle: nothing HTTPS works until it is there.
            let remedy = trust.certificateFile == nil && trust.certificateDirectory == nil
                ? "install them (apt-get install ca-certificates) or point SSL_CERT_FILE at a CA bundle"
                : "check that it exists and holds PEM certificates"
            return TransportError(.tls, "could not read the trusted certificates in \(trust.source); \(remedy)")
        case Self.weirdReply:
            return TransportError(.other, "\(server) did not answer in HTTP")
        default:
            return TransportError(.other, "the request to \(server) failed (curl error \(code)\(curlText.isEmpty ? "" : ": \(curlText)"))")
        }
    }

    /// OpenSSL's X509_V_ERR_* values that people meet: expired, not yet valid, unknown authority, wrong name.
    private func certificateProblem(target: WebAddress, trust: TrustSettings) -> String {
        // libcurl checks the name itself after OpenSSL accepted the chain, and then leaves the
        // verify result at 0 or 1 (unspecified): its text is the only witness.
        if verifyResult == 62 || curlText.contains("target host name") || curlText.contains("does not match") {
            return "its certificate is not for the name \(target.host)"
        }
        return switch verifyResult {
        case 10: "its certificate has expired"
        case 9: "its certificate is not valid yet (is this machine's clock right?)"
        case 2, 18, 19, 20, 21, 27:
            "its certificate is not signed by an authority trusted here (\(trust.source)); "
                + "if your network inspects HTTPS, point SSL_CERT_FILE at its CA certificate"
        case 23: "its certificate has been revoked"
        default: "its certificate was not accepted (OpenSSL verify error \(verifyResult))"
        }
    }

    /// "connection refused" for ECONNREFUSED: strerror's words, starting in lower case.
    static func describe(errno number: Int32) -> String {
        guard let text = strerror(number) else { return "error \(number)" }
        let words = String(cString: text)
        return words.prefix(1).lowercased() + words.dropFirst()
    }
}
