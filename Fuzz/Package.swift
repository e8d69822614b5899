// swift-tools-version:6.0
// libFuzzer targets for the response parsers and the key/paste input. Not part of the main build:
// `Fuzz/run` builds them with `-sanitize=fuzzer,address` into their own build directory.
// Each target's main.swift hands its check to libFuzzer's driver (see Sources/CLibFuzzer).
import PackageDescription

let package = Package(
    name: "lastfm-auth-fuzz",
    dependencies: [.package(name: "lastfm-auth", path: "..")],
    targets: [
        .systemLibrary(name: "CLibFuzzer", path: "Sources/CLibFuzzer"),
        // Bytes as a server's answer: AnswerParser (JSON and XML) must throw a typed error or
        // return a clean value, never crash, hang or let a control character through.
        .executableTarget(name: "FuzzAnswerParser", dependencies: ["CLibFuzzer", .product(name: "LastFMAuth", package: "lastfm-auth")]),
        // Bytes as what a person types and pastes into the key, secret and address fields: one
        // session player for both targets below.
        .target(name: "KeySession", dependencies: [
            .product(name: "LastFMAuth", package: "lastfm-auth"),
            .product(name: "LastFMWizard", package: "lastfm-auth"),
        ]),
        // The fast target: the decoder, the fields and the reducer, nothing drawn.
        .executableTarget(name: "FuzzKeyInput", dependencies: ["CLibFuzzer", "KeySession"]),
        // The drawing check, run over what FuzzKeyInput finds: every screen at five sizes.
        .executableTarget(name: "FuzzKeyScreen", dependencies: ["CLibFuzzer", "KeySession"]),
    ]
)
