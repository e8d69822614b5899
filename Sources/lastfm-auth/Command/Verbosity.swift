import ArgumentParser

/// `--verbose`, shared by the root command and `status` as one option group: argument-parser
/// fills a parent's option of the same name instead of a subcommand's own (as with `--profile`),
/// while a shared group is decoded into each command.
struct Verbosity: ParsableArguments {
    @Flag(help: "Say more: each request and answer (secrets redacted) on standard error; with status, the server's own answer when a check does not say connected.")
    var verbose = false
}
