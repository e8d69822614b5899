# Turns the headed blocks of the root command's discussion (RootHelp.swift), which
# swift-argument-parser's manual generator puts verbatim in DESCRIPTION, into man page sections:
# a capitalised line starts a section, a line indented by 2 is an entry ("term" or
# "term  text"), lines indented by 6 are the entry's text; EXAMPLES stay literal. They replace
# the generator's generic EXIT STATUS. Everything else passes through unchanged.

function roff(text) {
    # A line that starts with . or ' would be read as a request.
    return (text ~ /^[.']/) ? "\\&" text : text
}

function term(section, text,    out, n, parts, i) {
    if (section == "ENVIRONMENT") {
        n = split(text, parts, /, */)
        out = "Ev " parts[1]
        for (i = 2; i <= n; i++) out = out " , " parts[i]
        return out
    }
    if (section == "FILES") {
        if (match(text, /, /)) return "Pa " substr(text, 1, RSTART - 1) " Ns , " substr(text, RSTART + 2)
        return "Pa " text
    }
    return text
}

function flush(    i, line, name) {
    for (i = 1; i <= count; i++) {
        name = names[i]
        printf ".Sh \"%s\"\n", name
        if (name == "EXAMPLES") {
            print ".Bd -literal -offset indent"
            printf "%s", body[i]
            print ".Ed"
        } else {
            print ".Bl -tag -width Ds"
            printf "%s", body[i]
            print ".El"
        }
    }
    count = 0
}

BEGIN { region = 0; count = 0 }

# The root command's DESCRIPTION runs from its .Sh to the first list (its options).
/^\.Sh DESCRIPTION$/ && region == 0 { region = 1; print; next }
region == 1 && /^\.Bl/ { region = 2 }

region == 1 {
    if ($0 ~ /^[A-Z][A-Z ]+$/) { names[++count] = $0; body[count] = ""; next }
    # A blank line is a paragraph break, written only once more text follows.
    if (count == 0 && $0 == "") { paragraph = 1; next }
    if (count == 0) { if (paragraph) print ".Pp"; paragraph = 0; print roff($0); next }
    if ($0 == "") next
    if (names[count] == "EXAMPLES") { sub(/^  /, ""); body[count] = body[count] roff($0) "\n"; next }
    if ($0 ~ /^      /) { sub(/^ +/, ""); body[count] = body[count] roff($0) "\n"; next }
    sub(/^  /, "")
    if (match($0, /   */)) {
        body[count] = body[count] ".It " term(names[count], substr($0, 1, RSTART - 1)) "\n" roff(substr($0, RSTART + RLENGTH)) "\n"
    } else {
        body[count] = body[count] ".It " term(names[count], $0) "\n"
    }
    next
}

# The generator's EXIT STATUS says only "0 on success, >0 on error": ours replace it.
/^\.Sh "EXIT STATUS"$/ { skip = 1; flush(); next }
skip && /^\.Ex/ { skip = 0; next }
# Subcommands' discussions come verbatim too: a blank line there is a paragraph break.
$0 == "" { skip = 0; print ".Pp"; next }
{ skip = 0; print }
