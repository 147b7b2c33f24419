//! Finds the listing's repositories among a filter's results: by identity first (the
//! interpreter passes the listing's own values through), then by equality for copies (`merge`
//! and friends build new values). Each lookup takes constant time on average, so matching m
//! results to n repositories is linear in n + m, not n × m.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use jmespath::{Rcvar, Variable};

/// The listing's repositories, indexed for [`ListingIndex::find`].
pub(super) struct ListingIndex<'a> {
    listed: &'a [Rcvar],
    by_address: HashMap<*const Variable, usize>,
    /// Built on the first result that is not one of the listing's own values.
    by_shape: OnceCell<HashMap<u64, Vec<usize>>>,
}

impl<'a> ListingIndex<'a> {
    /// Indexes `listed` by the address of each repository.
    pub(super) fn new(listed: &'a [Rcvar]) -> ListingIndex<'a> {
        let mut by_address = HashMap::with_capacity(listed.len());
        for (i, l) in listed.iter().enumerate() {
            by_address.entry(Rcvar::as_ptr(l)).or_insert(i);
        }
        ListingIndex {
            listed,
            by_address,
            by_shape: OnceCell::new(),
        }
    }

    /// The first repository that is `value`, else the first equal to it by `equal` (JMESPath
    /// equality in use; tests count its calls).
    pub(super) fn find(
        &self,
        value: &Rcvar,
        equal: &mut impl FnMut(&Variable, &Variable) -> bool,
    ) -> Option<usize> {
        if let Some(&i) = self.by_address.get(&Rcvar::as_ptr(value)) {
            return Some(i);
        }
        let by_shape = self.by_shape.get_or_init(|| {
            let mut map: HashMap<u64, Vec<usize>> = HashMap::new();
            for (i, l) in self.listed.iter().enumerate() {
                map.entry(shape_hash(l)).or_default().push(i);
            }
            map
        });
        by_shape
            .get(&shape_hash(value))?
            .iter()
            .copied()
            .find(|&i| self.listed.get(i).is_some_and(|l| equal(l, value)))
    }
}

/// A hash that equal values share. JMESPath compares numbers with a tolerance, so a number
/// adds only its type: values that differ only in numbers share a bucket and `==` decides.
fn shape_hash(v: &Variable) -> u64 {
    let mut h = DefaultHasher::new();
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Variable::Null => 0u8.hash(&mut h),
            Variable::String(s) => (1u8, s).hash(&mut h),
            Variable::Bool(b) => (2u8, b).hash(&mut h),
            Variable::Number(_) => 3u8.hash(&mut h),
            Variable::Array(a) => {
                (4u8, a.len()).hash(&mut h);
                stack.extend(a.iter().map(|c| &**c));
            }
            Variable::Object(o) => {
                (5u8, o.len()).hash(&mut h);
                for (k, c) in o {
                    k.hash(&mut h);
                    stack.push(c);
                }
            }
            Variable::Expref(_) => 6u8.hash(&mut h),
        }
    }
    h.finish()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn variables(v: serde_json::Value) -> Vec<Rcvar> {
        let v = Variable::try_from(&v).unwrap();
        v.as_array().unwrap().clone()
    }

    #[test]
    fn identity_first_then_the_first_equal_copy() {
        let listed = variables(json!([{"a": 1}, {"a": 1.0}, {"a": "x"}, {"a": "x"}]));
        let index = ListingIndex::new(&listed);
        let mut eq = |a: &Variable, b: &Variable| a == b;
        assert_eq!(index.find(&listed[3], &mut eq), Some(3));
        let copies = variables(json!([{"a": "x"}, {"a": 1.0000000000000002}, {"b": 1}]));
        assert_eq!(index.find(&copies[0], &mut eq), Some(2));
        assert_eq!(index.find(&copies[1], &mut eq), Some(0));
        assert_eq!(index.find(&copies[2], &mut eq), None);
    }

    /// Counted steps: copies of n repositories are found with about n comparisons in all
    /// (a scan of the listing per result makes n × (n + 1) / 2).
    #[test]
    fn matching_copies_compares_each_once() {
        let n = 2000;
        let repos: Vec<_> = (0..n)
            .map(|i| json!({"full_name": format!("o/{i}"), "size": i}))
            .collect();
        let listed = variables(json!(repos));
        let copies = variables(json!(repos));
        let index = ListingIndex::new(&listed);
        let mut comparisons = 0usize;
        let mut eq = |a: &Variable, b: &Variable| {
            comparisons += 1;
            a == b
        };
        for (i, c) in copies.iter().enumerate() {
            assert_eq!(index.find(c, &mut eq), Some(i));
        }
        assert_eq!(comparisons, n);
        let mut never = |_: &Variable, _: &Variable| -> bool { unreachable!() };
        for (i, l) in listed.iter().enumerate() {
            assert_eq!(index.find(l, &mut never), Some(i));
        }
    }
}
