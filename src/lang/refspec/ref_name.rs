//! Ref names checked by the rules of git's `check_refname_format` (refs.c), measured against
//! `git check-ref-format` in `src/lang/refspec/git_differential_tests.rs`.

use crate::diagnostics::Span;
use std::fmt;

/// How a ref name is checked; the two options of `git check-ref-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RefNameFlags {
    /// `--allow-onelevel`: accept a name with a single component, such as `HEAD` or `main`.
    pub allow_onelevel: bool,
    /// `--refspec-pattern`: accept one `*` anywhere in the name.
    pub refspec_pattern: bool,
}

/// Why a ref name is invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefNameErrorKind {
    /// The name is empty.
    Empty,
    /// The name is the single character `@`.
    SingleAt,
    /// The name has one component and one-level names are not allowed.
    OneLevel,
    /// The name starts with `/`.
    LeadingSlash,
    /// The name ends with `/`.
    TrailingSlash,
    /// The name contains `//`.
    DoubleSlash,
    /// A component starts with `.`.
    LeadingDot,
    /// A component ends with `.lock`.
    LockSuffix,
    /// The name contains `..`.
    DoubleDot,
    /// The name contains `@{`.
    AtBrace,
    /// The name contains an ASCII control character (U+0000 to U+001F or U+007F).
    ControlCharacter(char),
    /// The name contains a space, `~`, `^`, `:`, `?`, `[` or `\`.
    ForbiddenCharacter(char),
    /// The name contains `*` and is not a pattern.
    Asterisk,
    /// A pattern contains more than one `*`.
    SecondAsterisk,
    /// The name ends with `.`.
    TrailingDot,
}

impl RefNameErrorKind {
    /// A stable kebab-case id for the reason (the `reason` parameter of diagnostics).
    pub fn id(self) -> &'static str {
        match self {
            RefNameErrorKind::Empty => "empty",
            RefNameErrorKind::SingleAt => "single-at",
            RefNameErrorKind::OneLevel => "one-level",
            RefNameErrorKind::LeadingSlash => "leading-slash",
            RefNameErrorKind::TrailingSlash => "trailing-slash",
            RefNameErrorKind::DoubleSlash => "double-slash",
            RefNameErrorKind::LeadingDot => "leading-dot",
            RefNameErrorKind::LockSuffix => "lock-suffix",
            RefNameErrorKind::DoubleDot => "double-dot",
            RefNameErrorKind::AtBrace => "at-brace",
            RefNameErrorKind::ControlCharacter(_) => "control-character",
            RefNameErrorKind::ForbiddenCharacter(_) => "forbidden-character",
            RefNameErrorKind::Asterisk => "asterisk",
            RefNameErrorKind::SecondAsterisk => "second-asterisk",
            RefNameErrorKind::TrailingDot => "trailing-dot",
        }
    }
}

impl fmt::Display for RefNameErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RefNameErrorKind::Empty => write!(f, "the ref name is empty"),
            RefNameErrorKind::SingleAt => write!(f, "'@' alone is not a valid ref name"),
            RefNameErrorKind::OneLevel => write!(
                f,
                "a full ref name needs at least two components, such as refs/heads/main"
            ),
            RefNameErrorKind::LeadingSlash => write!(f, "a ref name cannot start with '/'"),
            RefNameErrorKind::TrailingSlash => write!(f, "a ref name cannot end with '/'"),
            RefNameErrorKind::DoubleSlash => write!(f, "a ref name cannot contain '//'"),
            RefNameErrorKind::LeadingDot => {
                write!(f, "a component of a ref name cannot start with '.'")
            }
            RefNameErrorKind::LockSuffix => {
                write!(f, "a component of a ref name cannot end with '.lock'")
            }
            RefNameErrorKind::DoubleDot => write!(f, "a ref name cannot contain '..'"),
            RefNameErrorKind::AtBrace => write!(f, "a ref name cannot contain '@{{'"),
            RefNameErrorKind::ControlCharacter(c) => write!(
                f,
                "a ref name cannot contain control characters (U+{:04X})",
                u32::from(*c)
            ),
            RefNameErrorKind::ForbiddenCharacter(' ') => {
                write!(f, "a ref name cannot contain spaces")
            }
            RefNameErrorKind::ForbiddenCharacter(':') => write!(
                f,
                "a ref name cannot contain ':' (a refspec has a single ':' between source and destination)"
            ),
            RefNameErrorKind::ForbiddenCharacter(c) => {
                write!(f, "a ref name cannot contain '{c}'")
            }
            RefNameErrorKind::Asterisk => {
                write!(f, "'*' is only allowed in a pattern refspec")
            }
            RefNameErrorKind::SecondAsterisk => {
                write!(f, "a pattern can contain only one '*'")
            }
            RefNameErrorKind::TrailingDot => write!(f, "a ref name cannot end with '.'"),
        }
    }
}

