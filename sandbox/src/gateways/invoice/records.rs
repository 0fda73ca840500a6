//! Steps 2–6: parties, counterparties, invoices and their line items, and
//! publishing (IDLE → ACTIVE, after which the invoice cannot be edited).

use pay_checkout::core::money::{Currency, Money};
use serde::Deserialize;
use serde_json::{json, Value};

use super::error::ApiError;
use super::fees::FeeBearer;
use super::ledger::Ledger;
use crate::ids;

#[derive(Clone, Debug)]
pub struct Invoice {
    pub id: String,
    pub counterparty_id: String,
    pub currency: Currency,
    pub note: String,
    pub fee_bearer: FeeBearer,
    pub as_payment_link: bool,
    /// `IDLE` while items are added, `ACTIVE` once published, `PAID`.
    pub status: &'static str,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug)]
pub struct Item {
    pub name: String,
    pub qty: u64,
    pub unit_amount: Money,
}

impl Item {
    pub fn total(&self) -> Money {
        Money::from_minor_units(
            self.unit_amount.minor_units() * self.qty,
            self.unit_amount.currency(),
        )
    }

    pub fn to_json(&self) -> Value {
        json!({
            "name": self.name,
            "currency": self.unit_amount.currency().code(),
            "qty": self.qty,
            "amount": self.unit_amount.to_decimal_string(),
            "total": self.total().to_decimal_string(),
        })
    }
}

impl Invoice {
    /// The sum of the line items (zero for an empty invoice).
    pub fn total(&self) -> Money {
        let minor = self
            .items
            .iter()
            .map(|item| item.total().minor_units())
            .sum();
        Money::from_minor_units(minor, self.currency)
    }

    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "status": self.status,
            "counterparty_id": self.counterparty_id,
            "currency": self.currency.code(),
            "note": self.note,
            "fee_bearer": self.fee_bearer,
            "as_payment_link": self.as_payment_link,
            "payment_link": (self.as_payment_link && self.status != "IDLE")
                .then(|| format!("/invoice/pay/{}", self.id)),
            "items": self.items.iter().map(Item::to_json).collect::<Vec<_>>(),
            "total_amount": self.total().to_decimal_string(),
        })
    }
}

fn required<'a>(value: &'a Option<String>, field: &'static str) -> Result<&'a str, ApiError> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .ok_or_else(|| ApiError::invalid(field, format!("{field} is required")))
}

fn currency(value: &Option<String>, field: &'static str) -> Result<Currency, ApiError> {
    Currency::from_code(required(value, field)?)
        .map_err(|error| ApiError::invalid(field, error.to_string()))
}

#[derive(Deserialize)]
pub struct NewParty {
    name: Option<String>,
    email: Option<String>,
    phone_number: Option<String>,
}

#[derive(Deserialize)]
pub struct NewCounterparty {
    party_id: Option<String>,
    relationship_type: Option<String>,
}

#[derive(Deserialize)]
pub struct NewInvoice {
    counterparty_id: Option<String>,
    currency: Option<String>,
    note: Option<String>,
    fee_bearer: Option<String>,
    as_payment_link: Option<bool>,
}

#[derive(Deserialize)]
pub struct NewItem {
    name: Option<String>,
    currency: Option<String>,
    qty: Option<u64>,
    /// The unit price, as a decimal string in major units (`"12.50"`).
    amount: Option<Value>,
}

impl Ledger {
    pub fn create_party(&mut self, body: NewParty) -> Result<Value, ApiError> {
        let party = json!({
            "id": format!("pty_{}", ids::hex(16)),
            "name": required(&body.name, "name")?,
            "email": body.email,
            "phone_number": body.phone_number,
        });
        self.parties.push(party.clone());
        Ok(json!({ "party": party }))
    }

