//! Matching a path against the catalogue's templates: exact fits, near misses (a typo in a
//! segment, a missing query pair) and translation between the vendors' dialects.

use super::catalogue::{Dialect, EQUIVALENTS, templates};

/// A path split for matching: non-empty segments, query pairs, and whether empty segments
/// (`//`, a trailing `/`) were dropped.
pub(super) struct Target<'a> {
    pub(super) segs: Vec<&'a str>,
    pub(super) pairs: Vec<&'a str>,
    pub(super) had_empty: bool,
}

fn split_query(path: &str) -> (&str, &str) {
    let path = path.split_once('#').map_or(path, |(p, _)| p);
    path.split_once('?').unwrap_or((path, ""))
}

fn query_pairs(query: &str) -> Vec<&str> {
    query.split('&').filter(|p| !p.is_empty()).collect()
}

fn pair_key(pair: &str) -> &str {
    pair.split_once('=').map_or(pair, |(k, _)| k)
}

pub(super) fn target(path: &str) -> Target<'_> {
    let (p, q) = split_query(path);
    let raw: Vec<&str> = p.split('/').skip(1).collect();
    let had_empty = raw.iter().any(|s| s.is_empty()) && raw.len() > 1;
    Target {
        segs: raw.into_iter().filter(|s| !s.is_empty()).collect(),
        pairs: query_pairs(q),
        had_empty,
    }
}

fn is_placeholder(seg: &str) -> bool {
    seg.starts_with('<') && seg.ends_with('>')
}

fn is_version(seg: &str) -> bool {
    seg.len() >= 2 && seg.starts_with('v') && seg.chars().skip(1).all(|c| c.is_ascii_digit())
}

/// Optimal-string-alignment distance, for short strings (at most 64 characters each).
fn edit_distance(a: &str, b: &str) -> Option<usize> {
    crate::text::osa_distance(a, b)
}

/// The cost of reading `seg` as the literal `lit` (at least 1), or `None` if too far.
fn closeness(seg: &str, lit: &str) -> Option<usize> {
    if is_version(seg) && is_version(lit) {
        return None;
    }
    let lower = crate::suggest::lower_for_ascii(seg);
    let lit_chars = lit.chars().count();
    let limit = if lit_chars <= 5 { 1 } else { 2 };
    // The distance is at least the difference in length: most pairs stop here.
    if lower.chars().count().abs_diff(lit_chars) > limit {
        return None;
    }
    let d = edit_distance(&lower, lit)?;
    (d <= limit).then_some(d.max(1))
}

enum Fit {
    Exact,
    /// The segments match but a query pair of the template is missing.
    MissingQuery,
    /// Close; the cost orders candidates.
    Near(usize),
}

fn fit(tpl: &str, t: &Target<'_>) -> Option<Fit> {
    let (tpl_path, tpl_query) = split_query(tpl);
    // Called for every template on every validation: no allocation until a template is close.
    let tsegs = || tpl_path.split('/').skip(1);
    let tlen = tsegs().count();
    let mut cost = 0usize;
    if t.segs.len() == tlen {
        for (s, ts) in t.segs.iter().zip(tsegs()) {
            if is_placeholder(ts) || *s == ts {
                continue;
            }
            cost += closeness(s, ts)?;
        }
    } else if t.segs.len() + 1 == tlen
        && !t.segs.is_empty()
        && tsegs().last().is_some_and(|l| !is_placeholder(l))
    {
        for (s, ts) in t.segs.iter().zip(tsegs()) {
            if !(is_placeholder(ts) || *s == ts) {
                return None;
            }
        }
        cost = 2;
    } else {
        return None;
    }
    let missing = tpl_query
        .split('&')
        .filter(|p| !p.is_empty() && !t.pairs.contains(p))
        .count();
    if cost > 0 || t.had_empty {
        // Among close templates, prefer the one whose query the path already has.
        return Some(Fit::Near(cost + missing));
    }
    if missing == 0 {
        Some(Fit::Exact)
    } else {
        Some(Fit::MissingQuery)
    }
}

/// The values at the template's placeholder positions.
fn captures<'a>(tpl: &str, t: &Target<'a>) -> Vec<&'a str> {
    let (tpl_path, _) = split_query(tpl);
    tpl_path
        .split('/')
        .skip(1)
        .zip(&t.segs)
        .filter(|(ts, _)| is_placeholder(ts))
        .map(|(_, s)| *s)
        .collect()
}

/// `tpl` with its placeholders replaced by `values` in order and the user's query pairs kept
/// (the template's own pairs win on the same key).
fn fill(tpl: &str, values: &[&str], user_pairs: &[&str]) -> String {
    let (tpl_path, tpl_query) = split_query(tpl);
    let mut values = values.iter();
    let mut out = String::new();
    for ts in tpl_path.split('/').skip(1) {
        out.push('/');
        if is_placeholder(ts) {
            out.push_str(values.next().copied().unwrap_or(ts));
        } else {
            out.push_str(ts);
        }
    }
    let tpairs = query_pairs(tpl_query);
    let mut pairs: Vec<&str> = user_pairs
        .iter()
        .copied()
        .filter(|p| !tpairs.iter().any(|tp| pair_key(tp) == pair_key(p)))
        .collect();
    pairs.extend(tpairs);
    if !pairs.is_empty() {
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

/// The best near fit among `d`'s templates: `None` when a template fits exactly or none is close.
/// With `strict_query`, a missing template query pair also counts as a near miss.
pub(super) fn near_miss(path: &str, d: Dialect, strict_query: bool) -> Option<String> {
    let t = target(path);
    let mut best: Option<(usize, &str)> = None;
    for tpl in templates(d) {
        let cost = match fit(tpl, &t) {
            Some(Fit::Exact) => return None,
            Some(Fit::MissingQuery) if strict_query => 1,
            Some(Fit::Near(c)) => c,
            _ => continue,
        };
        if best.is_none_or(|(b, _)| cost < b) {
            best = Some((cost, tpl));
        }
    }
    let (_, tpl) = best?;
    Some(fill(tpl, &captures(tpl, &t), &t.pairs))
}

/// Whether `path` fits a template of `d` exactly or up to a missing query pair.
pub(super) fn fits_dialect(path: &str, d: Dialect) -> bool {
    let t = target(path);
    templates(d).any(|tpl| matches!(fit(tpl, &t), Some(Fit::Exact | Fit::MissingQuery)))
}

/// `path` (written in dialect `from`) translated to `to`, when an equivalent exists.
pub(super) fn translate(path: &str, from: Dialect, to: Dialect) -> Option<String> {
    let t = target(path);
    EQUIVALENTS.iter().find_map(|e| {
        let src = e.get(from)?;
        let dst = e.get(to)?;
        matches!(fit(src, &t), Some(Fit::Exact)).then(|| fill(dst, &captures(src, &t), &[]))
    })
}
