//! A linear, non-recursive tokenizer that mirrors the `jmespath` 0.5 lexer token for token.
//!
//! The checker needs tokens before it dares to call the crate's recursive parser (the nesting
//! guard), and after a successful parse (spans of function names, the `!` precedence analysis,
//! host-prefix checks). Token boundaries and the points where lexing fails are the crate's, so
//! that the guard sees exactly the token stream the parser would see.

/// The kind of a token; names follow the crate's `Token` enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Ident,
    Quoted,
    RawString,
    Literal,
    Number,
    Dot,
    Star,
    Flatten,
    And,
    Or,
    Pipe,
    Filter,
    Lbracket,
    Rbracket,
    Comma,
    Colon,
    Not,
    Ne,
    Eq,
    Gt,
    Gte,
    Lt,
    Lte,
    At,
    Ampersand,
    Lparen,
    Rparen,
    Lbrace,
    Rbrace,
}

impl Kind {
    /// The crate's left binding power (`Token::lbp`).
    pub(crate) fn lbp(self) -> u8 {
        match self {
            Kind::Pipe => 1,
            Kind::Or => 2,
            Kind::And => 3,
            Kind::Eq | Kind::Ne | Kind::Gt | Kind::Gte | Kind::Lt | Kind::Lte => 5,
            Kind::Flatten => 9,
            Kind::Star => 20,
            Kind::Filter => 21,
            Kind::Dot => 40,
            Kind::Not => 45,
            Kind::Lbrace => 50,
            Kind::Lbracket => 55,
            Kind::Lparen => 60,
            _ => 0,
        }
    }

    /// True for `==`, `!=`, `<`, `<=`, `>`, `>=`.
    pub(crate) fn is_comparator(self) -> bool {
        matches!(
            self,
            Kind::Eq | Kind::Ne | Kind::Gt | Kind::Gte | Kind::Lt | Kind::Lte
        )
    }

    /// True for tokens that open a bracketed group.
    pub(crate) fn is_opener(self) -> bool {
        matches!(
            self,
            Kind::Lbracket | Kind::Filter | Kind::Lparen | Kind::Lbrace
        )
    }

    /// True for tokens that close a bracketed group.
    pub(crate) fn is_closer(self) -> bool {
        matches!(self, Kind::Rbracket | Kind::Rparen | Kind::Rbrace)
    }
}

/// One token with its byte range (as the crate reports offsets) and its character range (as
/// diagnostics report spans).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub cstart: usize,
    pub cend: usize,
}

/// The token stream up to the end of the text or up to the first lexical error.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexed {
    pub toks: Vec<Tok>,
    /// Byte offset of the first lexical error, where the crate's lexer stops too.
    pub error_at: Option<usize>,
}

impl Lexed {
    /// Index of the token starting at byte `offset`, if any.
    pub(crate) fn index_at(&self, offset: usize) -> Option<usize> {
        self.toks.binary_search_by(|t| t.start.cmp(&offset)).ok()
    }

    /// For every opener, the index of its closer (and the reverse); `None` when unbalanced.
    pub(crate) fn partners(&self) -> Vec<Option<usize>> {
        let mut partner = vec![None; self.toks.len()];
        let mut open: Vec<usize> = Vec::new();
        for (i, t) in self.toks.iter().enumerate() {
            if t.kind.is_opener() {
                open.push(i);
            } else if t.kind.is_closer() {
                let Some(o) = open.pop() else { continue };
                let matches = matches!(
                    (self.toks.get(o).map(|t| t.kind), t.kind),
                    (Some(Kind::Lbracket | Kind::Filter), Kind::Rbracket)
                        | (Some(Kind::Lparen), Kind::Rparen)
                        | (Some(Kind::Lbrace), Kind::Rbrace)
                );
                if matches {
                    if let Some(slot) = partner.get_mut(o) {
                        *slot = Some(i);
                    }
                    if let Some(slot) = partner.get_mut(i) {
                        *slot = Some(o);
                    }
                }
            }
        }
        partner
    }
}

struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    /// Characters consumed so far (the char index of the next character).
    count: usize,
}

