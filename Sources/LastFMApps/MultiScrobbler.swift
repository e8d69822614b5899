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
import Foundation
import LastFMAuth

/// multi-scrobbler's files, and how a session is handed to its Last.fm client.
public struct MultiScrobbler: SessionApp {
    public let id = "multi-scrobbler"
    public let summary = "scrobbles from many sources to many clients (github.com/FoxxMD/multi-scrobbler)"
    public let processName: String? = nil  // usually in a container: not seen from here
    public let services = ["lastfm"]
    public let writesMissingCredentials = false  // lastfm.json is not rewritten
    /// CONFIG_DIR, or nil when it is not set.
    public let folder: String?

    public init(environment: [String: String]) {
        folder = environment["CONFIG_DIR"].flatMap { $0.hasPrefix("/") ? $0 : nil }
    }

    public var clientsPath: String { (folder ?? "$CONFIG_DIR") + "/lastfm.json" }
    public func credentialsPath(client: String) -> String { (folder ?? "$CONFIG_DIR") + "/currentCreds-lastfm-\(client).json" }
    public var files: [String] { [clientsPath, credentialsPath(client: "NAME")] }

    public func credentials() throws(AppError) -> AppCredentials {
        let client = try self.client()
        func value(_ name: String) -> AppValue? {
            (client.data[name] as? String).flatMap { $0.isEmpty ? nil : AppValue($0, from: .setting(name: "\(client.name)'s \(name)", file: clientsPath)) }
        }
        return AppCredentials(key: value("apiKey"), secret: value("secret"))
    }

    public func handOff(_ profile: Profile) throws(AppError) -> [AppWrite] {
        let client = try self.client()
        // lastfm.json is not rewritten: its key must already be the one the session was made with.
        guard client.data["apiKey"] as? String == profile.apiKey, client.data["secret"] as? String == profile.apiSecret else {
            throw .unreadable(path: clientsPath, detail: "client \"\(client.name)\" needs the profile's apiKey and secret in its data "
                              + "(lastfm-auth does not rewrite lastfm.json): put them there and run again")
        }
        let path = credentialsPath(client: client.name)
        let state: [String: Any] = ["sessionKey": profile.sessionKey, "name": profile.username, "lastRefreshed": Timestamp.nowUnix()]
        if let old = try AppFiles.text(path),
           let held = (try? JSONSerialization.jsonObject(with: Data(old.utf8))) as? [String: Any],
           held["sessionKey"] as? String == profile.sessionKey {
            return [AppWrite(what: "the session key", path: path, change: .unchanged)]
        }
        let json = String(decoding: (try? JSONSerialization.data(withJSONObject: state, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
        return [AppWrite(what: "the session key", path: path, change: .wrote(backup: try AppFiles.replace(path, with: json)))]
    }

    /// The first Last.fm client in lastfm.json (an entry not configured as a source).
    private func client() throws(AppError) -> (name: String, data: [String: Any]) {
        guard folder != nil else {
            throw .unreadable(path: clientsPath, detail: "CONFIG_DIR is not set: set it to multi-scrobbler's config folder (PROJECT_DIR/config, or the folder mounted as /config)")
        }
        guard let text = try AppFiles.text(clientsPath) else {
            throw .unreadable(path: clientsPath, detail: "there is none: add a Last.fm client with its name, apiKey and secret (multi-scrobbler's docs), then run again")
        }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) } catch {
            throw .unreadable(path: clientsPath, detail: "not JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)")
        }
        guard let entries = parsed as? [[String: Any]] else { throw .unreadable(path: clientsPath, detail: "not a JSON array of clients") }
        guard let entry = entries.first(where: { ($0["configureAs"] as? String ?? "client") == "client" }),
              let name = entry["name"] as? String, !name.isEmpty, let data = entry["data"] as? [String: Any] else {
            throw .unreadable(path: clientsPath, detail: "no client entry with a name and data")
        }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || "-_ .".contains($0) }) else {
            throw .unreadable(path: clientsPath, detail: "the client's name is not usable in a file name")
        }
        return (name, data)
    }
}
