//! The checkout's text in the customer's language, for every view: one
//! [`I18n`] per element, provided by the root and read with [`use_i18n`].
//! It follows the `locale` attribute, `configs.acceptLanguage` and
//! `strings` live.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::format::{browser_languages, country_names, format_date_time, format_money};
use crate::core::config::{CheckoutConfig, ConfigError};
use crate::core::i18n::{Key, Notice, Strings};
use crate::core::money::Money;
use crate::core::payment_body::ElementProperties;

#[derive(Clone, Copy)]
pub struct I18n(Memo<Strings>);

impl I18n {
    /// Reading tracks the language: call inside a closure in views.
    pub fn t(self, key: Key) -> String {
        self.0.read().text(key)
    }

    /// `key`'s text as a view's text or an attribute's value, following
    /// the language. Every call gives the same closure type, so all the
    /// labels share one copy of Leptos's code for a reactive text, where a
    /// `move || i18n.t(key)` at each label makes a copy per label.
    pub fn text(self, key: Key) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    pub fn format(self, key: Key, args: &[(&str, String)]) -> String {
        self.0.read().format(key, args)
    }

    pub fn count(self, key: Key, count: u64) -> String {
        self.0.read().count(key, count, &[])
    }

    pub fn render(self, notice: &Notice) -> String {
        self.0.read().render(notice)
    }

    /// An amount as the customer's locale writes it.
    pub fn money(self, money: Money) -> String {
        format_money(money, self.0.read().number_locale())
    }

    /// "Pay 12,50 $" with the amount, "Pay" without.
    pub fn pay_label(self, amount: Option<Money>) -> String {
        match amount {
            Some(amount) => self.format(Key::PayAmount, &[("amount", self.money(amount))]),
            None => self.t(Key::Pay),
        }
    }

    pub fn date_time(self, iso: &str) -> String {
        format_date_time(iso, self.0.read().number_locale())
    }

    pub fn country(self, iso: &str) -> String {
        self.0.read().country_name(iso)
    }

    pub fn lang(self) -> String {
        self.0.read().lang().to_owned()
    }

    pub fn dir(self) -> &'static str {
        self.0.read().direction().as_str()
    }

    /// The region the customer's tag names (`fr-CD` → `CD`), if any; for
    /// a starting value, so not tracked.
    pub fn region(self) -> Option<String> {
        self.0.with_untracked(|strings| {
            let tag = strings.number_locale();
            tag.rsplit('-').next().filter(|last| last.len() == 2 && *last != tag).map(str::to_ascii_uppercase)
        })
    }
}

/// The root's: the `locale` attribute, else `configs.acceptLanguage`, else
/// the browser's languages; and the merchant's strings.
pub fn provide_i18n(config: ReadSignal<Result<CheckoutConfig, ConfigError>>, properties: ReadSignal<ElementProperties>) -> I18n {
    let browser = browser_languages();
    let strings = Memo::new(move |_| {
        let attribute = config.with(|config| config.as_ref().ok().and_then(|config| config.locale.clone()));
        let (accept_language, overrides): (Option<String>, Arc<_>) = properties.with(|properties| {
            (properties.configs.accept_language.clone(), properties.strings.clone())
        });
        // The merchant's choice is final (its chain ends in English); only
        // without one do the browser's languages take turns.
        let requested: Vec<&str> = match attribute.as_ref().or(accept_language.as_ref()) {
            Some(chosen) => vec![chosen.as_str()],
            None => browser.iter().map(String::as_str).collect(),
        };
        let strings = Strings::new(&requested, overrides);
        let names = country_names(strings.number_locale());
        strings.with_country_names(names)
    });
    let i18n = I18n(strings);
    provide_context(i18n);
    i18n
}

/// The element's text; English where no root provided one (never a panic).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n(Memo::new(|_| Strings::default())))
}
