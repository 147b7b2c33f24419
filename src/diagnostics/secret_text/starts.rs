//! The one pass over a text that finds where each kind of secret can start, so that the
//! matchers of [`super`] run only on the texts (and from the places) that can hold one.

use super::{TOKEN_FORMATS, TokenFormat, known_tokens, pem_bodies, query_values, scp_user_info};
use super::{step, url_user_info};

/// What a byte can be the start or part of, for [`Starts::scan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// Ends a run of token characters.
    Other,
    /// `A-Z a-z 0-9 _`: a token character.
    Word,
    /// `-`: a token character, and the first of a PEM header's `-----BEGIN `.
    Dash,
    /// `=`: a token character, and the end of a query key.
    Equals,
    /// `@`: ends a URL's or an scp-like address's user info.
    At,
}

/// The class of every byte, looked up once per byte of every text.
static BYTE_CLASSES: [ByteClass; 256] = byte_classes();

#[allow(clippy::indexing_slicing)] // `c` runs over the table's 256 indexes
const fn byte_classes() -> [ByteClass; 256] {
    let mut table = [ByteClass::Other; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = match c as u8 {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' => ByteClass::Word,
            b'-' => ByteClass::Dash,
            b'=' => ByteClass::Equals,
            b'@' => ByteClass::At,
            _ => ByteClass::Other,
        };
        c += 1;
    }
    table
}

/// The fewest token characters a known token is written with: its prefix and shortest body, all
/// of `A-Z a-z 0-9 _ - =` (tests hold every format to this).
const SHORTEST_TOKEN: usize = shortest_token(TOKEN_FORMATS);

const fn shortest_token(formats: &[TokenFormat]) -> usize {
    let mut shortest = usize::MAX;
    let mut rest = formats;
    while let [format, tail @ ..] = rest {
        let len = format.prefix.len() + format.min_len;
        if len < shortest {
            shortest = len;
        }
        rest = tail;
    }
    shortest
}

pub(super) const PEM_BEGIN: &str = "-----BEGIN ";

/// False when `b` has none of the bytes that every secret is written with one of: `@` (user
/// info), `=` (query values), `-` (PEM headers, GitLab and Slack tokens), `_` (GitHub tokens) or
/// `A` (Atlassian and AWS tokens). Most texts have none. Reads eight bytes a step (a `u64` in wasm
/// too, where `memchr` reads four and would need two passes for five bytes).
pub(super) fn may_hold_secret(b: &[u8]) -> bool {
    let mut found = false;
    let mut rest = b;
    while let Some((word, tail)) = rest.split_first_chunk::<8>() {
        found |= has_needed(u64::from_le_bytes(*word));
        rest = tail;
    }
    let mut last = [0u8; 8];
    if let Some(start) = last.get_mut(..rest.len()) {
        start.copy_from_slice(rest);
    }
    found || has_needed(u64::from_le_bytes(last))
}

/// One of `word`'s bytes is `@ = - _ A`: three zero-byte tests instead of five, as `- =` are
/// the bytes that `| 0x10` makes `=`, and `@ A` those that `& 0xfe` makes `@`.
#[inline(always)]
fn has_needed(word: u64) -> bool {
    let each = |byte: u8| u64::from_le_bytes([byte; 8]);
    // Non-zero exactly when a byte of `x` is zero: a borrow only runs on above a zero byte.
    let zero_bytes = |x: u64| x.wrapping_sub(each(1)) & !x & each(0x80);
    let dash_or_equals = (word | each(0x10)) ^ each(b'=');
    let at_or_a = (word & each(0xfe)) ^ each(b'@');
    let underscore = word ^ each(b'_');
    (zero_bytes(dash_or_equals) | zero_bytes(at_or_a) | zero_bytes(underscore)) != 0
}

/// Where each kind of secret can first start in a text, found in one pass over its bytes; the
/// matchers run only for the kinds found, and from there. Most texts (messages, suggestions,
/// field names) hold none, and then nothing else reads them.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Starts {
    /// The text has an `@` (URL and scp-like user info: read from the start).
    at: bool,
    /// The first `=` (secret query values).
    equals: Option<usize>,
    /// The start of the first run of [`SHORTEST_TOKEN`] or more token characters (known tokens).
    token_run: Option<usize>,
    /// The first `-----BEGIN ` (PEM private keys).
    pem: Option<usize>,
}