/// A ref name that git rejects: the first problem in git's scanning order, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefNameError {
    /// What is wrong.
    pub kind: RefNameErrorKind,
    /// The offending characters, as character offsets inside the checked name.
    pub span: Span,
}

impl fmt::Display for RefNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for RefNameError {}

fn ref_err(kind: RefNameErrorKind, start: usize, end: usize) -> RefNameError {
    RefNameError {
        kind,
        span: Span { start, end },
    }
}

/// Checks `name` as `git check-ref-format` does (git's `check_refname_format`), with `flags`
/// standing for `--allow-onelevel` and `--refspec-pattern`.
///
/// Bytes above ASCII are allowed, as in git; "control character" means U+0000–U+001F and U+007F.
pub fn check_ref_name(name: &str, flags: RefNameFlags) -> Result<(), RefNameError> {
    use RefNameErrorKind as K;
    if name.is_empty() {
        return Err(ref_err(K::Empty, 0, 0));
    }
    if name == "@" {
        return Err(ref_err(K::SingleAt, 0, 1));
    }
    let total = name.chars().count();
    let mut star_allowed = flags.refspec_pattern;
    let mut components = 0usize;
    // Character offset of the current component's first character.
    let mut start = 0usize;
    let mut last_component_len = 0usize;
    for component in name.split('/') {
        let len = component.chars().count();
        let mut last = '\0';
        for (i, c) in component.chars().enumerate() {
            let at = start + i;
            match c {
                '\0'..='\x1f' | '\x7f' => {
                    return Err(ref_err(K::ControlCharacter(c), at, at + 1));
                }
                ' ' | '~' | '^' | ':' | '?' | '[' | '\\' => {
                    return Err(ref_err(K::ForbiddenCharacter(c), at, at + 1));
                }
                '.' if last == '.' => return Err(ref_err(K::DoubleDot, at - 1, at + 1)),
                '{' if last == '@' => return Err(ref_err(K::AtBrace, at - 1, at + 1)),
                '*' if !star_allowed => {
                    let kind = if flags.refspec_pattern {
                        K::SecondAsterisk
                    } else {
                        K::Asterisk
                    };
                    return Err(ref_err(kind, at, at + 1));
                }
                // git accepts a single asterisk per name, so the flag drops after the first.
                '*' => star_allowed = false,
                _ => {}
            }
            last = c;
        }
        if len == 0 {
            return Err(if start == 0 {
                ref_err(K::LeadingSlash, 0, 1)
            } else if start >= total {
                ref_err(K::TrailingSlash, start - 1, start)
            } else {
                ref_err(K::DoubleSlash, start - 1, start + 1)
            });
        }
        if component.starts_with('.') {
            return Err(ref_err(K::LeadingDot, start, start + 1));
        }
        if component.ends_with(".lock") {
            return Err(ref_err(K::LockSuffix, start + len - 5, start + len));
        }
        components += 1;
        last_component_len = len;
        start += len + 1;
    }
    if name.ends_with('.') {
        return Err(ref_err(K::TrailingDot, total - 1, total));
    }
    if !flags.allow_onelevel && components < 2 {
        return Err(ref_err(K::OneLevel, 0, last_component_len));
    }
    Ok(())
}
