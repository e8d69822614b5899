import Foundation
import LastFMWizard
import Testing

/// Compares a rendered screen with `Snapshots/NAME.txt` beside this file.
/// `RECORD_SNAPSHOTS=1 swift test` writes the files anew and fails each test that recorded one
/// (as swift-argument-parser's `assertSnapshot` does), so a recording run never passes: review
/// the files with git diff, then run again without it.
func assertSnapshot(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".txt")
    let text = screen.text + "\n"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        Issue.record("recorded Snapshots/\(name).txt (RECORD_SNAPSHOTS=1); review it with git diff and run again without RECORD_SNAPSHOTS",
                     sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(name).txt; record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(text == expected, "screen differs from Snapshots/\(name).txt", sourceLocation: sourceLocation)
}