    pub fn create_counterparty(&mut self, body: NewCounterparty) -> Result<Value, ApiError> {
        let party_id = required(&body.party_id, "party_id")?;
        if !self.parties.iter().any(|party| party["id"] == party_id) {
            return Err(ApiError::invalid(
                "party_id",
                format!("no party {party_id}"),
            ));
        }
        let relationship = required(&body.relationship_type, "relationship_type")?;
        if !matches!(relationship, "CUSTOMER" | "SUPPLIER") {
            return Err(ApiError::invalid(
                "relationship_type",
                "relationship_type is CUSTOMER or SUPPLIER",
            ));
        }
        let counterparty = json!({
            "id": format!("cpt_{}", ids::hex(16)),
            "party_id": party_id,
            "relationship_type": relationship,
        });
        self.counterparties.push(counterparty.clone());
        Ok(json!({ "counterparty": counterparty }))
    }

    pub fn create_invoice(&mut self, body: NewInvoice) -> Result<Value, ApiError> {
        let counterparty_id = required(&body.counterparty_id, "counterparty_id")?;
        let is_customer = self
            .counterparties
            .iter()
            .any(|c| c["id"] == counterparty_id && c["relationship_type"] == "CUSTOMER");
        if !is_customer {
            return Err(ApiError::invalid(
                "counterparty_id",
                "an invoice goes to a CUSTOMER counterparty",
            ));
        }
        let fee_bearer = FeeBearer::parse(required(&body.fee_bearer, "fee_bearer")?)
            .ok_or_else(|| ApiError::invalid("fee_bearer", "fee_bearer is CUSTOMER or MERCHANT"))?;
        let invoice = Invoice {
            id: format!("inv_{}", ids::hex(16)),
            counterparty_id: counterparty_id.to_owned(),
            currency: currency(&body.currency, "currency")?,
            note: body.note.unwrap_or_default(),
            fee_bearer,
            as_payment_link: body.as_payment_link.unwrap_or(false),
            status: "IDLE",
            items: Vec::new(),
        };
        let answer = json!({ "invoice": invoice.to_json() });
        self.invoices.push(invoice);
        Ok(answer)
    }

    pub fn invoice(&self, id: &str) -> Result<&Invoice, ApiError> {
        self.invoices
            .iter()
            .find(|invoice| invoice.id == id)
            .ok_or_else(|| ApiError::not_found("invoice", id))
    }

    fn invoice_mut(&mut self, id: &str) -> Result<&mut Invoice, ApiError> {
        self.invoices
            .iter_mut()
            .find(|invoice| invoice.id == id)
            .ok_or_else(|| ApiError::not_found("invoice", id))
    }

    pub fn add_item(&mut self, invoice_id: &str, body: NewItem) -> Result<Value, ApiError> {
        let invoice = self.invoice_mut(invoice_id)?;
        if invoice.status != "IDLE" {
            return Err(ApiError::conflict(
                "INVOICE_LOCKED",
                "a published invoice cannot be edited",
            ));
        }
        let item_currency = currency(&body.currency, "currency")?;
        if item_currency != invoice.currency {
            return Err(ApiError::invalid(
                "currency",
                format!("items are in the invoice's {}", invoice.currency.code()),
            ));
        }
        let qty = body
            .qty
            .filter(|qty| (1..=10_000).contains(qty))
            .ok_or_else(|| ApiError::invalid("qty", "qty is a whole number from 1 to 10000"))?;
        let amount_text = match &body.amount {
            Some(Value::String(text)) => text.clone(),
            Some(Value::Number(number)) => number.to_string(),
            _ => return Err(ApiError::invalid("amount", "amount is required")),
        };
        let unit_amount = Money::parse(&amount_text, item_currency)
            .map_err(|error| ApiError::invalid("amount", error.to_string()))?;
        let name = required(&body.name, "name")?.to_owned();
        invoice.items.push(Item {
            name,
            qty,
            unit_amount,
        });
        Ok(json!({ "invoice": invoice.to_json() }))
    }

    pub fn publish(&mut self, invoice_id: &str) -> Result<Value, ApiError> {
        let invoice = self.invoice_mut(invoice_id)?;
        if invoice.status != "IDLE" {
            return Err(ApiError::conflict(
                "INVOICE_NOT_IDLE",
                format!("the invoice is already {}", invoice.status),
            ));
        }
        if invoice.items.is_empty() {
            return Err(ApiError::conflict(
                "INVOICE_EMPTY",
                "add at least one line item before publishing",
            ));
        }
        invoice.status = "ACTIVE";
        Ok(json!({ "invoice": invoice.to_json() }))
    }
}
