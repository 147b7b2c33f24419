//! Finding a name's position in a static table by hashing, with the hash table built at compile
//! time: the rules look up the field table for every key of every body, and comparing the key
//! with each of sixty names in turn was a visible share of a validation (see
//! `docs/performance.md`).

/// Slots of a [`NameIndex`]: a power of two, more than twice the longest table's length so
/// probes stay short and an empty slot always ends them.
const SLOTS: usize = 256;

/// The positions of the names of a static table, by hash (open addressing, linear probing).
/// Build one with `name_index!` in a `static`.
pub struct NameIndex {
    /// Position + 1 of the name that probes to each slot; 0 for an empty slot.
    slots: [u8; SLOTS],
}

/// The hash of a name: its length and three of its bytes. Cheap for the short, mostly
/// distinct names of the field tables; collisions only lengthen a probe.
pub const fn hash(name: &[u8]) -> usize {
    let (left, right) = name.split_at(name.len() / 2);
    let first = match left {
        [b, ..] => *b as usize,
        [] => 0,
    };
    let (middle, last) = match right {
        [m, .., l] => (*m as usize, *l as usize),
        [m] => (*m as usize, *m as usize),
        [] => (0, 0),
    };
    (name.len().wrapping_mul(0x9e37) ^ first.wrapping_mul(0x85eb) ^ middle.wrapping_mul(0xc2b3))
        .wrapping_add(last.wrapping_mul(0x27d5))
        .wrapping_mul(0x2545)
        >> 6
}

impl NameIndex {
    /// An empty index, to fill with [`NameIndex::with`].
    pub const fn empty() -> NameIndex {
        NameIndex { slots: [0; SLOTS] }
    }

    /// The index with `name` added at `position`. Compile-time only: the table must have
    /// fewer than `SLOTS / 2` names (an index past the slots stops compilation).
    #[allow(clippy::indexing_slicing)] // Const-evaluated: an out-of-range index is a build error.
    pub const fn with(mut self, name: &str, position: usize) -> NameIndex {
        assert!(position < SLOTS / 2, "too many names for a NameIndex");
        let mut slot = hash(name.as_bytes()) % SLOTS;
        while self.slots[slot] != 0 {
            slot = (slot + 1) % SLOTS;
        }
        self.slots[slot] = position as u8 + 1;
        self
    }

    /// The position of `name`, confirmed by `name_at` (the table's name at a position).
    pub fn position(
        &self,
        name: &str,
        name_at: impl Fn(usize) -> Option<&'static str>,
    ) -> Option<usize> {
        let mut slot = hash(name.as_bytes()) % SLOTS;
        // At most half the slots are full, so an empty slot ends every probe.
        loop {
            let position = usize::from(*self.slots.get(slot)?).checked_sub(1)?;
            if name_at(position) == Some(name) {
                return Some(position);
            }
            slot = (slot + 1) % SLOTS;
        }
    }
}

/// A [`NameIndex`] of a constant table whose items have a `name` field, built at compile time:
/// `static INDEX: NameIndex = name_index!(TABLE);`.
macro_rules! name_index {
    ($table:expr) => {{
        let mut index = $crate::name_index::NameIndex::empty();
        let mut i = 0;
        while i < $table.len() {
            // Const-evaluated: an out-of-range index is a build error, not a panic.
            #[allow(clippy::indexing_slicing)]
            let name = $table[i].name;
            index = index.with(name, i);
            i += 1;
        }
        index
    }};
}
pub(crate) use name_index;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    struct Named {
        name: &'static str,
    }

    // Same length, first, middle and last byte: they hash alike and must probe past each other.
    const TABLE: &[Named] = &[
        Named { name: "axxxb" },
        Named { name: "ayxyb" },
        Named { name: "azxzb" },
        Named { name: "" },
        Named { name: "q" },
    ];
    static INDEX: NameIndex = name_index!(TABLE);

    fn find(name: &str) -> Option<usize> {
        INDEX.position(name, |i| TABLE.get(i).map(|n| n.name))
    }

    #[test]
    fn every_name_is_found_at_its_position_even_when_hashes_collide() {
        assert_eq!(hash(b"axxxb"), hash(b"ayxyb"));
        for (i, n) in TABLE.iter().enumerate() {
            assert_eq!(find(n.name), Some(i), "{:?}", n.name);
        }
    }

    #[test]
    fn other_names_are_not_found() {
        for name in ["axyxb", "a", "qq", "axxxbb", "AXXXB", "é"] {
            assert_eq!(find(name), None, "{name:?}");
        }
    }
}
