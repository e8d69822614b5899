import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// Issue #39.4: the sandbox takes scrobbles as Last.fm does, so scrobblers can be tested against it.
@Suite("The sandbox's track.updateNowPlaying and track.scrobble")
struct SandboxScrobbleTests {
    @Test("updateNowPlaying, signed with a valid session: answered as Last.fm does (JSON), recorded with its fields and the session's user, no credential in the log")
    func nowPlayingJSON() async throws {
        try await SandboxHarness.with { sandbox in
            let session = try await SandboxSessionTests.session(sandbox, as: "alice")
            let form = try sandbox.client.signedForm("track.updateNowPlaying", ["sk": session.key, "artist": "Ané & Co", "track": "Song \"1\"", "album": "LP", "duration": "12"])
            let reply = try await sandbox.raw(.post, "/2.0/", form: form)
            #expect(reply.status == 200)
            #expect(reply.text == ##"{"nowplaying":{"track":{"corrected":"0","#text":"Song \"1\""},"artist":{"corrected":"0","#text":"Ané & Co"},"album":{"corrected":"0","#text":"LP"},"albumArtist":{"corrected":"0","#text":""},"ignoredMessage":{"code":"0","#text":""}}}"##)
            let logged = try #require(sandbox.server.requests.last)
            #expect(logged.method == "track.updateNowPlaying" && logged.user == "alice" && logged.error == nil)
            #expect(logged.received == ["artist": "Ané & Co", "track": "Song \"1\"", "album": "LP", "duration": "12"])
        }
    }

    @Test("a batch of two scrobbles in XML (GET and POST alike): both accepted and echoed in order")
    func scrobbleBatchXML() async throws {
        try await SandboxHarness.with { sandbox in
            let session = try await SandboxSessionTests.session(sandbox)
            var form = try sandbox.client.signedForm("track.scrobble", ["sk": session.key, "artist[0]": "A", "track[0]": "One", "timestamp[0]": "1700000000",
                                                                         "artist[1]": "B", "track[1]": "Two", "timestamp[1]": "1700000100", "album[1]": "X"])
            form.removeAll { $0.0 == "format" }
            let reply = try await sandbox.raw(.post, "/2.0/", form: form)
            #expect(reply.status == 200)
            #expect(reply.text.contains("<lfm status=\"ok\">\n<scrobbles accepted=\"2\" ignored=\"0\">\n<scrobble><track corrected=\"0\">One</track><artist corrected=\"0\">A</artist>"))
            #expect(reply.text.contains("<scrobble><track corrected=\"0\">Two</track><artist corrected=\"0\">B</artist><album corrected=\"0\">X</album><albumArtist corrected=\"0\"></albumArtist><timestamp>1700000100</timestamp>"))
            let logged = try #require(sandbox.server.requests.last)
            #expect(logged.method == "track.scrobble" && logged.user == SandboxAccount.user && logged.received["timestamp[1]"] == "1700000100")
        }
    }

    @Test("a revoked session is error 9, an unknown one too; no sk is 6; a wrong signature 13; each recorded with its error")
    func refusals() async throws {
        try await SandboxHarness.with { sandbox in
            let session = try await SandboxSessionTests.session(sandbox)
            #expect(sandbox.server.revoke(sessionKey: session.key))
            let fields = ["artist": "A", "track": "One", "timestamp": "1700000000"]
            let revoked = try await sandbox.raw(.post, "/2.0/", form: try sandbox.client.signedForm("track.scrobble", fields.merging(["sk": session.key]) { $1 }))
            #expect(revoked.status == 400 && revoked.text == #"{"error":9,"message":"Invalid session key - Please re-authenticate"}"#)
            #expect(sandbox.server.requests.last?.error == 9 && sandbox.server.requests.last?.user == nil)
            let unknown = try await sandbox.raw(.post, "/2.0/", form: try sandbox.client.signedForm("track.updateNowPlaying", ["sk": "ffffffffffffffffffffffffffffffff", "artist": "A", "track": "One"]))
            #expect(unknown.text.contains(#""error":9"#))
            let noSession = try await sandbox.raw(.post, "/2.0/", form: try sandbox.client.signedForm("track.scrobble", fields))
            #expect(noSession.text == #"{"error":6,"message":"Invalid parameters - Your request is missing a required parameter (sk)"}"#)
            let wrong = try sandbox.server.client(transport: sandbox.transport, secret: "00000000000000000000000000000000")
            let unsigned = try await sandbox.raw(.post, "/2.0/", form: try wrong.signedForm("track.scrobble", fields.merging(["sk": session.key]) { $1 }))
            #expect(unsigned.text.contains(#""error":13"#))
            #expect(sandbox.server.requests.suffix(4).map(\.error) == [9, 9, 6, 13])
        }
    }

    @Test("a scrobble without a timestamp, or a now-playing without a track, is error 6 naming the field")
    func missingFields() async throws {
        try await SandboxHarness.with { sandbox in
            let session = try await SandboxSessionTests.session(sandbox)
            let noTime = try await sandbox.raw(.post, "/2.0/", form: try sandbox.client.signedForm("track.scrobble", ["sk": session.key, "artist": "A", "track": "One"]))
            #expect(noTime.text == #"{"error":6,"message":"Invalid parameters - Your request is missing a required parameter (timestamp)"}"#)
            let noTrack = try await sandbox.raw(.post, "/2.0/", form: try sandbox.client.signedForm("track.updateNowPlaying", ["sk": session.key, "artist": "A"]))
            #expect(noTrack.text == #"{"error":6,"message":"Invalid parameters - Your request is missing a required parameter (track)"}"#)
        }
    }
}
