/// Which certificate authorities to trust, read from the environment as OpenSSL reads it:
/// `SSL_CERT_FILE` replaces the system's bundle, `SSL_CERT_DIR` its folder of hashed certificates.
/// `CURL_CA_BUNDLE` (the curl tool's name) counts only when `SSL_CERT_FILE` is not set: machines
/// are seen with it pointing at the system's bundle, where a person adding a corporate CA sets
/// `SSL_CERT_FILE`. Nothing set means the system's trust store.
public struct TrustSettings: Equatable, Sendable {
    /// A PEM file of trusted certificates, instead of the system's bundle.
    public var certificateFile: String?
    /// A folder of certificates named by hash (`c_rehash`), instead of the system's.
    public var certificateDirectory: String?

    /// Trust what is in `certificateFile` or `certificateDirectory`; neither means the system's store.
    public init(certificateFile: String? = nil, certificateDirectory: String? = nil) {
        self.certificateFile = certificateFile
        self.certificateDirectory = certificateDirectory
    }

    /// What `environment` says: SSL_CERT_FILE, else CURL_CA_BUNDLE; and SSL_CERT_DIR.
    public init(environment: [String: String]) {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        self.init(certificateFile: value("SSL_CERT_FILE") ?? value("CURL_CA_BUNDLE"), certificateDirectory: value("SSL_CERT_DIR"))
    }

    /// Where the trusted certificates come from, for messages.
    public var source: String {
        switch (certificateFile, certificateDirectory) {
        case (let file?, let directory?): L("{file} and {directory}", ["file": "\(file)", "directory": "\(directory)"])
        case (let file?, nil): file
        case (nil, let directory?): directory
        case (nil, nil): L("the system's trust store")
        }
    }
}
