//! The byte level of a published set's files (docs/published.md): little-endian integers,
//! LEB128 variable-length integers, length-prefixed UTF-8 strings, and a five-byte header
//! naming the file's kind and format version.
//!
//! The [`Reader`] is written for hostile input: every read is bounds-checked and returns an
//! error instead of panicking, and every count is checked against the bytes that are left
//! before anything is allocated for it, so a corrupt file can never make the app reserve more
//! memory than a small multiple of the file's own size.

use std::fmt;

/// The first bytes of every file of a published set.
pub const MAGIC: &[u8; 3] = b"AKP";

/// What a file holds; the fourth byte of its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A chunk's entries: ids, kinds, places, dates (`store.rs`).
    Entries = b'E' as isize,
    /// A chunk's search index.
    Index = b'I' as isize,
    /// A chunk's names in one language, and the names of its excerpts files.
    Texts = b'T' as isize,
    /// The starts of the descriptions of some of a chunk's entries, in one language.
    Excerpts = b'X' as isize,
    /// Every field of some of a chunk's entries, for their details.
    Details = b'D' as isize,
    /// The region's municipalities, for "near a place".
    Places = b'P' as isize,
}

/// Why bytes could not be read: what was expected, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset in the file.
    pub at: usize,
    pub what: &'static str,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

impl std::error::Error for DecodeError {}

pub type Decoded<T> = Result<T, DecodeError>;

/// Appends values in the published format.
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// A file of `kind` in format `major.minor`.
    pub fn new(kind: FileKind, major: u8, minor: u8) -> Writer {
        let mut bytes = MAGIC.to_vec();
        bytes.extend([kind as u8, major, minor]);
        Writer { bytes }
    }

    pub fn finish(self) -> Vec<u8> {
        self.bytes
    }

    pub fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }

    pub fn u16(&mut self, value: u16) {
        self.bytes.extend(value.to_le_bytes());
    }

    pub fn u32(&mut self, value: u32) {
        self.bytes.extend(value.to_le_bytes());
    }

    pub fn f64(&mut self, value: f64) {
        self.bytes.extend(value.to_le_bytes());
    }

    /// LEB128: seven bits per byte, small numbers in one byte.
    pub fn varint(&mut self, mut value: u64) {
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    pub fn len(&mut self, n: usize) {
        self.varint(n as u64);
    }

    pub fn str(&mut self, text: &str) {
        self.len(text.len());
        self.bytes.extend_from_slice(text.as_bytes());
    }

    pub fn opt_str(&mut self, text: Option<&str>) {
        match text {
            None => self.u8(0),
            Some(text) => {
                self.u8(1);
                self.str(text);
            }
        }
    }
}

/// Reads values written by [`Writer`], refusing anything out of bounds or malformed.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// A file of a newer minor version: bytes after what this version reads are its additions.
    trailing_ok: bool,
}

impl<'a> Reader<'a> {
    /// Checks the header: the magic bytes, the file's kind, and a major version this code
    /// reads. Returns the reader after the header and the file's minor version.
    pub fn open(bytes: &'a [u8], kind: FileKind, major: u8) -> Decoded<(Reader<'a>, u8)> {
        let mut reader = Reader {
            bytes,
            at: 0,
            trailing_ok: false,
        };
        if reader.take(3)? != MAGIC {
            return Err(reader.error_at(0, "not a file of a published set"));
        }
        if reader.u8()? != kind as u8 {
            return Err(reader.error_at(3, "a file of another kind"));
        }
        if reader.u8()? != major {
            return Err(reader.error_at(4, "an unsupported format version"));
        }
        let minor = reader.u8()?;
        Ok((reader, minor))
    }

    fn error_at(&self, at: usize, what: &'static str) -> DecodeError {
        DecodeError { at, what }
    }

    pub fn error(&self, what: &'static str) -> DecodeError {
        self.error_at(self.at, what)
    }

    /// The bytes not yet read.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// Lets [`Reader::end`] accept bytes after the end (a newer minor version's additions).
    pub fn tolerate_trailing(&mut self, ok: bool) {
        self.trailing_ok = ok;
    }

    /// Fails unless every byte has been read: in a file of this version, trailing bytes mean
    /// a file this code misunderstands.
    pub fn end(&self) -> Decoded<()> {
        if self.remaining() == 0 || self.trailing_ok {
            Ok(())
        } else {
            Err(self.error("unexpected bytes after the end"))
        }
    }

    pub fn take(&mut self, n: usize) -> Decoded<&'a [u8]> {
        if n > self.remaining() {
            return Err(self.error("the file ends too early"));
        }
        let slice = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Decoded<[u8; N]> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    pub fn u8(&mut self) -> Decoded<u8> {
        Ok(self.take(1)?[0])
    }

    pub fn u16(&mut self) -> Decoded<u16> {
        self.array().map(u16::from_le_bytes)
    }

    pub fn u32(&mut self) -> Decoded<u32> {
        self.array().map(u32::from_le_bytes)
    }

