// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lastfm-auth",
    // Linux only: the system C libraries come through module maps and Glibc; nothing else is built or tested.
    products: [
        .executable(name: "lastfm-auth", targets: ["lastfm-auth"]),
        .executable(name: "lastfm-auth-sandbox", targets: ["lastfm-auth-sandbox"]),
        .library(name: "LastFMAuth", targets: ["LastFMAuth"]),
        .library(name: "LastFMSandbox", targets: ["LastFMSandbox"]),
        .library(name: "LastFMWizard", targets: ["LastFMWizard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // Only for `swift package generate-documentation` (DocC); nothing of it is built into the tool.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The auth core: signing, transport, parsing, the wait, the credentials store. No terminal.
        .target(
            name: "LastFMAuth",
            dependencies: [
                "CCurl",
                "CCrypto",
                "CMicroHTTPD",
                "CSecret",
                "CIntl",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A Last.fm-compatible server on loopback, for first runs, tests and other client developers.
        .target(
            name: "LastFMSandbox",
            dependencies: [
                "LastFMAuth",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The apps a session is handed to (`--for APP`): their files read, checked and written with care. No terminal.
        .target(
            name: "LastFMApps",
            dependencies: ["LastFMAuth", "CTOMLCheck"]
        ),
        // toml++ (Debian's libtomlplusplus-dev, header-only) behind three C functions: does a text
        // parse, a top-level string, are two texts the same but for some keys. TOMLKit was measured
        // and not taken: it imports Foundation (Calendar, Date), which lastfm-auth does not link.
        .target(
            name: "CTOMLCheck",
            cxxSettings: [.define("TOML_HEADER_ONLY", to: "1"), .define("TOML_EXCEPTIONS", to: "0")]
        ),
        // The wizard as pure state, reducer and views: no terminal, testable anywhere.
        .target(name: "LastFMWizard", dependencies: ["LastFMAuth"]),
        // libcurl's header; the library itself is opened with dlopen on the first request.
        .systemLibrary(name: "CCurl", path: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // libmicrohttpd's header for the loopback callback; the library is opened with dlopen when a
        // browser on this machine is handed the web flow's page.
        .systemLibrary(name: "CMicroHTTPD", path: "CMicroHTTPD", providers: [.apt(["libmicrohttpd-dev"])]),
        // OpenSSL's libcrypto for the signature's MD5, opened with dlopen at the first signature; no header needed.
        .systemLibrary(name: "CCrypto", path: "CCrypto"),
        // libsecret for the desktop keyring, opened with dlopen when a secret is read or written there; no header needed.
        .systemLibrary(name: "CSecret", path: "CSecret"),
        // glibc's gettext (libintl.h) for the catalogs of the person's language; nothing to link.
        .systemLibrary(name: "CIntl", path: "CIntl"),
        // ncursesw through a module map and a small shim header.
        .systemLibrary(name: "CNCurses", path: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // The terminal given back on a crash, from an async-signal-safe handler (C, a few lines).
        .target(name: "CCrashGuard"),
        // libqrencode for the QR code of the authorize URL.
        .systemLibrary(name: "CQRencode", path: "CQRencode", providers: [.apt(["libqrencode-dev"])]),
        .executableTarget(
            name: "lastfm-auth",
            dependencies: [
                "LastFMAuth",
                "LastFMApps",
                "LastFMWizard",
                "CNCurses",
                "CQRencode",
                "CCrashGuard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The sandbox as a program of its own, so that swift-nio is loaded only when a sandbox runs:
        // `lastfm-auth --sandbox` and `lastfm-auth sandbox` start it (docs/performance.md, session 7).
        .executableTarget(
            name: "lastfm-auth-sandbox",
            dependencies: [
                "LastFMAuth",
                "LastFMSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: scratch folders, a manual clock, fixtures, a scripted terminal.
        .target(name: "TestSupport", dependencies: ["LastFMAuth", "LastFMSandbox", "LastFMWizard"], path: "Tests/TestSupport"),
        .testTarget(name: "LastFMAuthTests", dependencies: ["LastFMAuth", "TestSupport"]),
        .testTarget(name: "LastFMWizardTests", dependencies: ["LastFMWizard", "LastFMAuth", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "LastFMSandboxTests", dependencies: ["LastFMSandbox", "LastFMAuth", "TestSupport"]),
        // Both fronts' whole flow in process, over the real core: a scripted server, a manual clock,
        // the plain front's lines recorded, the wizard on a scripted terminal.
        .testTarget(name: "FrontTests", dependencies: ["lastfm-auth", "LastFMAuth", "LastFMWizard", "TestSupport"]),
        .testTarget(name: "LastFMAppsTests", dependencies: ["LastFMApps", "LastFMAuth", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lastfm-auth", "lastfm-auth-sandbox", "LastFMSandbox", "LastFMAuth", "LastFMApps", "LastFMWizard", "TestSupport"]),
    ],
    cxxLanguageStandard: .cxx17
)
