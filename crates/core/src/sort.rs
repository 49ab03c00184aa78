//! Stable sorting through one copy of the standard library's sort. Every `sort_by` with its own
//! closure or element type is another copy of the whole sort in the app's wasm (1–5 KB of code
//! each; the app had 20 of them). [`sort_by`] sorts positions with the comparison behind a
//! `dyn`, so its callers share one copy, and then moves the items into place. Stable like
//! `slice::sort_by`: equal items keep their order. For short lists (facets, districts, map
//! clusters); the result list of up to 100,000 hits is sorted in place (`query.rs`), where
//! moving them afterwards cost 4 ms per keystroke.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    sort_positions(&mut order, &|a, b| {
        compare(&items[a as usize], &items[b as usize])
    });
    permute(items, order);
}

/// The standard sort of positions, by a comparison of the items at them.
#[inline(never)]
fn sort_positions(order: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    order.sort_by(|a, b| compare(*a, *b));
}

/// Puts `items[order[k]]` at position `k`, following each cycle of the permutation once.
fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
    const DONE: u32 = u32::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at] as usize;
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_the_standard_library_does() {
        // A small linear congruential sequence: many ties, every length up to 64.
        let mut seed = 7u32;
        for len in 0..64 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|(key, _)| *key);
            let mut compared = items.clone();
            sort_by(&mut compared, |a, b| a.0.cmp(&b.0));
            assert_eq!(compared, expected, "length {len}, by comparison");
            let mut reversed = items;
            sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
            expected.sort_by_key(|item| std::cmp::Reverse(item.0));
            assert_eq!(reversed, expected, "length {len}, descending");
        }
    }

    #[test]
    fn moves_items_that_are_not_copy() {
        let mut names: Vec<String> = ["Olpe", "Altena", "Siegen", "Attendorn", "Olpe"]
            .map(String::from)
            .to_vec();
        sort_by(&mut names, |a, b| a.cmp(b));
        assert_eq!(names, ["Altena", "Attendorn", "Olpe", "Olpe", "Siegen"]);
    }
}
