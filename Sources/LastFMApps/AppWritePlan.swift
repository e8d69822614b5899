/// The writes of one hand-off, planned in full before the first is made: every file is checked
/// (a link is refused) before anything is written, so a refusal leaves everything as it was.
struct AppWritePlan {
    private(set) var writes: [AppWrite] = []
    private var texts: [Int: String] = [:]

    /// Plans `text` to replace `path`, which holds `what` for the app.
    mutating func write(_ what: String, to path: String, _ text: String) {
        texts[writes.count] = text
        writes.append(AppWrite(what: what, path: path, change: .wrote(backup: nil)))
    }

    /// Notes that `path` already holds `what`.
    mutating func unchanged(_ what: String, at path: String) {
        writes.append(AppWrite(what: what, path: path, change: .unchanged))
    }

    /// Checks every planned file, then (unless `dryRun`) writes them in order, each kept as NAME.bak first.
    func run(dryRun: Bool) throws(AppError) -> [AppWrite] {
        for index in texts.keys.sorted() { try AppFiles.refuseLink(writes[index].path) }
        var done = writes
        for (index, text) in texts.sorted(by: { $0.key < $1.key }) {
            done[index].change = dryRun ? .wouldWrite(backup: try AppFiles.backupPath(for: writes[index].path))
                : .wrote(backup: try AppFiles.replace(writes[index].path, with: text))
        }
        return done
    }
}
