#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LastFMAuth

/// The `--print` output: what a script needs to use the new session.
struct CredentialsPrinter {
    /// Where it is written: standard output, and a problem on standard error.
    let sink: any PlainLineSink

    /// `env`: shell-quoted `export NAME='value'` lines, for `eval` in sh, bash, zsh and dash, so the
    /// programs started next see them (as `ssh-agent -s` prints); `dotenv`: the same without
    /// `export`, for `.env` files; `json`: one object on one line. All name the
    /// service (`lastfm`, `librefm`, `custom`, `sandbox`) and its API root, so an app can tell a
    /// GNU FM profile from a Last.fm one and knows where to send its calls.
    static func render(_ format: PrintFormat, service: Service, apiKey: String, secret: String, session: Session) -> String {
        switch format {
        case .env, .dotenv:
            let prefix = format == .env ? "export " : ""
            return [
                ("LASTFM_API_KEY", apiKey), ("LASTFM_API_SECRET", secret),
                ("LASTFM_SESSION_KEY", session.key), ("LASTFM_USERNAME", session.username),
                ("LASTFM_API_ROOT", service.apiRoot.text), ("LASTFM_SERVICE", service.id),
            ].map { "\(prefix)\($0.0)=\(shellQuoted($0.1))\n" }.joined()
        case .json:
            let object = ["service": service.id, "api_root": service.apiRoot.text,
                          "api_key": apiKey, "api_secret": secret, "session_key": session.key, "username": session.username]
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(object)) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    /// Writes the `--print` output to standard output; on failure (a closed pipe, a full disk) says so
    /// on standard error and returns false, so the caller exits 1.
    func write(_ format: PrintFormat, service: Service, apiKey: String, secret: String, session: Session, saved: Bool) -> Bool {
        guard sink.standardOutput(Self.render(format, service: service, apiKey: apiKey, secret: secret, session: session)) else {
            sink.problem(Wording.printFailed(sessionSaved: saved))
            return false
        }
        return true
    }

    /// `text` in single quotes, safe to paste into or `eval` in a POSIX shell.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
