//! The name index: folded names to places, as postings sorted by the name's hash, with the names
//! themselves kept in one arena so that a hash match is confirmed against the name.

/// Marks a posting whose key is the place's own (primary) name, not an alternate.
pub(super) const PRIMARY_FLAG: u32 = 1 << 31;

/// One (folded name, place) pair of the name index.
#[derive(Debug, Clone, Copy)]
pub(super) struct Posting {
    hash: u64,
    key_start: u32,
    key_len: u32,
    /// Place index, with [`PRIMARY_FLAG`] set when the name is the place's own.
    pub(super) place: u32,
}

/// Folded names to places.
#[derive(Debug, Default)]
pub(super) struct NameIndex {
    postings: Vec<Posting>,
    keys: String,
}

/// FNV-1a: small, fast and good enough to spread folded names.
fn name_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl NameIndex {
    /// An empty index with room for about `postings` names of `key_bytes` bytes in all.
    pub(super) fn with_capacity(postings: usize, key_bytes: usize) -> Self {
        NameIndex {
            postings: Vec::with_capacity(postings),
            keys: String::with_capacity(key_bytes),
        }
    }

    /// Adds `key` for `place` (an index, with [`PRIMARY_FLAG`] where it is the place's own).
    pub(super) fn push(&mut self, key: &str, place: u32) {
        let key_start = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.keys.push_str(key);
        self.postings.push(Posting {
            hash: name_hash(key),
            key_start,
            key_len: key.len() as u32,
            place,
        });
    }

    /// Moves `other`'s postings in, its place indices shifted by `place_offset`.
    pub(super) fn append(&mut self, other: NameIndex, place_offset: u32) {
        let key_offset = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.keys.push_str(&other.keys);
        self.postings
            .extend(other.postings.into_iter().map(|p| Posting {
                key_start: p.key_start.saturating_add(key_offset),
                place: ((p.place & !PRIMARY_FLAG) + place_offset) | (p.place & PRIMARY_FLAG),
                ..p
            }));
    }

    fn key_of(&self, posting: &Posting) -> &str {
        let start = posting.key_start as usize;
        self.keys
            .get(start..start + posting.key_len as usize)
            .unwrap_or("")
    }

    fn order(p: &Posting) -> (u64, u32, u32) {
        (p.hash, p.place & !PRIMARY_FLAG, !p.place)
    }

    /// Sorts one part's postings; [`NameIndex::finish`] is quicker over sorted parts.
    pub(super) fn sort(&mut self) {
        self.postings.sort_unstable_by_key(Self::order);
    }

    /// Sorts for lookup and drops a place listed twice under one name (keeping the primary).
    pub(super) fn finish(&mut self) {
        // A stable sort merges the already sorted runs of the parts in near-linear time.
        self.postings.sort_by_key(Self::order);
        let keys = &self.keys;
        let key = |p: &Posting| &keys[p.key_start as usize..(p.key_start + p.key_len) as usize];
        self.postings.dedup_by(|later, kept| {
            later.hash == kept.hash
                && later.place & !PRIMARY_FLAG == kept.place & !PRIMARY_FLAG
                && key(later) == key(kept)
        });
        self.postings.shrink_to_fit();
        self.keys.shrink_to_fit();
    }

    pub(super) fn find(&self, key: &str) -> impl Iterator<Item = &Posting> {
        let hash = name_hash(key);
        let from = self.postings.partition_point(|p| p.hash < hash);
        self.postings[from..]
            .iter()
            .take_while(move |p| p.hash == hash)
            .filter(move |p| self.key_of(p) == key)
    }

    pub(super) fn distinct_names(&self) -> usize {
        let mut count = 0;
        let mut previous: Option<&str> = None;
        for posting in &self.postings {
            let key = self.key_of(posting);
            if previous != Some(key) {
                count += 1;
            }
            previous = Some(key);
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appended_parts_keep_their_names_and_shift_their_places() {
        let mut first = NameIndex::default();
        first.push("paris", PRIMARY_FLAG);
        first.push("lutetia", 0);
        first.sort();
        let mut second = NameIndex::default();
        second.push("paris", PRIMARY_FLAG);
        second.push("paris", 0);
        second.sort();
        first.append(second, 1);
        first.finish();
        let places: Vec<u32> = first.find("paris").map(|p| p.place).collect();
        assert_eq!(
            places,
            vec![PRIMARY_FLAG, 1 | PRIMARY_FLAG],
            "duplicate dropped"
        );
        assert_eq!(
            first.find("lutetia").map(|p| p.place).collect::<Vec<_>>(),
            [0]
        );
        assert_eq!(first.distinct_names(), 2);
        assert_eq!(first.find("atlantis").count(), 0);
    }
}
