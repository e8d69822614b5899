import LastFMApps
import LastFMAuth

/// `--for APP`, after either front has saved the session: the saved profile is read back (from
/// the file or the keyring) and written where the app reads it, and what was done is said.
struct AppHandOff {
    let app: any SessionApp
    let store: CredentialsStore
    let profileName: String

    /// 0 when the app has the session, 1 when it could not be handed over (it stays saved in the profile).
    func run() -> Int32 {
        var warnings: [String] = []
        defer { warnings.forEach(Output.warning) }
        do throws(AppError) {
            let profile: Profile
            do throws(StoreError) {
                guard let saved = try store.profile(named: profileName, warnings: &warnings), !saved.sessionKey.isEmpty else {
                    Output.problem(L("profile \"{profileName}\" has no session to hand to {app}", ["profileName": "\(Sanitizer.clean(profileName))", "app": "\(app.id)"]))
                    return ExitStatus.failed.rawValue
                }
                profile = saved
            } catch {
                throw .store(error)
            }
            let writes = try app.handOff(profile, dryRun: false)
            let running = app.processName.map(RunningProgram.pids(named:)) ?? []
            Wording.handedOff(app, writes: writes, profile: profile, profileName: profileName, running: running).forEach { Output.error($0) }
            return ExitStatus.success.rawValue
        } catch {
            Output.problem(Wording.handOffFailed(app, error, profileName: profileName))
            return ExitStatus.failed.rawValue
        }
    }

    /// `--dry-run`: what a run would write for the app, planned and checked as for real with the
    /// saved session (when it is for this server and key) or with what the run would get, and
    /// nothing asked, sent or written. 0 when the writes could be made, 1 when one would be refused.
    func dryRun(_ settings: RunSettings) -> Int32 {
        let saved = settings.savedSession == .check ? settings.existing : nil
        let profile = saved ?? Profile(service: settings.service, apiKey: settings.apiKey ?? Wording.DryRun.apiKey,
                                       apiSecret: settings.secret ?? Wording.DryRun.secret,
                                       session: Session(username: "", key: Wording.DryRun.sessionKey), createdAt: "")
        Output.error(Wording.DryRun.intro(app, profile: profileName, path: store.path, savedSession: saved != nil))
        do throws(AppError) {
            let writes = try app.handOff(profile, dryRun: true)
            let running = app.processName.map(RunningProgram.pids(named:)) ?? []
            Wording.handedOff(app, writes: writes, profile: profile, profileName: profileName, running: running).forEach { Output.error($0) }
            return ExitStatus.success.rawValue
        } catch {
            Output.problem(Wording.DryRun.refused(app, error))
            return ExitStatus.failed.rawValue
        }
    }
}
