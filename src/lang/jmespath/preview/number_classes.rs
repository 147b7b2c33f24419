//! Classes of the listing's numbers under JMESPath number equality, so that a hash can respect
//! it. The `jmespath` crate's `==` on numbers has a relative tolerance (0.71 equals
//! 0.7100000000000002), which no hash of a number's own value respects: two equal numbers can
//! sit on both sides of any rounding boundary. Classes are built from the listing's own numbers
//! instead: its distinct numbers, sorted, are cut into runs wherever two neighbours are too far
//! apart for any number to equal both. A number equal to a listed number then has that number's
//! class, whatever side of it the number lies on.

use jmespath::Variable;
use serde_json::Number;

/// The listing's distinct numbers, sorted, each with its class.
pub(super) struct NumberClasses {
    sorted: Vec<(f64, usize)>,
}

impl NumberClasses {
    /// Classes of `numbers` (the numbers of the listing, in any order, repeats allowed).
    pub(super) fn new(numbers: impl IntoIterator<Item = f64>) -> NumberClasses {
        let mut numbers: Vec<f64> = numbers.into_iter().map(without_negative_zero).collect();
        numbers.sort_by(f64::total_cmp);
        numbers.dedup();
        let mut sorted = Vec::with_capacity(numbers.len());
        let mut class = 0;
        let mut previous = None;
        for y in numbers {
            if previous.is_some_and(|p| !could_share_an_equal(p, y)) {
                class += 1;
            }
            sorted.push((y, class));
            previous = Some(y);
        }
        NumberClasses { sorted }
    }

    /// The class of the listed numbers that `n` equals by the crate's `==`; `None` when it
    /// equals none of them (a value holding `n` then equals no repository of the listing).
    pub(super) fn class_of(&self, n: &Number) -> Option<usize> {
        let x = without_negative_zero(n.as_f64()?);
        let at = self
            .sorted
            .partition_point(|(y, _)| y.total_cmp(&x).is_lt());
        // The closest listed number on each side: if a farther one equals `x`, so does the
        // closer one on its side, and both are in one class.
        [at.checked_sub(1), Some(at)]
            .into_iter()
            .flatten()
            .filter_map(|i| self.sorted.get(i))
            .find(|&&(y, _)| library_equal(x, y))
            .map(|&(_, class)| class)
    }
}

/// `-0` and `0` are equal; one of them keeps the sort and the search simple.
fn without_negative_zero(x: f64) -> f64 {
    if x == 0.0 { 0.0 } else { x }
}

/// Whether some number could equal both `p` and `y` (`p < y`), with room to spare. The crate
/// accepts a relative difference below `EPSILON` of the sum of magnitudes, and compares zero
/// and subnormal numbers exactly; a number equal to both would be within twice that of each,
/// so neighbours closer than four times apart share a class (twice that for rounding).
fn could_share_an_equal(p: f64, y: f64) -> bool {
    y - p <= 8.0 * f64::EPSILON * (p.abs() + y.abs())
}

/// The crate's own number equality.
fn library_equal(x: f64, y: f64) -> bool {
    match (Number::from_f64(x), Number::from_f64(y)) {
        (Some(x), Some(y)) => Variable::Number(x) == Variable::Number(y),
        _ => false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn number(x: f64) -> Number {
        Number::from_f64(x).unwrap()
    }

    /// `x` moved by `ulps` doubles up (down when negative), across zero too.
    fn step(x: f64, ulps: i64) -> f64 {
        let magnitude = (x.to_bits() & !(1 << 63)) as i64;
        let rank = if x.is_sign_negative() {
            -magnitude
        } else {
            magnitude
        } + ulps;
        let bits = rank.unsigned_abs() | if rank < 0 { 1 << 63 } else { 0 };
        f64::from_bits(bits)
    }

    #[test]
    fn equal_numbers_share_a_class_and_unequal_ones_do_not() {
        let classes = NumberClasses::new([1.0, 0.71, 0.0, 2.0, 9_007_199_254_740_992.0, 5e-324]);
        let class = |x: f64| classes.class_of(&number(x));
        assert_eq!(class(1.0), classes.class_of(&Number::from(1u64)));
        assert_eq!(class(-0.0), class(0.0));
        assert!(class(0.0).is_some());
        assert_eq!(class(0.7100000000000002), class(0.71));
        assert_eq!(class(1.0000000000000002), class(1.0));
        assert_eq!(class(0.9999999999999999), class(1.0));
        // 2^53 + 1 is not a double: as a u64 it converts to 2^53, which the crate finds equal.
        let beyond = Number::from(9_007_199_254_740_993u64);
        assert_eq!(classes.class_of(&beyond), class(9_007_199_254_740_992.0));
        assert_ne!(class(1.0), class(2.0));
        assert_ne!(class(0.0), class(5e-324));
        assert_eq!(class(1.5), None);
        assert_eq!(class(1e-320), None);
        assert_eq!(class(-1.0), None);
    }

    /// Against the crate itself: around numbers of every kind (normal, at a power of two, huge,
    /// subnormal, zero, negative), listed a few units in the last place apart, a number has a
    /// class exactly when it equals a listed number, and that class is the class of every
    /// listed number it equals.
    #[test]
    fn classes_agree_with_the_crates_equality_near_every_kind_of_number() {
        let bases = [
            1.0,
            0.71,
            2.0,
            1e300,
            5e-324,
            0.0,
            -3.5,
            f64::MIN_POSITIVE,
            4096.0,
        ];
        for base in bases {
            for spacing in [1, 2, 3, 4, 5] {
                let listed: Vec<f64> = (-2..=2).map(|k| step(base, k * spacing)).collect();
                let classes = NumberClasses::new(listed.clone());
                for j in -14..=14 {
                    let x = step(base, j);
                    let equal: Vec<usize> = listed
                        .iter()
                        .filter(|&&y| library_equal(x, y))
                        .map(|&y| classes.class_of(&number(y)).unwrap())
                        .collect();
                    let got = classes.class_of(&number(x));
                    assert_eq!(got.is_some(), !equal.is_empty(), "{x} near {listed:?}");
                    assert!(equal.iter().all(|&c| Some(c) == got), "{x} near {listed:?}");
                }
            }
        }
    }
}
