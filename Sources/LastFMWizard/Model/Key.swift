/// A key press, as the terminal layer reports it.
public enum Key: Equatable, Sendable {
    /// A printable character.
    case character(Character)
    /// Ctrl plus a letter, lowercased (`.control("r")` is Ctrl-R).
    case control(Character)
    /// Editing and moving keys (backTab is Shift-Tab).
    case enter, escape, tab, backTab, backspace, delete
    /// The arrow keys, Home and End.
    case up, down, left, right, home, end
    /// F1 to F12.
    case function(Int)
}
