import ArgumentParser
import LastFMAuth

/// `lastfm-auth status`: what is saved, and whether each session still works on its server.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the saved profiles and whether each still works.",
        discussion: """
            For each profile (or the one named, or with --sandbox the sandbox's): service, user, API \
            key (first and last 4 characters), where its secrets are (file or keyring), when it was \
            saved, the file, and, unless --offline, one signed user.getInfo call with the session key \
            to see whether the server still accepts it. The profile the other commands use is marked \
            (in use). A server that cannot tell whose session key it is (GNU FM) is reported as not \
            verifiable, never as connected. --verbose adds the server's own answer when a check does \
            not say connected. --json gives the same facts, the exact saved time (created_at) and \
            "in_use".

            Exit status: 0 every profile shown is connected, not verifiable or (--offline) saved; \
            2 a session was refused (revoked, or its API key or secret refused); 1 otherwise a \
            profile cannot be used (no session key, incomplete, its keyring cannot give its \
            secrets) or the file cannot be read; 3 otherwise a session could not be checked (no \
            answer, a server error); 64 no such profile.
            """
    )

    @OptionGroup var saved: StatusProfile

    @Flag(help: "Only read the file; do not ask the server.")
    var offline = false

    @Flag(help: "One JSON object per profile on standard output, one per line.")
    var json = false

    @Flag(help: "Show the session key too (as gh auth status --show-token).")
    var showToken = false

    @OptionGroup var verbosity: Verbosity

    /// One try per profile, all at once, each bounded by this deadline.
    static let checkDeadline = Duration.seconds(10)

    func run() async throws {
        let environment = ProcessEnvironment.current()
        let statuses: [ProfileStatus]
        do throws(CLIError) {
            let (store, entries) = try saved.entries(environment: environment)
            // Which profile the other commands use when none is named, whichever are shown.
            let inUse = (try? store.profileNames()).flatMap {
                ProfileChoice.decide(named: nil, sandbox: false, saved: $0, chosen: store.chosenProfile).name
            }
            let offlineStatuses = entries.map { entry in
                var ignored: [String] = []
                let fromFile = entry.profile.isKeyringProblem ? try? store.profileFromFile(named: entry.name, warnings: &ignored) : nil
                var status = ProfileStatus.offline(name: entry.name, entry: entry.profile, file: store.path, fromFile: fromFile)
                status.inUse = entry.name == inUse
                return status
            }
            statuses = offline
                ? offlineStatuses
                : await Self.check(offlineStatuses, transport: CurlTransport(deadline: Self.checkDeadline, environment: environment))
            let now = Timestamp.nowUnix()
            let output = statuses.map {
                json ? StatusReport.json($0, showToken: showToken) : StatusReport.text($0, verbose: verbosity.verbose, showToken: showToken, now: now)
            }.joined(separator: json ? "" : "\n")
            guard Output.standard(output) else { throw .failed(L("could not write to standard output")) }
        } catch {
            Output.problem(error.message)
            throw ExitCode(error.status)
        }
        let status = ProfileStatus.exitStatus(statuses)
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// Asks the server about every profile that has a session key, concurrently; order is kept.
    static func check(_ statuses: [ProfileStatus], transport: any HTTPTransport) async -> [ProfileStatus] {
        await withTaskGroup(of: (Int, SessionCheck).self) { group in
            for (index, status) in statuses.enumerated() {
                guard status.finding == .notChecked, let profile = status.profile, let service = try? profile.resolvedService() else { continue }
                let client = LastFMClient(service: service, apiKey: profile.apiKey, secret: profile.apiSecret, transport: transport)
                group.addTask { (index, await SessionCheck.run(client, sessionKey: profile.sessionKey)) }
            }
            var checked = statuses
            for await (index, check) in group { checked[index].finding = .checked(check) }
            return checked
        }
    }
}

private extension Result where Failure == StoreError {
    /// Whether the keyring could not give the secrets (the rest of the entry can still be shown).
    var isKeyringProblem: Bool {
        if case .failure(.keyring) = self { return true }
        return false
    }
}
