//! The customer's language: catalogues for English, French, Swahili and
//! Portuguese, the merchant's overrides, plural rules and the fallback
//! chain (`fr-CD` → `fr` → `en`), so no key is ever shown.
//!
//! Which language: the `locale` attribute, else `configs.acceptLanguage`,
//! else the browser's languages, the first one we have text for. Lingala
//! readers get French (the language of DR Congo's forms), and a language
//! the merchant wrote `strings` for counts as one we have.

mod catalogue;
pub mod conventions;
mod fr;
mod keys;
mod message;
mod notices;
mod overrides;
mod pt;
mod sw;

use std::sync::Arc;

pub use keys::Key;
pub use message::{fill, placeholders, plural_category, Message, PluralCategory};
pub use notices::{Arg, Notice};
pub use overrides::{is_language_tag, Overrides, StringsError};

/// A language with a catalogue of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    En,
    Fr,
    Sw,
    Pt,
}

impl Language {
    pub const ALL: [Language; 4] = [Language::En, Language::Fr, Language::Sw, Language::Pt];

    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Sw => "sw",
            Language::Pt => "pt",
        }
    }

    /// The catalogue a primary language subtag reads.
    fn for_subtag(subtag: &str) -> Option<Language> {
        match subtag {
            "en" => Some(Language::En),
            "fr" | "ln" => Some(Language::Fr),
            "sw" => Some(Language::Sw),
            "pt" => Some(Language::Pt),
            _ => None,
        }
    }

    /// The catalogue's entry for `key`: every catalogue has every key.
    pub fn message(self, key: Key) -> Message {
        let catalogue = match self {
            Language::En => keys::ENGLISH,
            Language::Fr => fr::FR,
            Language::Sw => sw::SW,
            Language::Pt => pt::PT,
        };
        catalogue.message(key)
    }
}

/// Which way the text runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Languages written right to left.
const RTL_LANGUAGES: [&str; 11] = ["ar", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi"];

/// The text of one checkout, in the customer's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Strings {
    /// The chosen tag and its shorter forms, lower case (`fr-cd`, `fr`).
    tags: Vec<String>,
    language: Language,
    overrides: Arc<Overrides>,
    /// Countries named in the customer's language (the browser knows
    /// them); a country missing here keeps its English name.
    country_names: Arc<Vec<(&'static str, String)>>,
}

impl Default for Strings {
    fn default() -> Self {
        Strings::new(&[], Arc::default())
    }
}

impl Strings {
    /// `requested`: language tags or `Accept-Language` values, most
    /// preferred first (`fr-CD`, `fr-CD,fr;q=0.9`, `pt_BR`).
    pub fn new(requested: &[&str], overrides: Arc<Overrides>) -> Strings {
        let candidates = requested
            .iter()
            .flat_map(|value| value.split(','))
            .map(|part| part.split(';').next().unwrap_or_default().trim().replace('_', "-"))
            .filter(|tag| is_language_tag(tag))
            .map(|tag| tag.to_ascii_lowercase());
        let mut fallback_language = Language::En;
        let mut chosen = None;
        for tag in candidates {
            let tags = shorter_forms(&tag);
            let language = Language::for_subtag(primary(&tag));
            if tags.iter().any(|tag| overrides.covers(tag)) || language.is_some() {
                fallback_language = language.unwrap_or(Language::En);
                chosen = Some(tags);
                break;
            }
        }
        Strings {
            tags: chosen.unwrap_or_else(|| vec!["en".to_owned()]),
            language: fallback_language,
            overrides,
            country_names: Arc::default(),
        }
    }

    /// With the names of countries in [`Strings::number_locale`]'s language.
    pub fn with_country_names(mut self, names: Vec<(&'static str, String)>) -> Strings {
        self.country_names = Arc::new(names);
        self
    }

    /// A country of our markets by its ISO code, in the customer's words.
    pub fn country_name(&self, iso: &str) -> String {
        if iso.eq_ignore_ascii_case("CD") {
            return self.text(Key::CountryDrCongo);
        }
        let known = self.country_names.iter().find(|(code, _)| code.eq_ignore_ascii_case(iso));
        match known {
            Some((_, name)) => name.clone(),
            None => crate::core::phone::country_by_iso(iso).map_or_else(|| iso.to_owned(), |country| country.name.to_owned()),
        }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The `lang` of the text shown: the customer's tag when the text is in
    /// its language (French for `fr-CD`, the merchant's for a tag they wrote
    /// strings for), else the catalogue's language.
    pub fn lang(&self) -> &str {
        let tag = &self.tags[0];
        let own = primary(tag) == self.language.code() || self.tags.iter().any(|t| self.overrides.covers(t));
        if own {
            tag
        } else {
            self.language.code()
        }
    }

    /// The tag to format numbers, amounts and dates for.
    pub fn number_locale(&self) -> &str {
        &self.tags[0]
    }

    pub fn direction(&self) -> Direction {
        if RTL_LANGUAGES.contains(&primary(self.lang())) {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }

    pub fn text(&self, key: Key) -> String {
        self.format(key, &[])
    }

    /// The text of `key` with its `{name}` arguments.
    pub fn format(&self, key: Key, args: &[(&str, String)]) -> String {
        fill(&self.form(key, None), args)
    }

    /// A text chosen by `count` (also its `{count}` argument).
    pub fn count(&self, key: Key, count: u64, args: &[(&str, String)]) -> String {
        let mut all = vec![("count", count.to_string())];
        all.extend(args.iter().cloned());
        fill(&self.form(key, Some(count)), &all)
    }

    pub fn render(&self, notice: &Notice) -> String {
        let args: Vec<(&str, String)> = notice
            .args
            .iter()
            .map(|(name, arg)| match arg {
                Arg::Text(text) => (*name, text.clone()),
                Arg::Country(iso) => (*name, self.country_name(iso)),
            })
            .collect();
        match notice.count {
            Some(count) => self.count(notice.key, count, &args),
            None => self.format(notice.key, &args),
        }
    }

    /// The merchant's wording for the chosen tag, else the catalogue's
    /// language (English where we have none); each form picked by its own
    /// language's plural rules.
    fn form(&self, key: Key, count: Option<u64>) -> String {
        let category = |tag: &str| count.map_or(PluralCategory::Other, |count| plural_category(tag, count));
        let tag = self.tags[0].as_str();
        if let Some(forms) = self.overrides.find(&self.tags, key) {
            let pick = |wanted| forms.iter().find(|(category, _)| *category == wanted);
            if let Some((_, text)) = pick(category(tag)).or_else(|| pick(PluralCategory::Other)) {
                return text.clone();
            }
        }
        let language_tag = if primary(tag) == self.language.code() { tag } else { self.language.code() };
        self.language.message(key).form(category(language_tag)).to_owned()
    }
}

/// The primary language subtag.
fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or_default()
}

/// `zh-hant-tw` → `zh-hant-tw`, `zh-hant`, `zh`.
fn shorter_forms(tag: &str) -> Vec<String> {
    let mut forms = vec![tag.to_owned()];
    let mut rest = tag;
    while let Some((shorter, _)) = rest.rsplit_once('-') {
        forms.push(shorter.to_owned());
        rest = shorter;
    }
    forms
}

#[cfg(test)]
mod tests;
