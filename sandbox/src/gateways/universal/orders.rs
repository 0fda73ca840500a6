//! One order of the universal gateway and how it moves between statuses.
//!
//! The sandbox test data decide the path, from the customer's phone number
//! (`customer_id`): ending 0002 insufficient funds, 0003 never resolves,
//! 0004 OTP (`123456` succeeds, `000000` is declined), 0005 payment page;
//! anything else succeeds two seconds after it is in progress. Every order
//! needs `extra.customer_email` (the Universal Flow asks for it). A b2c
//! payout to a phone ending 0006 answers `confirm_type` 1 and waits for a
//! second `payment_b2c` with `extra.confirmation_code` `123456`.

use serde_json::{json, Value};

use super::answer::{code, order_answer, status};
use pay_checkout::core::validation::is_email;

pub const GOOD_OTP: &str = "123456";
pub const CONFIRMATION_CODE: &str = "123456";
pub const DECLINE_OTP: &str = "000000";
const MAX_OTP_ATTEMPTS: u32 = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Status 8: `extra.customer_email` is missing or invalid.
    DataRequired,
    /// Status 1, "OTP sent": waiting for `extra.otp`.
    AwaitingOtp { attempts: u32 },
    /// Status 8 with `pp_url`: the customer pays on the hosted page.
    PaymentPage,
    /// Status 0 with `confirm_type` 1: a b2c payout waits for the
    /// merchant's second, confirming request.
    AwaitingConfirmation,
    /// Status 1: the provider is working on it.
    InProgress,
    /// 2, 3 or 4, with the result code and message.
    Final {
        status: i64,
        code: i64,
        message: String,
    },
}

#[derive(Clone, Debug)]
pub struct Order {
    pub order_id: String,
    pub transaction_id: String,
    pub customer_id: String,
    pub callback_url: Option<String>,
    pub return_url: Option<String>,
    pub page_token: String,
    pub stage: Stage,
    /// The INIT answer, replayed for the same order_id.
    pub init_answer: Value,
}

impl Order {
    fn ends_with(&self, suffix: &str) -> bool {
        self.customer_id.ends_with(suffix)
    }

    /// Where the order goes once its data is complete.
    pub fn after_data(&self) -> Stage {
        if self.ends_with("0004") {
            Stage::AwaitingOtp { attempts: 0 }
        } else {
            Stage::InProgress
        }
    }

    /// The first stage, from the INIT data.
    pub fn first_stage(&self, init_email: Option<&str>, payout: bool) -> Stage {
        if payout && self.ends_with("0006") && init_email.is_some_and(is_email) {
            Stage::AwaitingConfirmation
        } else if self.ends_with("0005") {
            Stage::PaymentPage
        } else if init_email.is_some_and(is_email) {
            self.after_data()
        } else {
            Stage::DataRequired
        }
    }

    /// What an in-progress order settles to; `None` for one that never does.
    pub fn settlement(&self) -> Option<Stage> {
        if self.ends_with("0003") {
            None
        } else if self.ends_with("0002") {
            Some(final_stage(
                status::FAILED,
                code::INSUFFICIENT_FUNDS,
                "Insufficient funds",
            ))
        } else {
            Some(final_stage(status::SUCCESS, code::OK, "OK"))
        }
    }

    /// STATUS with `extra`: completes data, checks the OTP. Nothing in
    /// `extra` is saved into the order's INIT data.
    pub fn apply_status_extra(&mut self, extra: Option<&Value>) -> Option<Value> {
        let text = |name: &str| {
            extra
                .and_then(|extra| extra.get(name))
                .and_then(Value::as_str)
        };
        match self.stage.clone() {
            Stage::DataRequired => match text("customer_email") {
                Some(email) if is_email(email) => {
                    self.stage = self.after_data();
                    None
                }
                Some(_) => {
                    Some(self.data_required(&["The customer email must be a valid email address."]))
                }
                None => Some(self.data_required(&["The customer email field is required."])),
            },
            Stage::AwaitingOtp { attempts } => match text("otp") {
                Some(GOOD_OTP) => {
                    self.stage = final_stage(status::SUCCESS, code::OK, "OK");
                    None
                }
                Some(DECLINE_OTP) => {
                    self.stage = final_stage(
                        status::FAILED,
                        code::DECLINED,
                        "Declined by the customer's wallet",
                    );
                    None
                }
                Some(_) if attempts + 1 >= MAX_OTP_ATTEMPTS => {
                    self.stage =
                        final_stage(status::FAILED, code::WRONG_OTP, "Too many wrong codes");
                    None
                }
                Some(_) => {
                    self.stage = Stage::AwaitingOtp {
                        attempts: attempts + 1,
                    };
                    Some(self.answer_with(
                        status::IN_PROGRESS,
                        (code::WRONG_OTP, "Wrong OTP, try again"),
                        "OTP sent",
                    ))
                }
                None => None,
            },
            _ => None,
        }
    }

    /// The answer for the order as it stands.
    pub fn answer(&self, page_url: &str) -> Value {
        match &self.stage {
            Stage::DataRequired => self.data_required(&["The customer email field is required."]),
            Stage::AwaitingOtp { .. } => {
                self.answer_with(status::IN_PROGRESS, (code::OK, "OK"), "OTP sent")
            }
            Stage::PaymentPage => {
                let mut answer =
                    self.answer_with(status::DATA_REQUIRED, (code::OK, "request error"), "");
                answer["pp_url"] = json!(page_url);
                answer
            }
            Stage::AwaitingConfirmation => {
                let mut answer =
                    self.answer_with(status::INITIATED, (code::OK, "OK"), "Confirmation required");
                answer["confirm_type"] = json!(1);
                answer
            }
            Stage::InProgress => self.answer_with(status::IN_PROGRESS, (code::OK, "OK"), "Good"),
            Stage::Final {
                status,
                code,
                message,
            } => self.answer_with(*status, (*code, message), message),
        }
    }

    /// Status 8 with the `action` block: only STATUS answers carry it.
    fn data_required(&self, errors: &[&str]) -> Value {
        let mut answer = self.answer_with(status::DATA_REQUIRED, (code::OK, "request error"), "");
        answer["action"] = json!({
            "fields": {
                "customer_email": {
                    "type": "email",
                    "label": "Email",
                    "required": true,
                    "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                }
            },
            "errors": { "customer_email": errors },
        });
        answer
    }

    pub fn answer_with(&self, status: i64, result: (i64, &str), provider_message: &str) -> Value {
        order_answer(
            &self.order_id,
            &self.transaction_id,
            status,
            result,
            provider_message,
            None,
        )
    }

    /// The second `payment_b2c` of a payout awaiting confirmation; `None`
    /// when this request carries no confirmation (a plain replay).
    pub fn confirm(&mut self, request: &Value) -> Option<Value> {
        let code = request
            .pointer("/extra/confirmation_code")
            .and_then(Value::as_str)?;
        if self.stage != Stage::AwaitingConfirmation {
            return None;
        }
        if code == CONFIRMATION_CODE {
            self.stage = Stage::InProgress;
            Some(self.answer(""))
        } else {
            let mut answer = self.answer_with(
                status::INITIATED,
                (code::WRONG_OTP, "Wrong confirmation code"),
                "",
            );
            answer["confirm_type"] = json!(1);
            Some(answer)
        }
    }

    pub fn is_final(&self) -> bool {
        matches!(self.stage, Stage::Final { .. })
    }
}

pub fn final_stage(status: i64, code: i64, message: &str) -> Stage {
    Stage::Final {
        status,
        code,
        message: message.to_owned(),
    }
}
