import LastFMAuth

/// The run's effects that both fronts need, run here once: the saved session's check and the
/// browser started for a token. Each returns what a front says; neither decides anything.
extension FlowFactory {
    /// Asks `service` whether `profile`'s session still works (one `user.getInfo`), with the
    /// profile's own key and secret; `RunRules.afterCheck` says what the answer means.
    func checkSaved(_ profile: Profile, on service: Service) async -> SessionCheck {
        await SessionCheck.run(flow(service: service, apiKey: profile.apiKey, secret: profile.apiSecret).client, sessionKey: profile.sessionKey)
    }

    /// Asks whether an API answers at `service`'s API root, before any key (`LastFMClient.probe`).
    func probe(_ service: Service) async -> AuthError? {
        await flow(service: service, apiKey: "", secret: "").client.probe()
    }

    /// Starts a browser on this machine for `grant` with `launch`: the web flow's page when
    /// `callback` listens (approval there ends the wait at once), else the desktop page. Returns
    /// the sentences to say; with `verbose`, also why the callback is not used. A browser that
    /// cannot start closes `callback`: no page is out, so nothing will come back to it.
    func openBrowser(for grant: TokenGrant, flow: AuthFlow, callback: LoopbackCallback?, verbose: Bool,
                     launch: (String) -> Result<String, BrowserLauncher.Failure>) -> [String] {
        var said: [String] = []
        let page = flow.browserPage(for: grant, callback: callback)
        if verbose, case .failure(let problem)? = page.callback { said.append(Wording.callbackUnused("\(problem)")) }
        if verbose, case .off(let reason) = callbackUse { said.append(Wording.callbackUnused("\(reason)")) }
        switch launch(page.url) {
        case .success(let program):
            said.append(Wording.browserOpened(program, callback: (try? page.callback?.get()) != nil))
        case .failure(let failure):
            callback?.close()
            said.append(Wording.browserNotOpened("\(failure)"))
        }
        return said
    }
}
