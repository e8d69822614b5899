import CQRencode
import LastFMWizard

/// Encodes text as a QR code with libqrencode.
enum QREncoder {
    /// The QR code of `text` (error correction L: the URL is long), or nil if it cannot be encoded.
    static func encode(_ text: String) -> QRCode? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_L, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        let modules = (0..<(size * size)).map { code.pointee.data[$0] & 1 == 1 }
        return QRCode(size: size, modules: modules)
    }
}
