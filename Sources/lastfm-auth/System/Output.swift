#if canImport(Glibc)
import Glibc
#endif
import LastFMAuth
import LastFMWizard

/// Writing to standard output and standard error, unbuffered, so lines appear as they happen
/// and interleave correctly with other processes.
enum Output {
    /// A line (or text) on standard error: progress and messages, wrapped at words to the
    /// terminal's width (`StandardStreams.width`); with `newline` false (a prompt), as it is.
    static func error(_ text: String, newline: Bool = true) {
        guard newline else { return _ = write(STDERR_FILENO, text) }
        write(STDERR_FILENO, TextWidth.wrapWords(text, width: StandardStreams.width()).joined(separator: "\n") + "\n")
    }

    /// A problem on standard error after the tool's name, as other command-line tools write them:
    /// "lastfm-auth: the session could not be saved: ...". In English a sentence's capital goes
    /// (not an acronym's: "API key" stays); another language keeps its sentence as written, as
    /// German's nouns keep their capitals ("lastfm-auth: Sitzung ...").
    static func problem(_ sentence: String) {
        error(problemLine(sentence, english: Catalog.language == nil))
    }

    /// `problem`'s line for `sentence`; `english`: the catalog speaks no other language now.
    static func problemLine(_ sentence: String, english: Bool) -> String {
        let chars = Array(sentence)
        let lowered = english && chars.count > 1 && chars[0].isUppercase && chars[1].isLowercase ? chars[0].lowercased() + String(chars.dropFirst()) : sentence
        return "lastfm-auth: " + lowered
    }

    /// A store warning (a file's mode mended, a keyring that could not be read) on standard
    /// error, the same wherever a profile is read: "lastfm-auth: warning: ...".
    static func warning(_ text: String) {
        error("lastfm-auth: warning: " + text)
    }

    /// Text on standard output: only what `--print` asked for, and the sandbox's ready line.
    /// Returns false if it could not be written (a closed pipe, a full disk).
    @discardableResult
    static func standard(_ text: String) -> Bool {
        write(STDOUT_FILENO, text)
    }

    @discardableResult
    private static func write(_ fd: Int32, _ text: String) -> Bool {
        Descriptor.writeAll(fd, Array(text.utf8)) == nil
    }
}
