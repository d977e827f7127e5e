//! How alike two paragraphs are, from their words: each paragraph becomes a sorted set of word
//! fingerprints once, and two sets are compared by a linear merge. Jaccard similarity decides
//! whether two paragraphs are one paragraph edited; containment (how much of one lies inside
//! the other) decides splits and merges.

use std::hash::{Hash, Hasher};

/// A paragraph's distinct words, fingerprinted and sorted.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSet(Vec<u64>);

impl WordSet {
    pub fn of(text: &str) -> WordSet {
        let mut set: Vec<u64> = crate::words::words(text).map(|w| fingerprint(&w)).collect();
        set.sort_unstable();
        set.dedup();
        WordSet(set)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The number of words in both sets.
    pub fn common(&self, other: &WordSet) -> usize {
        let (mut i, mut j, mut n) = (0, 0, 0);
        let (a, b) = (&self.0, &other.0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }

    /// Jaccard similarity: common words over all words. Two empty paragraphs are alike.
    pub fn jaccard(&self, other: &WordSet) -> f32 {
        let common = self.common(other);
        let union = self.len() + other.len() - common;
        if union == 0 {
            1.0
        } else {
            common as f32 / union as f32
        }
    }

    /// The share of this paragraph's words found in `other`.
    pub fn within(&self, other: &WordSet) -> f32 {
        if self.0.is_empty() {
            0.0
        } else {
            self.common(other) as f32 / self.len() as f32
        }
    }

    /// The union of several sets.
    pub fn union<'a>(sets: impl IntoIterator<Item = &'a WordSet>) -> WordSet {
        let mut all: Vec<u64> = sets.into_iter().flat_map(|s| s.0.iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        WordSet(all)
    }
}

fn fingerprint(word: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    word.hash(&mut hasher);
    hasher.finish()
}
