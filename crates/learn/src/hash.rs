//! Stable, fast 64-bit hashing of feature keys.
//!
//! Feature keys are hashed instead of stored as strings: a key is the mix of a template id and
//! the hash of the value(s) it looks at. The functions here never change between runs or
//! platforms, because trained models store the hashes.

use std::hash::{BuildHasherDefault, Hasher};

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 finaliser: spreads every input bit over the whole output.
#[inline]
pub fn mix(mut value: u64) -> u64 {
    value = (value ^ (value >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    value = (value ^ (value >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    value ^ (value >> 31)
}

/// Hashes a byte string (FNV-1a, then mixed).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01B3);
    }
    mix(hash)
}

/// Hashes a string.
#[inline]
pub fn hash_str(text: &str) -> u64 {
    hash_bytes(text.as_bytes())
}

/// Combines two hashes into one, order-sensitively.
#[inline]
pub fn combine(first: u64, second: u64) -> u64 {
    mix(first.rotate_left(23) ^ second.wrapping_mul(MULTIPLIER))
}

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// A `HashMap` keyed by pre-hashed `u64` keys.
pub type HashMap64<V> = std::collections::HashMap<u64, V, BuildHasherDefault<PreHashed>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_across_builds() {
        // Models store these values: a change here silently breaks every saved model.
        assert_eq!(hash_str(""), mix(0xCBF2_9CE4_8422_2325));
        assert_ne!(hash_str("Paris"), hash_str("paris"));
        assert_eq!(hash_str("Paris"), hash_bytes(b"Paris"));
    }

    #[test]
    fn combine_is_order_sensitive() {
        let (a, b) = (hash_str("a"), hash_str("b"));
        assert_ne!(combine(a, b), combine(b, a));
    }
}
