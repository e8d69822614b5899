/// What was being done to a file or folder when a system call failed (`StoreError.system`):
/// each has its own whole sentence, so a language words it as it needs.
public enum FileOperation: Equatable, Sendable {
    case open, inspect, read, create, write, flush, close, replace, lock
    /// Opening the lock file beside the credentials.
    case openLock
    /// Making the file 0600.
    case changeMode
    /// Checking that the folder takes new files.
    case writeInFolder
    /// Making the folder (0700).
    case createFolder
    /// A profile that would not fit its size limit.
    case saveProfile

    /// "could not open /path: No such file or directory", in the person's language.
    func failed(_ path: String, _ message: String) -> String {
        let values = ["path": path, "message": message]
        return switch self {
        case .open: L("could not open {path}: {message}", values)
        case .inspect: L("could not inspect {path}: {message}", values)
        case .read: L("could not read {path}: {message}", values)
        case .create: L("could not create {path}: {message}", values)
        case .write: L("could not write {path}: {message}", values)
        case .flush: L("could not flush {path} to disk: {message}", values)
        case .close: L("could not close {path}: {message}", values)
        case .replace: L("could not replace {path}: {message}", values)
        case .lock: L("could not lock {path}: {message}", values)
        case .openLock: L("could not open the lock file {path}: {message}", values)
        case .changeMode: L("could not change the mode of {path}: {message}", values)
        case .writeInFolder: L("could not write to {path}: {message}", values)
        case .createFolder: L("could not create the folder {path}: {message}", values)
        case .saveProfile: L("could not save the profile in {path}: {message}", values)
        }
    }
}
