import Foundation

/// A certificate authority made for one test run with the openssl tool, and server certificates
/// it signed: valid, expired, or for another name. Nothing here is trusted by the system.
struct TestCertificates {
    /// A server's certificate and key, PEM files.
    struct Server {
        let certificate: String
        let key: String
    }

    let folder: String
    /// The CA's certificate: what SSL_CERT_FILE points at to trust the servers below.
    var authority: String { folder + "/ca.pem" }
    /// A folder with the CA under its hash name, as SSL_CERT_DIR wants it.
    var authorityFolder: String { folder + "/trusted" }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lastfm-auth-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/trusted", withIntermediateDirectories: true)
        try write("index.txt", "")
        try write("serial", "1000\n")
        try write("ca.cnf", """
            [ ca ]
            default_ca = test
            [ test ]
            database = \(folder)/index.txt
            new_certs_dir = \(folder)
            serial = \(folder)/serial
            default_md = sha256
            policy = anything
            copy_extensions = copy
            unique_subject = no
            [ anything ]
            commonName = supplied
            """)
        try openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", folder + "/ca.key", "-out", authority, "-days", "30", "-subj", "/CN=lastfm-auth test CA")
        try FileManager.default.copyItem(atPath: authority, toPath: authorityFolder + "/ca.pem")
        try openssl("rehash", authorityFolder)
    }

    /// A certificate for `names` (DNS names or IP addresses), valid from `start` to `end`
    /// (`YYYYMMDDHHMMSSZ`), or for 30 days from now.
    func server(_ label: String, names: [String], start: String? = nil, end: String? = nil) throws -> Server {
        let key = "\(folder)/\(label).key", request = "\(folder)/\(label).csr", certificate = "\(folder)/\(label).pem"
        let alternatives = names.map { $0.first!.isNumber ? "IP:\($0)" : "DNS:\($0)" }.joined(separator: ",")
        try openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                    "-out", request, "-subj", "/CN=\(names[0])", "-addext", "subjectAltName=\(alternatives)")
        var signing = ["ca", "-batch", "-notext", "-config", folder + "/ca.cnf", "-cert", authority, "-keyfile", folder + "/ca.key",
                       "-in", request, "-out", certificate]
        if let start, let end { signing += ["-startdate", start, "-enddate", end] } else { signing += ["-days", "30"] }
        try openssl(signing)
        return Server(certificate: certificate, key: key)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    private func write(_ name: String, _ text: String) throws {
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    private func openssl(_ arguments: String...) throws { try openssl(arguments) }

    private func openssl(_ arguments: [String]) throws {
        let run = try ToolRun("openssl", arguments)
        guard run.status == 0 else { throw CertificateError(command: arguments.joined(separator: " "), output: run.errors) }
    }
}

struct CertificateError: Error, CustomStringConvertible {
    let command: String
    let output: String
    var description: String { "openssl \(command) failed: \(output)" }
}
