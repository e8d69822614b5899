import LastFMAuth
import LastFMSandbox
import TestSupport

/// A sandbox on a free port and a real client for it; `close()` stops both.
struct SandboxHarness {
    let server: SandboxServer
    let transport: CurlTransport
    let client: LastFMClient

    init(_ configuration: SandboxConfiguration = SandboxConfiguration(), secret: String? = nil, key: String? = nil,
         deadline: Duration = .seconds(20)) async throws {
        server = try await SandboxServer.start(configuration)
        transport = CurlTransport(deadline: deadline, environment: [:])
        client = try server.client(transport: transport, apiKey: key, secret: secret)
    }

    /// A raw request to the sandbox through the same transport.
    func raw(_ method: HTTPRequest.Method, _ pathAndQuery: String, form: [(String, String)] = []) async throws -> HTTPResponse {
        let body = form.isEmpty ? [] : Array(FormEncoding.encode(form).utf8)
        let headers = form.isEmpty ? [] : [("Content-Type", "application/x-www-form-urlencoded")]
        return try await transport.send(HTTPRequest(method: method, url: "http://127.0.0.1:\(server.port)\(pathAndQuery)", headers: headers, body: body))
    }

    func close() async {
        await server.stop()
    }

    /// Runs `body` with a harness made with these arguments, and closes it (awaited) however `body` ends.
    static func with<T>(_ configuration: SandboxConfiguration = SandboxConfiguration(), secret: String? = nil, key: String? = nil,
                        deadline: Duration = .seconds(20), _ body: (SandboxHarness) async throws -> T) async throws -> T {
        let harness = try await SandboxHarness(configuration, secret: secret, key: key, deadline: deadline)
        do {
            let result = try await body(harness)
            await harness.close()
            return result
        } catch {
            await harness.close()
            throw error
        }
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
