//! A minimal little-endian binary format for model files, with bounds-checked reading.

use crate::FormatError;

/// Appends values to a byte buffer.
#[derive(Default)]
pub struct Writer {
    /// The bytes written so far.
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }

    pub fn u16(&mut self, value: u16) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn u32(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn u64(&mut self, value: u64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn f32(&mut self, value: f32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    /// Writes a length as `u32`; lengths above `u32::MAX` cannot occur in a model.
    pub fn length(&mut self, value: usize) {
        self.u32(u32::try_from(value).unwrap_or(u32::MAX));
    }
}

/// Reads values back, failing with [`FormatError`] on truncated input.
pub struct Reader<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, position: 0 }
    }

    pub fn take(&mut self, count: usize) -> Result<&'a [u8], FormatError> {
        let end = self
            .position
            .checked_add(count)
            .filter(|&end| end <= self.bytes.len());
        let Some(end) = end else {
            return Err(FormatError(format!(
                "truncated: wanted {count} bytes at offset {} of {}",
                self.position,
                self.bytes.len()
            )));
        };
        let slice = &self.bytes[self.position..end];
        self.position = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], FormatError> {
        let mut array = [0; N];
        array.copy_from_slice(self.take(N)?);
        Ok(array)
    }

    pub fn u8(&mut self) -> Result<u8, FormatError> {
        Ok(self.take(1)?[0])
    }

    pub fn u16(&mut self) -> Result<u16, FormatError> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    pub fn u32(&mut self) -> Result<u32, FormatError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Result<u64, FormatError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub fn f32(&mut self) -> Result<f32, FormatError> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    /// Reads a length and checks that at least `length * min_item_size` bytes remain, so a
    /// corrupt length cannot trigger a huge allocation.
    pub fn length(&mut self, min_item_size: usize) -> Result<usize, FormatError> {
        let length = self.u32()? as usize;
        let remaining = self.bytes.len() - self.position;
        if length.saturating_mul(min_item_size) > remaining {
            return Err(FormatError(format!(
                "length {length} at offset {} exceeds the data",
                self.position
            )));
        }
        Ok(length)
    }

    pub fn is_at_end(&self) -> bool {
        self.position == self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_truncation_is_an_error() {
        let mut writer = Writer::default();
        writer.u8(7);
        writer.u16(300);
        writer.u64(u64::MAX - 1);
        writer.f32(-1.5);
        let mut reader = Reader::new(&writer.bytes);
        assert_eq!(reader.u8().unwrap(), 7);
        assert_eq!(reader.u16().unwrap(), 300);
        assert_eq!(reader.u64().unwrap(), u64::MAX - 1);
        assert_eq!(reader.f32().unwrap(), -1.5);
        assert!(reader.is_at_end());
        assert!(reader.u8().is_err());
        let mut reader = Reader::new(&[255, 255, 255, 255]);
        assert!(reader.length(1).is_err());
    }
}
