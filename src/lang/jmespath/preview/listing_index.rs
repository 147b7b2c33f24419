//! Finds the listing's repositories among a filter's results: by identity first (the
//! interpreter passes the listing's own values through), then by equality for copies (`merge`
//! and friends build new values). Copies are looked up by a hash that equal values share,
//! numbers included (`number_classes`), so each lookup compares with about one repository and
//! matching m results to n repositories is linear in n + m, not n × m. Repositories that share
//! a hash (identical ones, or numbers chained a few units in the last place apart) are compared
//! one by one, each comparison charged to the preview's work budget, so no listing makes
//! matching unbounded.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use jmespath::{Rcvar, Variable};

use super::number_classes::NumberClasses;

/// The preview's work budget refused a comparison.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct OutOfWork;

/// The listing's repositories, indexed for [`ListingIndex::find`].
pub(super) struct ListingIndex<'a> {
    listed: &'a [Rcvar],
    by_address: HashMap<*const Variable, usize>,
    /// Built on the first result that is not one of the listing's own values.
    by_shape: OnceCell<ByShape>,
}

/// The listing's repositories by a hash that equal values share.
struct ByShape {
    classes: NumberClasses,
    buckets: HashMap<u64, Vec<usize>>,
    /// Each repository's number of values: what comparing with it may cost.
    sizes: Vec<usize>,
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

