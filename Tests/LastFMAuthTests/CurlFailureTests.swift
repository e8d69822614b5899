@testable import LastFMAuth
import Testing

/// What libcurl reports, in words a person can act on. The real sockets behind the common cases
/// are in EndToEndTests/TransportTests; these cover the ones a test machine cannot produce
/// (DNS, a proxy asking for a password) and the mapping as a whole.
@Suite("Transport failures in our own words")
struct CurlFailureTests {
    let target = try! WebAddress("https://ws.audioscrobbler.com/2.0/")
    let proxy = ProxySettings(host: "proxy.corp", port: 3128)

    private func message(_ failure: CurlFailure, proxy: ProxySettings? = nil, trust: TrustSettings = TrustSettings()) -> TransportError {
        failure.error(target: target, proxy: proxy, trust: trust)
    }

    @Test("names that do not resolve, refused and timed-out connections")
    func connections() {
        #expect(message(CurlFailure(code: CurlFailure.couldNotResolveHost))
                == TransportError(.unreachable, "could not find ws.audioscrobbler.com: the name does not resolve; check the address and the network"))
        #expect(message(CurlFailure(code: CurlFailure.couldNotResolveProxy), proxy: proxy)
                == TransportError(.connection, "could not find the proxy proxy.corp: the name does not resolve; check HTTPS_PROXY"))
        #expect(message(CurlFailure(code: CurlFailure.couldNotConnect, osErrno: 111))
                == TransportError(.unreachable, "could not connect to ws.audioscrobbler.com:443: connection refused"))
        #expect(message(CurlFailure(code: CurlFailure.couldNotConnect, osErrno: 113), proxy: proxy)
                == TransportError(.connection, "could not connect to the proxy proxy.corp:3128: no route to host"))
        #expect(message(CurlFailure(code: CurlFailure.timedOut)) == TransportError(.timeout, "ws.audioscrobbler.com did not answer in time"))
        #expect(message(CurlFailure(code: CurlFailure.gotNothing)).kind == .connection)
        #expect(message(CurlFailure(code: CurlFailure.receiveError)).isTransient)
    }

    @Test("a proxy that wants a password says so")
    func proxyAuthentication() {
        let failure = message(CurlFailure(code: CurlFailure.proxyError, proxyStatus: 407), proxy: proxy)
        #expect(failure.detail == "the proxy proxy.corp refused to connect to ws.audioscrobbler.com:443 (HTTP 407): it wants a user name and password in HTTPS_PROXY")
    }

    @Test("certificate problems by OpenSSL's verify result, and curl's own host-name check")
    func certificates() {
        let prefix = "the secure connection to ws.audioscrobbler.com was refused: "
        #expect(message(CurlFailure(code: CurlFailure.peerFailedVerification, verifyResult: 10)).detail == prefix + "its certificate has expired")
        #expect(message(CurlFailure(code: CurlFailure.peerFailedVerification, verifyResult: 9)).detail
                == prefix + "its certificate is not valid yet (is this machine's clock right?)")
        let corporate = TrustSettings(certificateFile: "/etc/corp-ca.pem")
        #expect(message(CurlFailure(code: CurlFailure.peerFailedVerification, verifyResult: 20), trust: corporate).detail
                == prefix + "its certificate is not signed by an authority trusted here (/etc/corp-ca.pem); if your network inspects HTTPS, point SSL_CERT_FILE at its CA certificate")
        let hostName = CurlFailure(code: CurlFailure.peerFailedVerification, verifyResult: 1,
                                   curlText: "SSL: no alternative certificate subject name matches target host name 'ws.audioscrobbler.com'")
        #expect(message(hostName).detail == prefix + "its certificate is not for the name ws.audioscrobbler.com")
        #expect(message(CurlFailure(code: CurlFailure.peerFailedVerification, verifyResult: 1)).detail
                == prefix + "its certificate was not accepted (OpenSSL verify error 1)")
        #expect(message(CurlFailure(code: CurlFailure.badCertificateFile), trust: corporate)
                == TransportError(.tls, "could not read the trusted certificates in /etc/corp-ca.pem; check that it exists and holds PEM certificates"))
        // Issue #19: a minimal Debian without ca-certificates met this with no hint.
        #expect(message(CurlFailure(code: CurlFailure.badCertificateFile), trust: TrustSettings()).detail
                == "could not read the trusted certificates in the system's trust store; install them (apt-get install ca-certificates) or point SSL_CERT_FILE at a CA bundle")
        #expect(!message(CurlFailure(code: CurlFailure.sslConnect)).isTransient)
    }

    @Test("too large, cancelled, and anything else with curl's code")
    func others() {
        #expect(message(CurlFailure(code: CurlFailure.writeError, bodyTooLarge: true)).kind == .tooLarge)
        #expect(message(CurlFailure(code: CurlFailure.fileSizeExceeded)).kind == .tooLarge)
        #expect(message(CurlFailure(code: CurlFailure.abortedByCallback)).kind == .cancelled)
        #expect(message(CurlFailure(code: 99, curlText: "odd")) == TransportError(.other, "the request to ws.audioscrobbler.com:443 failed (curl error 99): odd"))
    }

    @Test("trusted certificates from the environment: SSL_CERT_FILE before CURL_CA_BUNDLE, SSL_CERT_DIR, empty means unset")
    func trust() {
        #expect(TrustSettings(environment: [:]) == TrustSettings())
        #expect(TrustSettings(environment: ["SSL_CERT_FILE": "/a", "CURL_CA_BUNDLE": "/b"]).certificateFile == "/a")
        #expect(TrustSettings(environment: ["CURL_CA_BUNDLE": "/b", "SSL_CERT_FILE": ""]).certificateFile == "/b")
        #expect(TrustSettings(environment: ["SSL_CERT_DIR": "/d"]) == TrustSettings(certificateDirectory: "/d"))
    }

    @Test("proxies: ALL_PROXY as the fallback, SOCKS schemes kept, default ports")
    func proxies() {
        #expect(ProxySettings.forTarget(scheme: "https", host: "ws.audioscrobbler.com", environment: ["ALL_PROXY": "socks5h://gw:1080"])
                == ProxySettings(scheme: "socks5h", host: "gw", port: 1080))
        #expect(ProxySettings.forTarget(scheme: "https", host: "ws.audioscrobbler.com", environment: ["all_proxy": "socks5://gw", "HTTPS_PROXY": "http://p:8080"])?.port == 8080)
        #expect(ProxySettings.parse("https://secure-proxy")?.port == 443)
        #expect(ProxySettings.parse("ftp://p:21") == nil)
        #expect(ProxySettings(host: "::1", port: 3128).address == "http://[::1]:3128")
    }
}