    /// A finite number: NaN and infinities are refused (no position or amount is one).
    pub fn f64(&mut self) -> Decoded<f64> {
        let value = f64::from_le_bytes(self.array()?);
        if value.is_finite() {
            Ok(value)
        } else {
            Err(self.error("a number that is not finite"))
        }
    }

    pub fn varint(&mut self) -> Decoded<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(self.error("a number too large"));
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.error("a number too large"))
    }

    /// A varint that must fit in `u32`.
    pub fn u32_varint(&mut self) -> Decoded<u32> {
        u32::try_from(self.varint()?).map_err(|_| self.error("a number too large"))
    }

    /// A count of items that each take at least `min_bytes` bytes in the file: refused when
    /// the file cannot hold that many, so a hostile count never causes a large allocation.
    pub fn count(&mut self, min_bytes: usize) -> Decoded<usize> {
        let n = self.varint()?;
        let fits = usize::try_from(n)
            .ok()
            .filter(|n| n.saturating_mul(min_bytes.max(1)) <= self.remaining());
        fits.ok_or_else(|| self.error("a count larger than the file"))
    }

    pub fn str(&mut self) -> Decoded<&'a str> {
        let n = self.count(1)?;
        let start = self.at;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes).map_err(|_| self.error_at(start, "text that is not UTF-8"))
    }

    pub fn opt_str(&mut self) -> Decoded<Option<&'a str>> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err(self.error("a flag that is neither 0 nor 1")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written() {
        let mut w = Writer::new(FileKind::Texts, 1, 2);
        w.u8(7);
        w.u16(65_000);
        w.u32(4_000_000_000);
        w.f64(51.25);
        for n in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            w.varint(n);
        }
        w.str("Lüdenscheid");
        w.opt_str(None);
        w.opt_str(Some(""));
        let bytes = w.finish();
        let (mut r, minor) = Reader::open(&bytes, FileKind::Texts, 1).unwrap();
        assert_eq!(minor, 2);
        assert_eq!(r.u8().unwrap(), 7);
        assert_eq!(r.u16().unwrap(), 65_000);
        assert_eq!(r.u32().unwrap(), 4_000_000_000);
        assert_eq!(r.f64().unwrap(), 51.25);
        for n in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.varint().unwrap(), n);
        }
        assert_eq!(r.str().unwrap(), "Lüdenscheid");
        assert_eq!(r.opt_str().unwrap(), None);
        assert_eq!(r.opt_str().unwrap(), Some(""));
        r.end().unwrap();
    }

    #[test]
    fn a_header_of_another_kind_or_version_is_refused() {
        let bytes = Writer::new(FileKind::Index, 1, 0).finish();
        assert!(Reader::open(&bytes, FileKind::Index, 1).is_ok());
        let kind = Reader::open(&bytes, FileKind::Entries, 1).err().unwrap();
        assert_eq!(kind.what, "a file of another kind");
        let version = Reader::open(&bytes, FileKind::Index, 2).err().unwrap();
        assert_eq!(version.what, "an unsupported format version");
        assert!(Reader::open(b"{\"a\":1}", FileKind::Index, 1).is_err());
        assert!(Reader::open(b"AK", FileKind::Index, 1).is_err());
    }

    #[test]
    fn a_newer_minor_version_may_append_and_this_one_may_not() {
        let file = |minor| {
            let mut w = Writer::new(FileKind::Places, 1, minor);
            w.u8(7);
            w.u32(0xdead_beef); // what a later minor version appends
            w.finish()
        };
        let read = |bytes: &[u8]| -> Decoded<u8> {
            let mut r = crate::chunk::open(bytes, FileKind::Places)?;
            let value = r.u8()?;
            r.end()?;
            Ok(value)
        };
        assert_eq!(read(&file(crate::manifest::PUBLISHED_MINOR + 1)), Ok(7));
        let same = read(&file(crate::manifest::PUBLISHED_MINOR)).unwrap_err();
        assert_eq!(same.what, "unexpected bytes after the end");
    }

    #[test]
    fn counts_larger_than_the_file_are_refused_before_allocating() {
        let mut w = Writer::new(FileKind::Entries, 1, 0);
        w.varint(u64::MAX / 2);
        let bytes = w.finish();
        let (mut r, _) = Reader::open(&bytes, FileKind::Entries, 1).unwrap();
        assert_eq!(
            r.count(1).err().unwrap().what,
            "a count larger than the file"
        );
        // An overlong varint and a string cut short.
        let (mut r, _) = Reader::open(
            b"AKPE\x01\x00\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01",
            FileKind::Entries,
            1,
        )
        .unwrap();
        assert!(r.varint().is_err());
        let (mut r, _) = Reader::open(b"AKPE\x01\x00\x05ab", FileKind::Entries, 1).unwrap();
        assert!(r.str().is_err());
        let (mut r, _) = Reader::open(b"AKPE\x01\x00\x02\xff\xfe", FileKind::Entries, 1).unwrap();
        assert_eq!(r.str().err().unwrap().what, "text that is not UTF-8");
    }
}
