import LastFMAuth

/// One HTTP request as the sandbox sees it: method, path and the merged query and form fields.
public struct SandboxRequest: Sendable, Equatable {
    /// GET or POST.
    public var method: String
    /// The path, without the query.
    public var path: String
    /// The query's and the form body's fields; the body wins.
    public var parameters: [String: String]

    /// A request as given.
    public init(method: String, path: String, parameters: [String: String]) {
        self.method = method
        self.path = path
        self.parameters = parameters
    }

    /// Builds a request from the request line's target and a form body; nil if either is malformed.
    public init?(method: String, target: String, formBody: [UInt8]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard var parameters = FormEncoding.decode(parts.count > 1 ? String(parts[1]) : "") else { return nil }
        if !formBody.isEmpty {
            guard let text = String(validating: formBody, as: UTF8.self), let form = FormEncoding.decode(text) else { return nil }
            parameters.merge(form) { _, body in body }
        }
        self.init(method: method, path: String(parts[0]), parameters: parameters)
    }
}
