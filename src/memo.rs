//! The crate's one memo: a small per-thread cache of recent results, keyed by the text they were
//! computed from (URL parses, compiled filters and patterns, API-path analyses).
//!
//! A form revalidates on every keystroke, and usually only one field changed: filters, patterns
//! and API paths that did not change are not compiled or analysed again. Entries are kept most
//! recently used first; the least recently used falls out when the memo is full.

use std::cell::RefCell;
use std::rc::Rc;
use std::thread::LocalKey;

/// The entries of one memo: `(key, value)`, most recently used first.
pub(crate) struct Recent<V> {
    entries: Vec<(String, Rc<V>)>,
    capacity: usize,
}

impl<V> Recent<V> {
    /// An empty memo holding at most `capacity` results.
    pub(crate) const fn new(capacity: usize) -> Recent<V> {
        Recent {
            entries: Vec::new(),
            capacity,
        }
    }
}

/// The value remembered for `key` in `memo`, or `make()` (then remembered). Re-entrant calls
/// and a thread being torn down compute without remembering instead of panicking.
pub(crate) fn memo<V>(
    memo: &'static LocalKey<RefCell<Recent<V>>>,
    key: &str,
    make: impl FnOnce() -> V,
) -> Rc<V> {
    let hit = memo
        .try_with(|m| {
            let mut m = m.try_borrow_mut().ok()?;
            let pos = m.entries.iter().position(|(k, _)| k == key)?;
            let entry = m.entries.remove(pos);
            let value = Rc::clone(&entry.1);
            m.entries.insert(0, entry);
            Some(value)
        })
        .ok()
        .flatten();
    if let Some(value) = hit {
        return value;
    }
    let value = Rc::new(make());
    let _ = memo.try_with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            let capacity = m.capacity;
            m.entries.insert(0, (key.to_owned(), Rc::clone(&value)));
            m.entries.truncate(capacity);
        }
    });
    value
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static TEST: RefCell<Recent<usize>> = const { RefCell::new(Recent::new(2)) };
    }

    #[test]
    fn remembers_the_most_recent_and_forgets_the_least_recent() {
        let calls = Cell::new(0);
        let get = |k: &str| {
            *memo(&TEST, k, || {
                calls.set(calls.get() + 1);
                k.len()
            })
        };
        assert_eq!((get("a"), get("bb"), get("a")), (1, 2, 1));
        assert_eq!(calls.get(), 2);
        get("ccc"); // evicts "bb", the least recently used
        get("a");
        assert_eq!(calls.get(), 3);
        get("bb");
        assert_eq!(calls.get(), 4);
    }

    #[test]
    fn a_reentrant_call_computes_without_remembering() {
        let inner = memo(&TEST, "outer", || *memo(&TEST, "inner", || 7) + 1);
        assert_eq!(*inner, 8);
    }
}