impl Cursor<'_> {
    fn next(&mut self) -> Option<(usize, char)> {
        let next = self.chars.next();
        if next.is_some() {
            self.count += 1;
        }
        next
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    fn eat(&mut self, expected: char) -> bool {
        if self.peek() == Some(expected) {
            self.next();
            true
        } else {
            false
        }
    }

    fn eat_while(&mut self, pred: impl Fn(char) -> bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if !pred(c) {
                break;
            }
            out.push(c);
            self.next();
        }
        out
    }

    /// Consumes up to the unescaped `wrapper`; false when the text ends first.
    fn eat_quoted(&mut self, wrapper: char) -> bool {
        while let Some((_, c)) = self.next() {
            if c == wrapper {
                return true;
            }
            if c == '\\' {
                self.next();
            }
        }
        false
    }

    /// Byte offset of the next character (or the text's length).
    fn byte_pos(&mut self, len: usize) -> usize {
        self.chars.peek().map_or(len, |&(i, _)| i)
    }
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Tokenizes `expr` as `jmespath` 0.5 does; stops at the first lexical error.
pub(crate) fn lex(expr: &str) -> Lexed {
    let mut cur = Cursor {
        chars: expr.char_indices().peekable(),
        count: 0,
    };
    let mut out = Lexed::default();
    loop {
        let cstart = cur.count;
        let Some((start, c)) = cur.next() else {
            return out;
        };
        let kind = match c {
            c if is_ident_start(c) => {
                cur.eat_while(is_ident_char);
                Some(Kind::Ident)
            }
            '.' => Some(Kind::Dot),
            '[' => Some(if cur.eat(']') {
                Kind::Flatten
            } else if cur.eat('?') {
                Kind::Filter
            } else {
                Kind::Lbracket
            }),
            '*' => Some(Kind::Star),
            '|' => Some(if cur.eat('|') { Kind::Or } else { Kind::Pipe }),
            '@' => Some(Kind::At),
            ']' => Some(Kind::Rbracket),
            '{' => Some(Kind::Lbrace),
            '}' => Some(Kind::Rbrace),
            '&' => Some(if cur.eat('&') {
                Kind::And
            } else {
                Kind::Ampersand
            }),
            '(' => Some(Kind::Lparen),
            ')' => Some(Kind::Rparen),
            ',' => Some(Kind::Comma),
            ':' => Some(Kind::Colon),
            '"' => cur.eat_quoted('"').then_some(Kind::Quoted),
            '\'' => cur.eat_quoted('\'').then_some(Kind::RawString),
            '`' => cur.eat_quoted('`').then_some(Kind::Literal),
            // The crate consumes the next character whatever it is.
            '=' => matches!(cur.next(), Some((_, '='))).then_some(Kind::Eq),
            '>' => Some(if cur.eat('=') { Kind::Gte } else { Kind::Gt }),
            '<' => Some(if cur.eat('=') { Kind::Lte } else { Kind::Lt }),
            '!' => Some(if cur.eat('=') { Kind::Ne } else { Kind::Not }),
            '0'..='9' => {
                let digits = format!("{c}{}", cur.eat_while(|c| c.is_ascii_digit()));
                digits.parse::<i32>().is_ok().then_some(Kind::Number)
            }
            '-' => match cur.next() {
                Some((_, d)) if d.is_numeric() && d != '0' => {
                    let digits = format!("{d}{}", cur.eat_while(|c| c.is_ascii_digit()));
                    digits.parse::<i32>().is_ok().then_some(Kind::Number)
                }
                _ => None,
            },
            ' ' | '\n' | '\t' | '\r' => continue,
            _ => None,
        };
        let Some(kind) = kind else {
            out.error_at = Some(start);
            return out;
        };
        let end = cur.byte_pos(expr.len());
        out.toks.push(Tok {
            kind,
            start,
            end,
            cstart,
            cend: cur.count,
        });
    }
}

/// The character index of byte offset `byte` (offsets inside a character round down).
pub(crate) fn char_index(expr: &str, byte: usize) -> usize {
    expr.char_indices().take_while(|&(i, _)| i < byte).count()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn kinds(expr: &str) -> Vec<Kind> {
        lex(expr).toks.iter().map(|t| t.kind).collect()
    }

    #[test]
    fn brackets_follow_the_crate() {
        use Kind::*;
        assert_eq!(kinds("a[]"), vec![Ident, Flatten]);
        assert_eq!(kinds("a[ ]"), vec![Ident, Lbracket, Rbracket]);
        assert_eq!(kinds("[?a]"), vec![Filter, Ident, Rbracket]);
        assert_eq!(kinds("a||b|c&&d&e"), {
            vec![Ident, Or, Ident, Pipe, Ident, And, Ident, Ampersand, Ident]
        });
        assert_eq!(kinds("!a != `1`"), vec![Not, Ident, Ne, Literal]);
    }

    #[test]
    fn strings_with_escapes_are_one_token() {
        let l = lex(r#"'it\'s' "a\"b" `"\`"`"#);
        assert_eq!(l.toks.len(), 3);
        assert_eq!(l.error_at, None);
    }

    #[test]
    fn errors_stop_where_the_crate_stops() {
        assert_eq!(lex("a + b").error_at, Some(2));
        assert_eq!(lex("'open").error_at, Some(0));
        assert_eq!(lex("a = b").error_at, Some(2));
        assert_eq!(lex("[-0]").error_at, Some(1));
        assert_eq!(lex("[99999999999]").error_at, Some(1));
        assert_eq!(lex("é").error_at, Some(0));
    }

    #[test]
    fn char_ranges_count_characters() {
        let l = lex("'é' == a");
        assert_eq!((l.toks[2].cstart, l.toks[2].cend), (7, 8));
        assert_eq!(l.toks[2].start, 8);
        assert_eq!(char_index("é a", 3), 2);
    }

    #[test]
    fn partners_match_brackets() {
        let l = lex("{a: b[?c(d)]}");
        let p = l.partners();
        assert_eq!(p[0], Some(l.toks.len() - 1));
        assert_eq!(p[4], Some(l.toks.len() - 2));
    }
}
