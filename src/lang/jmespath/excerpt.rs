//! The caret excerpt: a diagnostic's line with `^` under its span, for plain-text reports.

use crate::diagnostics::Span;

/// The line of `expr` that contains `span.start`, and under it a line of `^` marking the span
/// (at least one). Lines longer than 60 characters are cut to a window of about 40 characters
/// around the span, with `…` where text was left out.
pub fn caret_excerpt(expr: &str, span: Span) -> String {
    const WHOLE: usize = 60;
    const WINDOW: usize = 40;
    const BEFORE: usize = 15;
    let chars: Vec<char> = expr.chars().collect();
    let start = span.start.min(chars.len());
    let line_start = chars
        .get(..start)
        .and_then(|before| before.iter().rposition(|&c| c == '\n'))
        .map_or(0, |i| i + 1);
    let line_end = chars
        .get(start..)
        .and_then(|after| after.iter().position(|&c| c == '\n'))
        .map_or(chars.len(), |i| start + i);
    let line: Vec<char> = chars
        .get(line_start..line_end)
        .unwrap_or(&[])
        .iter()
        .map(|&c| if c == '\t' { ' ' } else { c })
        .collect();
    let line = match line.last() {
        Some('\r') => line.get(..line.len() - 1).unwrap_or(&[]).to_vec(),
        _ => line,
    };
    let col = start - line_start;
    let width = span
        .end
        .min(line_start + line.len())
        .saturating_sub(start)
        .max(1);
    let (from, to) = if line.len() <= WHOLE {
        (0, line.len())
    } else {
        let from = col.saturating_sub(BEFORE);
        (from, (from + WINDOW).max(col + 1).min(line.len()))
    };
    let mut text = String::new();
    let mut pad = col - from;
    if from > 0 {
        text.push('…');
        pad += 1;
    }
    text.extend(line.get(from..to).unwrap_or(&[]));
    if to < line.len() {
        text.push('…');
    }
    let visible = width.min(to.saturating_sub(col)).max(1);
    format!("{text}\n{}{}", " ".repeat(pad), "^".repeat(visible))
}