    /// The first repository that is `value`, else the first equal to it by JMESPath equality.
    /// Before each comparison, `charge` is asked for its cost (the repository's number of
    /// values); when it refuses, the search stops with [`OutOfWork`].
    pub(super) fn find(
        &self,
        value: &Rcvar,
        charge: &mut impl FnMut(usize) -> bool,
    ) -> Result<Option<usize>, OutOfWork> {
        if let Some(&i) = self.by_address.get(&Rcvar::as_ptr(value)) {
            return Ok(Some(i));
        }
        let by_shape = self.by_shape.get_or_init(|| ByShape::new(self.listed));
        let bucket = shape_hash(value, &by_shape.classes).and_then(|h| by_shape.buckets.get(&h));
        for &i in bucket.into_iter().flatten() {
            let (Some(l), Some(&size)) = (self.listed.get(i), by_shape.sizes.get(i)) else {
                continue;
            };
            if !charge(size) {
                return Err(OutOfWork);
            }
            if **l == **value {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }
}

impl ByShape {
    fn new(listed: &[Rcvar]) -> ByShape {
        let mut numbers = Vec::new();
        for l in listed {
            walk(l, |v| {
                if let Some(x) = v.as_number() {
                    numbers.push(x);
                }
            });
        }
        let classes = NumberClasses::new(numbers);
        let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
        let mut sizes = Vec::with_capacity(listed.len());
        for (i, l) in listed.iter().enumerate() {
            let mut size = 0usize;
            walk(l, |_| size += 1);
            sizes.push(size);
            // A repository whose number the crate finds equal to nothing is found by identity only.
            if let Some(h) = shape_hash(l, &classes) {
                buckets.entry(h).or_default().push(i);
            }
        }
        ByShape {
            classes,
            buckets,
            sizes,
        }
    }
}

/// Calls `visit` on `v` and every value inside it, parents first, without recursion.
fn walk<'v>(v: &'v Variable, mut visit: impl FnMut(&'v Variable)) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        visit(v);
        match v {
            Variable::Array(a) => stack.extend(a.iter().map(|c| &**c)),
            Variable::Object(o) => stack.extend(o.values().map(|c| &**c)),
            _ => {}
        }
    }
}

/// A hash that values equal by JMESPath equality share: a number adds its class among the
/// listing's numbers. `None` when a number of `v` equals none of the listing's numbers, so `v`
/// equals no repository.
fn shape_hash(v: &Variable, classes: &NumberClasses) -> Option<u64> {
    let mut h = DefaultHasher::new();
    let mut unmatched = false;
    walk(v, |v| match v {
        Variable::Null => 0u8.hash(&mut h),
        Variable::String(s) => (1u8, s).hash(&mut h),
        Variable::Bool(b) => (2u8, b).hash(&mut h),
        Variable::Number(n) => match classes.class_of(n) {
            Some(class) => (3u8, class).hash(&mut h),
            None => unmatched = true,
        },
        Variable::Array(a) => (4u8, a.len()).hash(&mut h),
        Variable::Object(o) => {
            (5u8, o.len()).hash(&mut h);
            o.keys().for_each(|k| k.hash(&mut h));
        }
        Variable::Expref(_) => 6u8.hash(&mut h),
    });
    (!unmatched).then(|| h.finish())
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

    /// Finds every copy in `copies` (the listing's repositories in order) within an unlimited
    /// budget, and returns the comparisons made.
    fn comparisons_to_find(listed: &[Rcvar], copies: &[Rcvar]) -> usize {
        let index = ListingIndex::new(listed);
        let mut comparisons = 0usize;
        let mut count = |_| {
            comparisons += 1;
            true
        };
        for (i, c) in copies.iter().enumerate() {
            assert_eq!(index.find(c, &mut count), Ok(Some(i)));
        }
        comparisons
    }

    #[test]
    fn identity_first_then_the_first_equal_copy() {
        let listed = variables(json!([{"a": 1}, {"a": 1.0}, {"a": "x"}, {"a": "x"}]));
        let index = ListingIndex::new(&listed);
        let mut free = |_| true;
        assert_eq!(index.find(&listed[3], &mut free), Ok(Some(3)));
        let copies = variables(json!([
            {"a": "x"}, {"a": 1.0000000000000002}, {"b": 1}, {"a": 0.9999999999999999}, {"a": 2}
        ]));
        assert_eq!(index.find(&copies[0], &mut free), Ok(Some(2)));
        assert_eq!(index.find(&copies[1], &mut free), Ok(Some(0)));
        assert_eq!(index.find(&copies[2], &mut free), Ok(None));
        assert_eq!(index.find(&copies[3], &mut free), Ok(Some(0)));
        assert_eq!(index.find(&copies[4], &mut free), Ok(None));
    }

    /// Counted steps: copies of n repositories are found with n comparisons in all (a scan of
    /// the listing per result makes n × (n + 1) / 2); the listing's own values with none.
    #[test]
    fn matching_copies_compares_each_once() {
        let n = 2000;
        let repos: Vec<_> = (0..n)
            .map(|i| json!({"full_name": format!("o/{i}"), "size": i}))
            .collect();
        let listed = variables(json!(repos));
        assert_eq!(comparisons_to_find(&listed, &variables(json!(repos))), n);
        assert_eq!(comparisons_to_find(&listed, &listed), 0);
    }

    /// The reviewer's case: repositories that differ only in numbers (`[{id: 0}, {id: 1}, …]`)
    /// no longer share one bucket, so twice the repositories take twice the comparisons.
    #[test]
    fn repositories_differing_only_in_numbers_are_matched_in_linear_steps() {
        let steps = |n: usize| {
            let repos = json!((0..n).map(|i| json!({"id": i})).collect::<Vec<_>>());
            comparisons_to_find(&variables(repos.clone()), &variables(repos))
        };
        assert_eq!(steps(2000), 2000);
        assert_eq!(steps(4000), 4000);
        let floats = json!(
            (0..1000)
                .map(|i| json!({"score": f64::from(i) / 7.0}))
                .collect::<Vec<_>>()
        );
        assert_eq!(
            comparisons_to_find(&variables(floats.clone()), &variables(floats)),
            1000
        );
    }

    /// Numbers chained one unit in the last place apart share a class, so their repositories
    /// share a bucket: the comparisons are charged, and a refused charge stops the search.
    #[test]
    fn a_shared_bucket_stops_when_the_budget_refuses() {
        let repos: Vec<_> = (0..300)
            .map(|k| json!({"v": 1.0 + f64::from(k) * f64::EPSILON}))
            .collect();
        let listed = variables(json!(repos));
        let copies = variables(json!(repos));
        let index = ListingIndex::new(&listed);
        let mut units = 0usize;
        let mut charge = |cost: usize| {
            units += cost;
            units <= 1000
        };
        let mut outcome = Ok(None);
        for c in copies.iter().rev() {
            outcome = index.find(c, &mut charge);
            if outcome.is_err() {
                break;
            }
        }
        assert_eq!(outcome, Err(OutOfWork));
        assert!(units > 1000, "{units}");
    }
}
