//! A document's text from its bytes, the same way for every reader (the app, the worker, the
//! preview, the CLI): as a browser decodes it.

/// UTF-8, a byte-order mark dropped, anything invalid replaced by U+FFFD (which the parser or
/// validation then names). Borrows when the bytes are valid, so a large catalogue is not copied.
pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes)
}