impl Starts {
    pub(super) fn scan(b: &[u8]) -> Starts {
        step(b.len());
        let mut starts = Starts::default();
        let mut run = 0;
        for (i, &c) in b.iter().enumerate() {
            let class = BYTE_CLASSES
                .get(usize::from(c))
                .copied()
                .unwrap_or(ByteClass::Other);
            match class {
                ByteClass::Word => run += 1,
                ByteClass::Other | ByteClass::At => {
                    starts.at |= class == ByteClass::At;
                    starts.end_run(i, run);
                    run = 0;
                }
                ByteClass::Equals => {
                    run += 1;
                    starts.equals = starts.equals.or(Some(i));
                }
                ByteClass::Dash => {
                    run += 1;
                    if starts.pem.is_none()
                        && b.get(i..)
                            .is_some_and(|r| r.starts_with(PEM_BEGIN.as_bytes()))
                    {
                        starts.pem = Some(i);
                    }
                }
            }
        }
        starts.end_run(b.len(), run);
        starts
    }

    fn end_run(&mut self, end: usize, run: usize) {
        if run >= SHORTEST_TOKEN && self.token_run.is_none() {
            self.token_run = Some(end - run);
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        *self == Starts::default()
    }

    /// Runs the matchers of the kinds found, each from its first possible start.
    pub(super) fn match_from(&self, s: &str, found: &mut Vec<(usize, usize)>) {
        let b = s.as_bytes();
        if self.at {
            url_user_info(b, found);
            scp_user_info(b, found);
        }
        if let Some(from) = self.equals {
            query_values(b, from, found);
        }
        if let Some(from) = self.token_run {
            known_tokens(b, from, found);
        }
        if let Some(from) = self.pem {
            pem_bodies(s, from, found);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::diagnostics::secret_text::{TOKEN_FORMATS, TokenAlphabet};

    const NEEDED: &[u8] = b"@=-_A";

    #[test]
    fn the_first_look_finds_each_needed_byte_at_every_place_and_nothing_else() {
        for len in 0..=17 {
            for at in 0..len {
                for c in 0..=255u8 {
                    let mut text = vec![b' '; len];
                    text[at] = c;
                    assert_eq!(
                        may_hold_secret(&text),
                        NEEDED.contains(&c),
                        "{c} at {at}/{len}"
                    );
                }
            }
        }
        assert!(!may_hold_secret(b""));
    }

    #[test]
    fn every_token_is_a_run_of_token_characters_with_a_needed_byte() {
        let class = |c: u8| BYTE_CLASSES[usize::from(c)];
        let in_run = |c: u8| {
            matches!(
                class(c),
                ByteClass::Word | ByteClass::Dash | ByteClass::Equals
            )
        };
        for format in TOKEN_FORMATS {
            let prefix = format.prefix.as_bytes();
            assert!(
                prefix.iter().any(|c| NEEDED.contains(c)),
                "{}",
                format.prefix
            );
            assert!(prefix.iter().all(|&c| in_run(c)), "{}", format.prefix);
            assert!(prefix.len() + format.min_len >= SHORTEST_TOKEN);
        }
        for alphabet in [
            TokenAlphabet::Alphanumeric,
            TokenAlphabet::UpperAlphanumeric,
            TokenAlphabet::Underscored,
            TokenAlphabet::Dashed,
        ] {
            assert!((0..=255u8).filter(|&c| alphabet.holds(c)).all(in_run));
        }
        assert_eq!(SHORTEST_TOKEN, "AKIA".len() + 16);
    }

    #[test]
    fn the_scan_finds_the_first_start_of_each_kind() {
        let starts = Starts::scan(b"a=b x@y -----BEGIN k c=d ghp_0123456789012345 ok");
        assert_eq!(
            starts,
            Starts {
                at: true,
                equals: Some(1),
                token_run: Some(25),
                pem: Some(8),
            }
        );
        assert!(
            Starts::scan(b"---- BEGIN a_b-c=d but no token run")
                .token_run
                .is_none()
        );
    }
}

#[cfg(test)]
#[path = "differential_tests.rs"]
mod differential_tests;
