//! The sessions this tab already reported: a return URL replayed (back
//! button, reload, a bookmarked link) shows the outcome again but never
//! emits a second `complete`. Kept in sessionStorage as `id=status` pairs;
//! ids only, nothing secret.

use crate::core::status::PaymentStatus;

/// The storage key.
pub const FINISHED_KEY: &str = "pay-checkout:finished";

/// How many sessions are remembered; the oldest go first.
const REMEMBERED: usize = 20;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Finished(Vec<(String, PaymentStatus)>);

impl Finished {
    /// Reads the stored text; pairs that do not parse (a tampered or older
    /// record) are dropped, never trusted.
    pub fn parse(text: &str) -> Self {
        let pairs = text
            .split(' ')
            .filter_map(|pair| pair.split_once('='))
            .filter(|(id, _)| is_id(id))
            .filter_map(|(id, status)| Some((id.to_owned(), status_from(status)?)))
            .collect();
        Finished(pairs)
    }

    pub fn status_of(&self, id: &str) -> Option<PaymentStatus> {
        self.0
            .iter()
            .find(|(known, _)| known == id)
            .map(|(_, status)| *status)
    }

    /// Remembers `id`; the text to store.
    pub fn record(&mut self, id: &str, status: PaymentStatus) -> String {
        self.0.retain(|(known, _)| known != id);
        self.0.push((id.to_owned(), status));
        let excess = self.0.len().saturating_sub(REMEMBERED);
        self.0.drain(..excess);
        self.0
            .iter()
            .map(|(id, status)| format!("{id}={}", status.as_str()))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn is_id(id: &str) -> bool {
    (1..=255).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn status_from(text: &str) -> Option<PaymentStatus> {
    [
        PaymentStatus::Pending,
        PaymentStatus::Approved,
        PaymentStatus::Failed,
        PaymentStatus::Cancelled,
        PaymentStatus::Expired,
    ]
    .into_iter()
    .find(|status| status.as_str() == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_session_is_known_after_a_round_trip_through_storage() {
        let mut finished = Finished::parse("");
        let text = finished.record("cs_abc", PaymentStatus::Approved);
        let text = Finished::parse(&text).record("ps_def", PaymentStatus::Expired);
        let read = Finished::parse(&text);
        assert_eq!(read.status_of("cs_abc"), Some(PaymentStatus::Approved));
        assert_eq!(read.status_of("ps_def"), Some(PaymentStatus::Expired));
        assert_eq!(read.status_of("cs_other"), None);
    }

    #[test]
    fn tampered_pairs_are_dropped_and_the_list_stays_short() {
        let read = Finished::parse("cs_a=approved <script>=approved cs_b=paid =failed cs_c");
        assert_eq!(read.status_of("cs_a"), Some(PaymentStatus::Approved));
        assert_eq!(read.0.len(), 1);
        let mut finished = Finished::default();
        let mut text = String::new();
        for n in 0..30 {
            text = finished.record(&format!("cs_{n}"), PaymentStatus::Failed);
        }
        let read = Finished::parse(&text);
        assert_eq!(read.0.len(), REMEMBERED);
        assert_eq!(read.status_of("cs_0"), None, "the oldest went first");
        assert_eq!(read.status_of("cs_29"), Some(PaymentStatus::Failed));
    }
}
