/// A QR code as a square of modules (true = dark), made by the terminal layer with libqrencode.
public struct QRCode: Equatable, Sendable {
    /// Modules on a side.
    public let size: Int
    /// Row by row, true for a dark module.
    public let modules: [Bool]

    /// A code of `size` x `size` modules.
    public init(size: Int, modules: [Bool]) {
        precondition(modules.count == size * size, "a QR code is square")
        self.size = size
        self.modules = modules
    }

    /// Whether the module at `row`, `column` is dark; outside the code (the quiet zone), false.
    public func isDark(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return modules[row * size + column]
    }

    /// The code as text, two module rows per line with half blocks, inside a quiet zone of
    /// `quiet` modules. Light modules are drawn (foreground), dark ones left blank, so it reads
    /// dark-on-light when shown in the `.qr` style.
    public func halfBlockLines(quiet: Int = 2) -> [String] {
        let total = size + 2 * quiet
        var lines: [String] = []
        for top in stride(from: 0, to: total, by: 2) {
            var line = ""
            for column in 0..<total {
                let upper = !isDark(row: top - quiet, column: column - quiet)
                let lower = top + 1 < total ? !isDark(row: top + 1 - quiet, column: column - quiet) : false
                line.append(upper && lower ? "█" : upper ? "▀" : lower ? "▄" : " ")
            }
            lines.append(line)
        }
        return lines
    }
}
