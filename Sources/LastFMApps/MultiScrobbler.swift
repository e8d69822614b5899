// multi-scrobbler (https://github.com/FoxxMD/multi-scrobbler), as its documentation
// (docsite/docs/configuration/configuration.md, configuration/clients/lastfm) and its newest source
// (src/backend/common/vendor/LastfmApiClient.ts) describe it:
// - its settings are in the folder CONFIG_DIR names (PROJECT_DIR/config for a local install,
//   /config inside its container);
// - a Last.fm client is an entry of the JSON array in `lastfm.json`: `name`, optional
//   `configureAs` ("client", the default, or "source"), and `data` with `apiKey`, `secret`;
// - the session is read when it starts from `currentCreds-lastfm-NAME.json` in that folder,
//   `{"sessionKey": ..., "name": USER, "lastRefreshed": UNIX}`, the file its own web flow writes
//   (the documented `data.session` is read by the config schema but not by LastfmApiClient's start-up).
// lastfm-auth reads lastfm.json and never rewrites it; it writes the currentCreds file, which is
// multi-scrobbler's own state for that client.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LastFMAuth

/// multi-scrobbler's files, and how a session is handed to its Last.fm client.
public struct MultiScrobbler: SessionApp {
    /// The name `--for` takes: `multi-scrobbler`.
    public let id = "multi-scrobbler"
    /// What multi-scrobbler is, one line for `lastfm-auth apps`.
    public let summary = L("scrobbles from many sources to many clients (github.com/FoxxMD/multi-scrobbler)")
    /// Nil: whether it runs cannot be told from here, so a restart is always asked for.
    public let processName: String? = nil  // usually in a container: not seen from here
    /// Last.fm only.
    public let services = ["lastfm"]
    /// False: a missing key and secret stop the run, for the person to put into lastfm.json.
    public let writesMissingCredentials = false  // lastfm.json is not rewritten
    /// CONFIG_DIR, or nil when it is not set.
    public let folder: String?

    /// multi-scrobbler as `environment` places it (an absolute CONFIG_DIR, or none).
    public init(environment: [String: String]) {
        folder = environment["CONFIG_DIR"].flatMap { $0.hasPrefix("/") ? $0 : nil }
    }

    /// `lastfm.json`, the clients' settings with their apiKey and secret (never rewritten).
    public var clientsPath: String { (folder ?? "$CONFIG_DIR") + "/lastfm.json" }
    /// The file the session of the client named `client` is read from at start.
    public func credentialsPath(client: String) -> String { (folder ?? "$CONFIG_DIR") + "/currentCreds-lastfm-\(client).json" }
    /// `lastfm.json` and the session's file (with NAME for the client's name).
    public var files: [String] { [clientsPath, credentialsPath(client: "NAME")] }
    /// `lastfm.json`, which holds the key and secret.
    public var credentialsFile: String { clientsPath }

    /// The apiKey and secret of the first Last.fm client in lastfm.json; throws when CONFIG_DIR is
    /// not set or lastfm.json holds no usable client.
    public func credentials() throws(AppError) -> AppCredentials {
        let client = try self.client()
        func value(_ name: String) -> AppValue? {
            client.data[name]?.string.flatMap { $0.isEmpty ? nil : AppValue($0, from: .setting(name: "\(client.name)'s \(name)", file: clientsPath)) }
        }
        return AppCredentials(key: value("apiKey"), secret: value("secret"))
    }

    /// Writes the session into the first client's currentCreds file; refuses when lastfm.json
    /// does not already hold the profile's key and secret.
    public func handOff(_ profile: Profile, dryRun: Bool) throws(AppError) -> [AppWrite] {
        let client = try self.client()
        // lastfm.json is not rewritten: its key must already be the one the session was made with.
        guard client.data["apiKey"]?.string == profile.apiKey, client.data["secret"]?.string == profile.apiSecret else {
            throw .unreadable(path: clientsPath, detail: L("client \"{name}\" needs the profile's apiKey and secret in its data (lastfm-auth does not rewrite lastfm.json): put them there and run again", ["name": "\(client.name)"]))
        }
        let path = credentialsPath(client: client.name)
        let state: [String: JSONValue] = ["sessionKey": .string(profile.sessionKey), "name": .string(profile.username),
                                          "lastRefreshed": .number(Double(Timestamp.nowUnix()))]
        if let old = try AppFiles.text(path),
           case .object(let held)? = try? JSONDecoder().decode(JSONValue.self, from: Data(old.utf8)),
           held["sessionKey"]?.string == profile.sessionKey {
            return [AppWrite(what: L("the session key"), path: path, change: .unchanged)]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let encoded = try? encoder.encode(state) else { throw .unreadable(path: path, detail: L("the session could not be encoded")) }
        let json = String(decoding: encoded, as: UTF8.self)
        if dryRun {
            try AppFiles.refuseLink(path)
            return [AppWrite(what: L("the session key"), path: path, change: .wouldWrite(backup: try AppFiles.backupPath(for: path)))]
        }
        return [AppWrite(what: L("the session key"), path: path, change: .wrote(backup: try AppFiles.replace(path, with: json)))]
    }

    /// The first Last.fm client in lastfm.json (an entry not configured as a source).
    private func client() throws(AppError) -> (name: String, data: [String: JSONValue]) {
        guard folder != nil else {
            throw .noConfigFolder(hint: L("set CONFIG_DIR to multi-scrobbler's config folder (PROJECT_DIR/config, or the folder mounted as /config)"))
        }
        guard let text = try AppFiles.text(clientsPath) else {
            throw .unreadable(path: clientsPath, detail: L("there is none: add a Last.fm client with its name, apiKey and secret (multi-scrobbler's docs), then run again"))
        }
        let parsed: JSONValue
        do { parsed = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) } catch {
            throw .unreadable(path: clientsPath, detail: L("not JSON: {reason}", ["reason": "\(Self.reason(error))"]))
        }
        guard case .array(let entries) = parsed else { throw .unreadable(path: clientsPath, detail: L("not a JSON array of clients")) }
        let clients = entries.compactMap { entry -> [String: JSONValue]? in
            guard case .object(let fields) = entry, (fields["configureAs"]?.string ?? "client") == "client" else { return nil }
            return fields
        }
        guard let entry = clients.first, let name = entry["name"]?.string, !name.isEmpty, case .object(let data)? = entry["data"] else {
            throw .unreadable(path: clientsPath, detail: L("no client entry with a name and data"))
        }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || "-_ .".contains($0) }) else {
            throw .unreadable(path: clientsPath, detail: L("the client's name is not usable in a file name"))
        }
        return (name, data)
    }

    /// What the JSON decoder said was wrong, and where, in one line.
    private static func reason(_ error: any Error) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else { return "\(error)" }
        return context.underlyingError.map { "\($0)" } ?? context.debugDescription
    }
}
