//! `mmo-provider-info`'s knowledge is the element's own table of operators
//! and their prefixes, so the simulator and the element agree.

pub use pay_checkout::core::phone::operators::{detect, find, serves};

/// The payment method every provider here offers.
pub const MOBILE_MONEY: &str = "MOBILE_MONEY";
