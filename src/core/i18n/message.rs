//! What a catalogue entry is: one sentence, or one per plural category; and
//! how a count picks its category in each language (CLDR cardinal rules,
//! for the whole numbers the checkout counts).

/// A catalogue entry. `{name}` marks where an argument goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Message {
    Text(&'static str),
    /// Chosen by a count: `many` is French and Portuguese for millions;
    /// where it is missing, `other` serves.
    Plural {
        one: &'static str,
        many: Option<&'static str>,
        other: &'static str,
    },
}

impl Message {
    /// Every text the entry holds, for checks over the catalogue.
    pub fn texts(self) -> Vec<&'static str> {
        match self {
            Message::Text(text) => vec![text],
            Message::Plural { one, many, other } => {
                [Some(one), many, Some(other)].into_iter().flatten().collect()
            }
        }
    }

    /// The form for `category`.
    pub fn form(self, category: PluralCategory) -> &'static str {
        match (self, category) {
            (Message::Text(text), _) => text,
            (Message::Plural { one, .. }, PluralCategory::One) => one,
            (Message::Plural { many: Some(many), .. }, PluralCategory::Many) => many,
            (Message::Plural { other, .. }, _) => other,
        }
    }
}

/// The CLDR plural categories our languages use for whole numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    One,
    Many,
    Other,
}

impl PluralCategory {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "one" => Some(PluralCategory::One),
            "many" => Some(PluralCategory::Many),
            "other" => Some(PluralCategory::Other),
            _ => None,
        }
    }
}

/// The category of `count` for a BCP 47 `tag` (lower case).
///
/// - `fr`, and `pt` as Brazil writes it: 0 and 1 are "one"; whole
///   millions are "many";
/// - `pt` elsewhere (Portugal, Mozambique, Angola): only 1 is "one";
/// - `en`, `sw` and any language without its own rule here: only 1.
pub fn plural_category(tag: &str, count: u64) -> PluralCategory {
    let language = tag.split(['-', '_']).next().unwrap_or_default();
    let millions = count != 0 && count.is_multiple_of(1_000_000);
    let zero_is_one = language == "fr" || tag == "pt" || tag.starts_with("pt-br");
    match language {
        "fr" | "pt" if millions => PluralCategory::Many,
        _ if count == 1 || (count == 0 && zero_is_one) => PluralCategory::One,
        _ => PluralCategory::Other,
    }
}

/// `template` with each `{name}` replaced by its argument; a placeholder
/// with no argument is left as written.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match args.iter().find(|(arg, _)| *arg == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The `{name}`s a text uses, sorted, for checking translations.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_rules_follow_cldr_for_our_languages() {
        use PluralCategory::*;
        let table = [
            ("en", [Other, One, Other, Other]),
            ("sw", [Other, One, Other, Other]),
            ("fr", [One, One, Other, Many]),
            ("fr-cd", [One, One, Other, Many]),
            ("pt", [One, One, Other, Many]),
            ("pt-br", [One, One, Other, Many]),
            ("pt-mz", [Other, One, Other, Many]),
            ("pt-pt", [Other, One, Other, Many]),
        ];
        for (tag, expected) in table {
            let got = [0, 1, 2, 3_000_000].map(|count| plural_category(tag, count));
            assert_eq!(got, expected, "{tag}");
        }
        assert_eq!(plural_category("fr", 1_500_000), Other);
        assert_eq!(plural_category("en", 1_000_000), Other);
    }

    #[test]
    fn arguments_fill_their_placeholders_and_nothing_else() {
        let args = [("amount", "12,50 $".to_owned()), ("count", "3".into())];
        assert_eq!(fill("Pay {amount}", &args), "Pay 12,50 $");
        assert_eq!(fill("{count} of {count}", &args), "3 of 3");
        assert_eq!(fill("{missing} stays", &args), "{missing} stays");
        assert_eq!(fill("open { never closed", &args), "open { never closed");
        assert_eq!(fill("", &args), "");
        // An argument's own braces are not read again.
        let tricky = [("amount", "{count}".to_owned())];
        assert_eq!(fill("{amount}", &tricky), "{count}");
    }

    #[test]
    fn placeholders_are_listed_once_each() {
        assert_eq!(placeholders("{b} and {a}, {b}"), vec!["a", "b"]);
        assert!(placeholders("none").is_empty());
    }

    #[test]
    fn a_plain_text_serves_every_count() {
        let text = Message::Text("Pay");
        assert_eq!(text.form(PluralCategory::Many), "Pay");
        let plural = Message::Plural { one: "1 try", many: None, other: "{count} tries" };
        assert_eq!(plural.form(PluralCategory::Many), "{count} tries");
        assert_eq!(plural.texts(), vec!["1 try", "{count} tries"]);
    }
}
