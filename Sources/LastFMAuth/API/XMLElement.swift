/// One element of a parsed XML document: enough of XML for the `<lfm>` envelope.
public struct XMLElement: Equatable, Sendable {
    /// The tag name.
    public var name: String
    /// Its attributes by name.
    public var attributes: [String: String]
    /// Its child elements, in order.
    public var children: [XMLElement]
    /// The element's own character data, entities decoded, concatenated.
    public var text: String

    /// An element as given.
    public init(name: String, attributes: [String: String] = [:], children: [XMLElement] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child called `name`.
    public func child(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }
}
