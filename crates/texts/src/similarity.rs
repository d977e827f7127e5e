//! How alike two paragraphs are, from their words: each paragraph becomes a sorted set of word
//! fingerprints once, and two sets are compared by a linear merge. Jaccard similarity decides
//! whether two paragraphs are one paragraph edited; containment (how much of one lies inside
//! the other) decides splits and merges.

/// A paragraph's distinct words, fingerprinted and sorted.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSet(Vec<u64>);

impl WordSet {
    pub fn of(text: &str) -> WordSet {
        let mut set: Vec<u64> = Vec::with_capacity(text.len() / 5);
        let mut hash = SEED;
        let mut in_word = false;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            // ASCII, nearly all of a UN text, without decoding characters.
            let (alphanumeric, width) = if byte < 0x80 {
                if byte.is_ascii_alphanumeric() {
                    hash = (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(PRIME);
                }
                (byte.is_ascii_alphanumeric(), 1)
            } else {
                let c = text[at..].chars().next().unwrap_or(' ');
                if c.is_alphanumeric() {
                    for lower in c.to_lowercase() {
                        hash = (hash ^ u64::from(lower)).wrapping_mul(PRIME);
                    }
                }
                (c.is_alphanumeric(), c.len_utf8())
            };
            if alphanumeric {
                in_word = true;
            } else if in_word {
                set.push(hash);
                hash = SEED;
                in_word = false;
            }
            at += width;
        }
        if in_word {
            set.push(hash);
        }
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

/// FNV-1a over the lowercase characters of a word: computed as the text is walked, with no
/// string allocated per word, and the same on every run.
const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The word sets of a revision's paragraphs, each computed the first time it is asked for:
/// paragraphs paired by identical text never need one.
pub(crate) struct Sets<'r> {
    texts: Vec<&'r str>,
    cells: Vec<std::cell::OnceCell<WordSet>>,
}

impl<'r> Sets<'r> {
    pub fn new(revision: &'r crate::revision::Revision) -> Sets<'r> {
        Sets {
            texts: revision
                .paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .collect(),
            cells: (0..revision.paragraphs.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn get(&self, i: usize) -> &WordSet {
        self.cells[i].get_or_init(|| WordSet::of(self.texts[i]))
    }
}
