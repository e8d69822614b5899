import Foundation
import LastFMAuth
import LastFMSandbox
import Testing
import TestSupport

/// Issue #29.4: a libcurl older than 7.85 refuses CURLOPT_PROTOCOLS_STR, and without it a redirect
/// could go to any scheme. No libcurl here refuses it, so the test builds one that does: a stand-in
/// `libcurl.so.4`, found first through LD_LIBRARY_PATH, that refuses that option and hands
/// everything else to the real library.
@Suite("A libcurl that refuses an option")
struct CurlRefusalTests {
    /// The stand-in's source: the nine functions lastfm-auth looks up, forwarded to `REAL_CURL`.
    static let standIn = #"""
        #include <dlfcn.h>
        #include <stdarg.h>
        #include <stddef.h>
        #define PROTOCOLS_STR 10318  /* CURLOPT_PROTOCOLS_STR: CURLOPTTYPE_STRINGPOINT + 318 */
        #define UNKNOWN_OPTION 48    /* CURLE_UNKNOWN_OPTION, what an old libcurl answers */
        static void *real(const char *name) {
            static void *library;
            if (!library) library = dlopen(REAL_CURL, RTLD_NOW | RTLD_LOCAL);
            return library ? dlsym(library, name) : NULL;
        }
        int curl_easy_setopt(void *handle, int option, ...) {
            va_list arguments;
            va_start(arguments, option);
            void *value = va_arg(arguments, void *);  /* longs, pointers and off_t are one register here */
            va_end(arguments);
            if (option == PROTOCOLS_STR) return UNKNOWN_OPTION;
            return ((int (*)(void *, int, ...))real("curl_easy_setopt"))(handle, option, value);
        }
        int curl_global_init(long flags) { return ((int (*)(long))real("curl_global_init"))(flags); }
        void *curl_easy_init(void) { return ((void *(*)(void))real("curl_easy_init"))(); }
        int curl_easy_perform(void *handle) { return ((int (*)(void *))real("curl_easy_perform"))(handle); }
        int curl_easy_getinfo(void *handle, int info, ...) {
            va_list arguments;
            va_start(arguments, info);
            void *value = va_arg(arguments, void *);
            va_end(arguments);
            return ((int (*)(void *, int, ...))real("curl_easy_getinfo"))(handle, info, value);
        }
        void curl_easy_reset(void *handle) { ((void (*)(void *))real("curl_easy_reset"))(handle); }
        void curl_easy_cleanup(void *handle) { ((void (*)(void *))real("curl_easy_cleanup"))(handle); }
        void *curl_slist_append(void *list, const char *text) { return ((void *(*)(void *, const char *))real("curl_slist_append"))(list, text); }
        void curl_slist_free_all(void *list) { ((void (*)(void *))real("curl_slist_free_all"))(list); }
        """#

    /// Builds the stand-in in `folder` with the toolchain's clang; the folder to put on LD_LIBRARY_PATH.
    static func buildStandIn(in folder: String) async throws -> String {
        let libraries = try await ToolRun.run("ldconfig", ["-p"]).output
        let line = try #require(libraries.split(separator: "\n").first { $0.contains("libcurl.so.4 ") && $0.contains("=>") }, "the real libcurl")
        let realPath = String(try #require(line.split(separator: " ").last))
        let source = folder + "/stand-in.c"
        try standIn.write(toFile: source, atomically: true, encoding: .utf8)
        let built = try await ToolRun.run("clang", ["-shared", "-fPIC", "-o", folder + "/libcurl.so.4", "-DREAL_CURL=\"\(realPath)\"", source, "-ldl"])
        try #require(built.status == 0, "cc: \(built.errors)")
        return folder
    }

    static let refusal = "the system's libcurl refused the option CURLOPT_PROTOCOLS_STR (curl error 48); lastfm-auth needs libcurl 7.85 or newer"

    @Test("the plain front: the request fails at once naming the option and the libcurl needed, and nothing reaches the server")
    func plainFront() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            var environment = scratch.environmentWithSandboxCredentials
            environment["LD_LIBRARY_PATH"] = try await Self.buildStandIn(in: scratch.path)
            let started = ContinuousClock.now
            let (status, _, stderr) = try await RunningProcess.run(["--plain", "--no-browser", "--api-root", sandbox.apiRoot], environment: environment)
            print("refused option, plain front: \(started.duration(to: .now))")
            #expect(status == 1)
            #expect(stderr.contains("lastfm-auth: could not get a token: " + Self.refusal), "stderr: \(stderr)")
            #expect(sandbox.requests.isEmpty, "nothing was sent without the protocol restriction")
            #expect(scratch.read(scratch.credentialsPath) == nil)
        }
    }

    @Test("the wizard: the same sentence on its problem screen, nothing sent, the terminal given back")
    func wizard() async throws {
        try await SandboxServer.with(SandboxConfiguration(approveAfter: .zero)) { sandbox in
            let scratch = ScratchFolder()
            defer { scratch.remove() }
            var environment = scratch.environmentWithSandboxCredentials
            environment["LD_LIBRARY_PATH"] = try await Self.buildStandIn(in: scratch.path)
            let tmux = try await TmuxSession.start(["--api-root", sandbox.apiRoot], environment: environment, width: 120, height: 40)
            let problem = try await tmux.waitFor("libcurl 7.85 or newer")
            #expect(problem.found, "screen:\n\(problem.screen)")
            #expect(flattened(problem.screen).contains(Self.refusal), "screen:\n\(problem.screen)")
            #expect(sandbox.requests.isEmpty)
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 1)
            try await tmux.expectRestored()
        }
    }
}
