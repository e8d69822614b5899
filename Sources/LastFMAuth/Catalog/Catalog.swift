import CIntl
#if canImport(Glibc)
import Glibc
#endif

/// Every sentence a person reads goes through here: looked up with gettext in the text domain
/// `lastfm-auth`, in the language the locale names (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as
/// gettext chooses), English when there is no catalog for it. The English sentence is the key
/// (`msgid`); `scripts/catalog` collects every `L(...)` and `Ln(...)` of the sources into
/// `po/lastfm-auth.pot`. Placeholders are named, `{name}`, so a language can reorder them; a
/// count goes through `Ln`, which picks the language's plural form (Polish and Russian have three).
public enum Catalog {
    /// The text domain: `LL/LC_MESSAGES/lastfm-auth.mo` under the locale folder.
    public static let domain = "lastfm-auth"

    /// Takes the language from the environment and finds the catalogs: `folder`, else
    /// `share/locale` beside the program's folder (`/usr/share/locale` for `/usr/bin`, and the
    /// build folder's `share/locale` for a run from the checkout, which `scripts/locales` fills).
    /// Returns the folder used. Called once, first thing; until then every sentence is English.
    @discardableResult
    public static func start(folder: String? = nil, executable: String? = nil) -> String? {
        setlocale(LC_MESSAGES, "")
        setlocale(LC_CTYPE, "")
        let chosen = folder ?? executable.map { path in
            let bin = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let parent = bin.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            return parent + "/share/locale"
        }
        guard let chosen else { return nil }
        bind(folder: chosen)
        return chosen
    }

    /// Looks for the catalogs in `folder` (`LL/LC_MESSAGES/lastfm-auth.mo`), in UTF-8, without
    /// touching the process's locale.
    public static func bind(folder: String) {
        bindtextdomain(domain, folder)
        bind_textdomain_codeset(domain, "UTF-8")
    }

    /// `body`'s sentences in the language of `locale` ("ja_JP.UTF-8"), on this thread only
    /// (`uselocale`; gettext follows the thread's locale): what draws every screen in several
    /// languages in one process, while other threads speak their own. Nil when the system has
    /// not generated `locale`. `body` must not suspend: the next part could run on another thread.
    public static func speaking<T>(_ locale: String, _ body: () throws -> T) rethrows -> T? {
        guard let chosen = newlocale(Int32(1 << LC_CTYPE) | Int32(1 << LC_MESSAGES), locale, nil) else { return nil }
        defer { freelocale(chosen) }
        let previous = uselocale(chosen)
        defer { uselocale(previous) }
        return try body()
    }

    /// The language the catalog speaks now ("de", "pt_BR"), or nil when sentences are English:
    /// no catalog for the locale, or a locale the system has not generated (then `setlocale`
    /// fell back to C, where gettext translates nothing).
    public static var language: String? {
        let header = String(cString: dgettext(domain, ""))
        guard let line = header.split(separator: "\n").first(where: { $0.hasPrefix("Language: ") }) else { return nil }
        let language = line.dropFirst("Language: ".count).trimmingCharacters()
        return language.isEmpty ? nil : language
    }

    /// What the environment asks for (the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is
    /// set), for `--verbose` to say when it could not be had.
    public static func requested(in environment: [String: String]) -> String? {
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return nil
    }

    /// What the environment asks for when no catalog speaks it now (English is asked for by C,
    /// POSIX and en*, and needs none); nil when the language asked for is spoken.
    public static func unavailable(in environment: [String: String]) -> String? {
        guard language == nil, let requested = requested(in: environment) else { return nil }
        let first = requested.split(separator: ":").first.map(String.init) ?? requested
        if first == "C" || first.hasPrefix("C.") || first == "POSIX" || first.hasPrefix("en") { return nil }
        return Sanitizer.clean(requested)
    }

    /// `msgid` in the person's language, with each `{name}` replaced by `values[name]`.
    public static func text(_ msgid: StaticString, _ values: [String: String] = [:]) -> String {
        // gettext gives the catalog's header for the empty msgid.
        msgid.utf8CodeUnitCount == 0 ? "" : fill(lookUp(msgid), values)
    }

    /// The form of `one` / `other` for `count` in the person's language (`{n}` is the count),
    /// with each `{name}` replaced by `values[name]`.
    public static func plural(_ one: StaticString, _ other: StaticString, _ count: Int, _ values: [String: String] = [:]) -> String {
        let form = one.withUTF8Buffer { oneBuffer in
            other.withUTF8Buffer { otherBuffer in
                oneBuffer.withMemoryRebound(to: CChar.self) { one in
                    otherBuffer.withMemoryRebound(to: CChar.self) { other in
                        String(cString: dngettext(domain, one.baseAddress!, other.baseAddress!, UInt(max(0, count))))
                    }
                }
            }
        }
        var all = values
        all["n"] = all["n"] ?? String(count)
        return fill(form, all)
    }

    private static func lookUp(_ msgid: StaticString) -> String {
        msgid.withUTF8Buffer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { String(cString: dgettext(domain, $0.baseAddress!)) }
        }
    }

    /// Replaces `{name}` placeholders; a brace that names nothing given stays as it is.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

/// `Catalog.text`: a sentence in the person's language. The English `msgid` must be a literal
/// (no interpolation: a `{name}` placeholder, filled from `values`), so `scripts/catalog` finds it.
public func L(_ msgid: StaticString, _ values: [String: String] = [:]) -> String {
    Catalog.text(msgid, values)
}

/// `Catalog.plural`: the form for `count` (`{n}` in the text).
public func Ln(_ one: StaticString, _ other: StaticString, _ count: Int, _ values: [String: String] = [:]) -> String {
    Catalog.plural(one, other, count, values)
}

private extension Substring {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
