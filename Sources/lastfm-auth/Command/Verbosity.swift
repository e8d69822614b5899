import ArgumentParser

/// `--verbose`, shared by the root command and `status` as one option group: argument-parser
/// fills a parent's option of the same name instead of a subcommand's own (as with `--profile`),
/// while a shared group is decoded into each command.
struct Verbosity: ParsableArguments {
    @Flag(name: [.short, .long], help: "Say more on standard error (no secrets).")
    var verbose = false
}
