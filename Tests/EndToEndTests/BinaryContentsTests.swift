#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport

/// What the built binary carries: no full Foundation, no FoundationInternationalization, no ICU
/// (45 MB and ~8 MB of RSS that only an HTTP client once brought in), no BoringSSL of its own (the
/// MD5 is the system's libcrypto), no swift-nio (the sandbox is a program of its own), and libcurl
/// and libcrypto only at run time.
@Suite("The binary stays light")
struct BinaryContentsTests {
    private static func output(_ tool: String, _ arguments: String...) async throws -> String {
        let run = try await ToolRun.run(tool, arguments)
        #expect(run.status == 0, "\(tool) \(arguments): \(run.errors)")
        return run.output
    }

    @Test("no Foundation, FoundationInternationalization, ICU, BoringSSL or swift-nio, linked or loaded; libcurl, libcrypto and libsecret not linked")
    func noFoundation() async throws {
        let needed = try await Self.output("readelf", "-d", RunningProcess.binary).split(separator: "\n").filter { $0.contains("(NEEDED)") }
        #expect(!needed.isEmpty, "readelf read the binary")
        for library in ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so", "libicu", "libcurl", "libcrypto", "libssl", "libsecret", "libglib"] {
            #expect(!needed.contains { $0.contains(library) }, "\(library) is linked")
        }
        // Statically linked modules leave their symbols: Swift's mangled module names, ICU's C API.
        let symbols = try await Self.output("nm", "--defined-only", RunningProcess.binary)
        #expect(symbols.count > 100_000, "nm read the symbols")
        // BoringSSL's C functions are prefixed by swift-crypto's build (CCryptoBoringSSL_...).
        // swift-nio (the sandbox's server) is in lastfm-auth-sandbox only.
        for marker in ["$s10Foundation", "$s30FoundationInternationalization", "$s14_FoundationICU", " ucol_open", " ubrk_open", "CCryptoBoringSSL_",
                       "$s7NIOCore", "$s8NIOPosix", "$s9NIOHTTP1"] {
            #expect(!symbols.contains(marker), "\(marker) symbols are in the binary")
        }
    }
}

/// libcurl is opened on the first request, and only then (loading it while the process exited
/// once raced exit's clean-up and corrupted the heap: 1 wizard in ~300 hung after SIGTERM).
@Suite("libcurl is loaded only when a request is made")
struct LibraryLoadingTests {
    @Test("a wizard that made no request never loads libcurl, libcrypto or libsecret, not even on its way out")
    func noRequestNoCurl() async throws {
        let scratch = ScratchFolder()
        defer { scratch.remove() }
        // ld.so names every library it loads, dlopen'ed ones included, in LD_DEBUG_OUTPUT.PID.
        let report = scratch.home + "/ld-report"
        let run = try PseudoTerminalRun([], environment: ["HOME": scratch.home, "TERM": "xterm-256color", "LANG": "C.UTF-8",
                                                          "PATH": "/usr/bin:/bin", "LD_DEBUG": "files", "LD_DEBUG_OUTPUT": report])
        #expect(await run.waitForOffPool("help", timeout: .seconds(30)), "first frame")
        kill(run.pid, SIGTERM)
        #expect(run.exitStatus() == 143)
        let loaded = try #require(scratch.read("\(report).\(run.pid)"), "ld.so's report")
        #expect(loaded.contains("libncursesw"), "the report lists what was loaded")
        #expect(!loaded.contains("libcurl"), "libcurl was loaded without a request")
        #expect(!loaded.contains("libcrypto"), "libcrypto was loaded without a signature")
        #expect(!loaded.contains("libsecret"), "libsecret was loaded without a secret to keep")
        #expect(!loaded.contains("libmicrohttpd"), "libmicrohttpd was loaded without a browser page handed out")
    }
}
