//! Word tokens that keep every byte: runs of letters and digits, runs of white space, and
//! single other characters. Concatenating the tokens of a text gives the text back, which is
//! what lets a word diff be applied exactly.

/// The tokens of `text`, in order; their concatenation is `text`.
pub(crate) fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 3);
    let mut start = 0;
    let mut class = None;
    for (at, c) in text.char_indices() {
        let this = if c.is_alphanumeric() {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Other
        };
        if class.is_some() && (class != Some(this) || this == Class::Other) {
            out.push(&text[start..at]);
            start = at;
        }
        class = Some(this);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    Other,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_the_text() {
        let text = "We [strongly] welcome  para. 54tre’s e-waste\tlanguage.";
        let t = tokens(text);
        assert_eq!(t.concat(), text);
        assert_eq!(
            t[..8],
            ["We", " ", "[", "strongly", "]", " ", "welcome", "  "]
        );
        assert!(tokens("").is_empty());
    }
}
