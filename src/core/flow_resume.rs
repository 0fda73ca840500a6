//! What a PDirect checkout keeps in sessionStorage so that a reload, or the
//! element removed and added again, resumes its payment instead of paying
//! twice: the attempt's Idempotency-Key while its answer is unknown, then
//! the transaction id while the customer approves. Ids only: the body (and
//! the PIN in it) is never kept.

use super::{Attempt, Flow, Phase, Problem};
use crate::core::i18n::{Key, Strings};

/// The sessionStorage key of the PDirect resume point.
pub const RESUME_KEY: &str = "pay-checkout:pdirect:attempt";

/// Shown on the form when an attempt sent before the reload may have gone
/// through: paying again resends it under its key, so nothing is charged
/// twice.
pub const RESENT_NOTICE: Key = Key::MayHaveGoneThrough;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResumePoint {
    /// Sent, answer unknown: the next Pay resends under this key.
    Sent { idempotency_key: String },
    /// Accepted: the payment waits for the customer's approval.
    Accepted { transaction_id: String },
}

impl ResumePoint {
    /// Reads a stored value; anything not exactly what [`Self::stored`]
    /// writes (tampered, truncated, from another version) is `None`.
    pub fn parse(stored: &str) -> Option<Self> {
        if let Some(key) = stored.strip_prefix("sent:") {
            return is_uuid_v4(key).then(|| ResumePoint::Sent {
                idempotency_key: key.to_owned(),
            });
        }
        let id = stored.strip_prefix("accepted:")?;
        is_transaction_id(id).then(|| ResumePoint::Accepted {
            transaction_id: id.to_owned(),
        })
    }

    pub fn stored(&self) -> String {
        match self {
            ResumePoint::Sent { idempotency_key } => format!("sent:{idempotency_key}"),
            ResumePoint::Accepted { transaction_id } => format!("accepted:{transaction_id}"),
        }
    }
}

impl Flow {
    /// A flow picked up where a stored point left it; [`Flow::start`] then
    /// polls an accepted payment, or shows the form with the notice.
    pub fn resumed(mut self, point: ResumePoint) -> Self {
        match point {
            ResumePoint::Sent { idempotency_key } => {
                self.unresolved = Some(Attempt {
                    idempotency_key,
                    tries: 0,
                    session_renewed: false,
                });
                self.problem = Some(Problem {
                    field: None,
                    message: Strings::default().text(RESENT_NOTICE),
                    notice: RESENT_NOTICE.into(),
                });
            }
            ResumePoint::Accepted { transaction_id } => {
                self.phase = Phase::Awaiting {
                    transaction_id,
                    polls: 0,
                };
            }
        }
        self
    }

    /// What to keep now; `None` once nothing is in flight (the storage
    /// entry is then removed).
    pub fn resume_point(&self) -> Option<ResumePoint> {
        match (&self.phase, &self.unresolved) {
            (Phase::Submitting(attempt), _) | (Phase::Form, Some(attempt)) => {
                Some(ResumePoint::Sent {
                    idempotency_key: attempt.idempotency_key.clone(),
                })
            }
            (Phase::Awaiting { transaction_id, .. }, _) => Some(ResumePoint::Accepted {
                transaction_id: transaction_id.clone(),
            }),
            _ => None,
        }
    }
}

fn is_uuid_v4(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(index, &byte)| match index {
            8 | 13 | 18 | 23 => byte == b'-',
            14 => byte == b'4',
            19 => matches!(byte, b'8' | b'9' | b'a' | b'b'),
            _ => byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte),
        })
}

/// PDirect's ids are `txn_` and letters or digits.
fn is_transaction_id(text: &str) -> bool {
    text.strip_prefix("txn_").is_some_and(|rest| {
        (1..=64).contains(&rest.len()) && rest.bytes().all(|byte| byte.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
#[path = "flow_resume_tests.rs"]
mod tests;
