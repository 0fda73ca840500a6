//! The five gateways the element speaks to, and where each one lives.

use std::fmt;
use std::str::FromStr;

/// One adapter per gateway; the id is the `gateway` attribute's value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Gateway {
    #[default]
    Pdirect,
    Universal,
    Invoice,
    Moment,
    Paygate,
}

impl Gateway {
    pub const ALL: [Gateway; 5] = [
        Gateway::Pdirect,
        Gateway::Universal,
        Gateway::Invoice,
        Gateway::Moment,
        Gateway::Paygate,
    ];

    /// The id used in attributes, event details and sandbox route prefixes.
    pub fn id(self) -> &'static str {
        match self {
            Gateway::Pdirect => "pdirect",
            Gateway::Universal => "universal",
            Gateway::Invoice => "invoice",
            Gateway::Moment => "moment",
            Gateway::Paygate => "paygate",
        }
    }

    /// Whether this build carries the gateway's checkout (its Cargo
    /// feature; all five by default).
    pub fn is_built(self) -> bool {
        match self {
            Gateway::Pdirect => cfg!(feature = "pdirect"),
            Gateway::Universal => cfg!(feature = "universal"),
            Gateway::Invoice => cfg!(feature = "invoice"),
            Gateway::Moment => cfg!(feature = "moment"),
            Gateway::Paygate => cfg!(feature = "paygate"),
        }
    }

    /// The production host named by the gateway's own documentation. The
    /// universal and invoice gateways are only ever reached through the
    /// merchant backend, so their documents name none.
    pub fn production_base(self) -> Option<&'static str> {
        match self {
            Gateway::Pdirect => Some("https://app.api.gtwy.pdirect.com"),
            Gateway::Moment => Some("https://api.momentpay.net"),
            Gateway::Paygate => Some("https://api.44.200.142.19.nip.io"),
            Gateway::Universal | Gateway::Invoice => None,
        }
    }
}

impl fmt::Display for Gateway {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Gateway {
    type Err = ();

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Gateway::ALL
            .into_iter()
            .find(|gateway| gateway.id().eq_ignore_ascii_case(value.trim()))
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_ignore_case() {
        for gateway in Gateway::ALL {
            assert_eq!(gateway.id().parse(), Ok(gateway));
            assert_eq!(gateway.id().to_uppercase().parse(), Ok(gateway));
        }
        assert_eq!("stripe".parse::<Gateway>(), Err(()));
    }
}
