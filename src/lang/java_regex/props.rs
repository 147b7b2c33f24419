//! `\p{…}` names as JDK 17 resolves them, and what each property means for ASCII characters.
//!
//! Only ASCII membership is known here (a 128-bit mask per property); asking about any other
//! character yields `None`, which the preview turns into "preview unavailable" instead of
//! guessing from a different Unicode version.

use super::tables::{BINARY, POSIX, PROPERTIES, blocks, scripts};

/// A resolved character property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Prop {
    /// A property with a known ASCII mask (general categories, POSIX, `java*`, binary).
    Mask(u128),
    /// A Unicode script (`Character.UnicodeScript`), by constant name.
    Script(&'static str),
    /// A Unicode block (`Character.UnicodeBlock`), by constant name.
    Block(&'static str),
}

impl Prop {
    /// Whether `c` has the property; `None` when that is not known here (non-ASCII).
    pub(crate) fn contains(&self, c: u32) -> Option<bool> {
        if c >= 128 {
            return None;
        }
        Some(match self {
            Prop::Mask(m) => (m >> c) & 1 == 1,
            Prop::Script(s) => {
                let latin = char::from_u32(c).is_some_and(|ch| ch.is_ascii_alphabetic());
                if latin { *s == "LATIN" } else { *s == "COMMON" }
            }
            Prop::Block(b) => *b == "BASIC_LATIN",
        })
    }
}

fn pick(row: &(&str, u128, u128), case_insensitive: bool) -> Prop {
    Prop::Mask(if case_insensitive { row.2 } else { row.1 })
}

/// `CharPredicates.forProperty`: case-sensitive names (`Lu`, `L`, `Lower`, `javaLowerCase`…).
pub(crate) fn for_property(name: &str, ci: bool) -> Option<Prop> {
    PROPERTIES.iter().find(|r| r.0 == name).map(|r| pick(r, ci))
}

/// `CharPredicates.forPOSIXName` (used for bare names under `(?U)`).
pub(crate) fn for_posix(name: &str, ci: bool) -> Option<Prop> {
    let up = crate::suggest::upper_for_ascii(name);
    POSIX.iter().find(|r| r.0 == up).map(|r| pick(r, ci))
}

/// `CharPredicates.forUnicodeProperty` (binary properties, then POSIX names; any case).
pub(crate) fn for_unicode_property(name: &str, ci: bool) -> Option<Prop> {
    let up = crate::suggest::upper_for_ascii(name);
    BINARY
        .iter()
        .chain(POSIX.iter())
        .find(|r| r.0 == up)
        .map(|r| pick(r, ci))
}

/// `Character.UnicodeScript.forName`: constant name or ISO 15924 alias, any case.
pub(crate) fn for_script(name: &str) -> Option<Prop> {
    let up = crate::suggest::upper_for_ascii(name);
    scripts()
        .find(|(s, alias)| *s == up || *alias == up)
        .map(|(s, _)| Prop::Script(s))
}

/// `Character.UnicodeBlock.forName`: canonical name, without spaces, or constant name, any case.
pub(crate) fn for_block(name: &str) -> Option<Prop> {
    let up = crate::suggest::upper_for_ascii(name);
    blocks()
        .find(|(constant, canonical)| {
            *constant == up
                || (!canonical.is_empty() && (*canonical == up || canonical.replace(' ', "") == up))
        })
        .map(|(constant, _)| Prop::Block(constant))
}

/// ASCII masks of the escapes whose meaning does not depend on flags for ASCII input.
pub(crate) mod masks {
    /// `\w` (and `(?U)\w` on ASCII).
    pub(crate) const WORD: u128 = 0x7fffffe87fffffe03ff000000000000;
    /// `\d`.
    pub(crate) const DIGIT: u128 = 0x3ff000000000000;
    /// `\s`.
    pub(crate) const SPACE: u128 = 0x100003e00;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_follow_java_case_rules() {
        assert!(for_property("Lower", false).is_some());
        assert!(for_property("lower", false).is_none());
        assert!(for_posix("lower", false).is_some());
        assert!(for_unicode_property("white_space", false).is_some());
        assert_eq!(for_script("latn"), Some(Prop::Script("LATIN")));
        assert_eq!(for_block("greek"), Some(Prop::Block("GREEK")));
        assert_eq!(for_block("Greek and Coptic"), Some(Prop::Block("GREEK")));
        assert_eq!(for_block("BasicLatin"), Some(Prop::Block("BASIC_LATIN")));
        assert!(for_block("Greek_and_Coptic").is_none());
        assert_eq!(Prop::Script("LATIN").contains(u32::from('a')), Some(true));
        assert_eq!(Prop::Script("LATIN").contains(0xe9), None);
    }
}
