import LastFMAuth

/// `track.updateNowPlaying` and `track.scrobble`, answered as Last.fm answers them
/// (https://www.last.fm/api/show/track.scrobble, /track.updateNowPlaying): a valid session key
/// (`sk`) is required (error 9 once revoked or never issued), `artist` and `track` are required
/// (and `timestamp` for each scrobble, up to 50 of them as `artist[i]`, `track[i]`, `timestamp[i]`),
/// and the answer echoes each track with `corrected="0"`. The signature was checked before.
struct ScrobbleResponder: Sendable {
    let sessions: SessionRegistry
    /// JSON (`format=json`) or XML.
    let json: Bool

    /// The fields the request log keeps: all but the credentials and the envelope.
    static func received(_ parameters: [String: String]) -> [String: String] {
        parameters.filter { !["api_key", "api_sig", "sk", "method", "format", "callback"].contains($0.key) }
    }

    /// The answer to `method` (lowercased `track.updatenowplaying` or `track.scrobble`).
    func respond(_ method: String, _ parameters: [String: String], fail: (Int, String) -> APIAnswer) -> APIAnswer {
        guard let sessionKey = parameters["sk"], !sessionKey.isEmpty else {
            return fail(6, "Invalid parameters - Your request is missing a required parameter (sk)")
        }
        let user: String
        switch sessions.lookup(key: sessionKey) {
        case .valid(let owner): user = owner
        case .revoked, .unknown: return fail(9, "Invalid session key - Please re-authenticate")
        }
        let name = method == "track.scrobble" ? "track.scrobble" : "track.updateNowPlaying"
        if method == "track.updatenowplaying" {
            guard let artist = nonEmpty(parameters["artist"]) else { return fail(6, "Invalid parameters - Your request is missing a required parameter (artist)") }
            guard let track = nonEmpty(parameters["track"]) else { return fail(6, "Invalid parameters - Your request is missing a required parameter (track)") }
            let fields = trackFields(track: track, artist: artist, album: parameters["album"] ?? "", albumArtist: parameters["albumArtist"] ?? "", timestamp: nil)
            let body = json ? #"{"nowplaying":{\#(fields)}}"# : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"ok\">\n<nowplaying>\(fields)</nowplaying>\n</lfm>\n"
            return APIAnswer(reply: APIResponder.ok(body, json: json), line: "\(name) → now playing", user: user)
        }
        // One scrobble unindexed, or a batch indexed from 0.
        var batch: [(artist: String, track: String, timestamp: String, album: String, albumArtist: String)] = []
        if parameters["artist[0]"] == nil {
            guard let artist = nonEmpty(parameters["artist"]) else { return fail(6, "Invalid parameters - Your request is missing a required parameter (artist)") }
            guard let track = nonEmpty(parameters["track"]) else { return fail(6, "Invalid parameters - Your request is missing a required parameter (track)") }
            guard let timestamp = nonEmpty(parameters["timestamp"]) else { return fail(6, "Invalid parameters - Your request is missing a required parameter (timestamp)") }
            batch.append((artist, track, timestamp, parameters["album"] ?? "", parameters["albumArtist"] ?? ""))
        } else {
            for index in 0..<50 {
                guard let artist = nonEmpty(parameters["artist[\(index)]"]) else { break }
                guard let track = nonEmpty(parameters["track[\(index)]"]) else { return fail(6, "Invalid parameters - Your request is missing a required parameter (track[\(index)])") }
                guard let timestamp = nonEmpty(parameters["timestamp[\(index)]"]) else { return fail(6, "Invalid parameters - Your request is missing a required parameter (timestamp[\(index)])") }
                batch.append((artist, track, timestamp, parameters["album[\(index)]"] ?? "", parameters["albumArtist[\(index)]"] ?? ""))
            }
        }
        let scrobbles = batch.map { trackFields(track: $0.track, artist: $0.artist, album: $0.album, albumArtist: $0.albumArtist, timestamp: $0.timestamp) }
        let body: String
        if json {
            let list = scrobbles.map { "{\($0)}" }
            let scrobble = list.count == 1 ? list[0] : "[" + list.joined(separator: ",") + "]"
            body = #"{"scrobbles":{"scrobble":\#(scrobble),"@attr":{"accepted":\#(batch.count),"ignored":0}}}"#
        } else {
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"ok\">\n<scrobbles accepted=\"\(batch.count)\" ignored=\"0\">\n"
                + scrobbles.map { "<scrobble>\($0)</scrobble>\n" }.joined() + "</scrobbles>\n</lfm>\n"
        }
        return APIAnswer(reply: APIResponder.ok(body, json: json), line: "\(name) → \(batch.count) accepted", user: user)
    }

    private func nonEmpty(_ value: String?) -> String? {
        value.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// One track as Last.fm echoes it, nothing corrected, nothing ignored.
    private func trackFields(track: String, artist: String, album: String, albumArtist: String, timestamp: String?) -> String {
        let named = [("track", track), ("artist", artist), ("album", album), ("albumArtist", albumArtist)]
        if json {
            var parts = named.map { ##""\##($0.0)":{"corrected":"0","#text":"\##(APIResponder.escape($0.1, json: true))"}"## }
            if let timestamp { parts.append(#""timestamp":"\#(APIResponder.escape(timestamp, json: true))""#) }
            parts.append(##""ignoredMessage":{"code":"0","#text":""}"##)
            return parts.joined(separator: ",")
        }
        var text = named.map { "<\($0.0) corrected=\"0\">\(APIResponder.escape($0.1, json: false))</\($0.0)>" }.joined()
        if let timestamp { text += "<timestamp>\(APIResponder.escape(timestamp, json: false))</timestamp>" }
        return text + "<ignoredMessage code=\"0\"></ignoredMessage>"
    }
}
