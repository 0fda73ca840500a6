//! Every sentence the customer can see, named by a stable id (the keys of
//! the `strings` property), with its English text: the last step of every
//! fallback chain, complete by construction.

use super::catalogue::{entry, nth_entry, Catalogue, ENTRY_END};

macro_rules! keys {
    ($( $(#[$doc:meta])* $key:ident = $id:literal => $kind:ident $body:tt, )*) => {
        /// A catalogue entry's name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key { $( $(#[$doc])* $key, )* }

        impl Key {
            /// Every key, in catalogue order.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
        }

        /// The ids merchants use in `strings` (`"pay.amount"`), in key
        /// order, each ended as a catalogue's entries are.
        const IDS: &str = concat!($($id, "\u{1e}",)*);

        /// English: every key's text, the last step of every fallback.
        pub(super) const ENGLISH: Catalogue = Catalogue(concat!($(entry!($kind $body), "\u{1e}",)*));
    };
}

impl Key {
    /// The id merchants use in `strings` (`"pay.amount"`).
    pub fn id(self) -> &'static str {
        nth_entry(IDS, self as usize)
    }

    pub fn from_id(id: &str) -> Option<Key> {
        let at = IDS.split(ENTRY_END).position(|known| known == id)?;
        Key::ALL.get(at).copied()
    }
}

keys! {
    AmountLabel = "amount.label" => Text("Amount to pay"),
    AmountAtCheckout = "amount.at-checkout" => Text("Amount set at checkout"),
    /// `{currency}`: its ISO code.
    AmountCurrencyAtCheckout = "amount.currency-at-checkout" => Text("{currency} (amount set at checkout)"),
    Pay = "pay" => Text("Pay"),
    /// `{amount}`: formatted for the locale.
    PayAmount = "pay.amount" => Text("Pay {amount}"),
    Processing = "pay.processing" => Text("Processing…"),
    TryAgain = "action.try-again" => Text("Try again"),
    Continue = "action.continue" => Text("Continue"),
    Confirm = "action.confirm" => Text("Confirm"),
    Done = "action.done" => Text("Done"),
    StartAgain = "action.start-again" => Text("Start again"),
    Close = "action.close" => Text("Close"),
    Choose = "action.choose" => Text("Choose…"),
    /// `{current}`, `{total}` and `{name}`: which step of how many.
    ProgressLabel = "progress.label" => Text("Step {current} of {total}: {name}"),
    ProgressDetails = "progress.details" => Text("Details"),
    ProgressConfirm = "progress.confirm" => Text("Confirm"),
    ProgressDone = "progress.done" => Text("Done"),
    ConfigProblem = "config.problem" => Text("This checkout is not set up correctly."),
    Stopped = "internal.stopped" => Text("The checkout stopped after an internal error. Reload the page to pay."),
    AwaitingTitle = "awaiting.title" => Text("Approve the payment on your phone"),
    AwaitingDetail = "awaiting.detail" => Text("This page updates as soon as your wallet answers."),
    ApprovedTitle = "result.approved" => Text("Payment approved"),
    ApprovedDetail = "result.approved.detail" => Text("Thank you. Your payment went through."),
    FailedTitle = "result.failed" => Text("Payment failed"),
    FailedDetail = "result.failed.detail" => Text("Nothing was charged. You may try another wallet."),
    CancelledTitle = "result.cancelled" => Text("Payment cancelled"),
    ExpiredTitle = "result.expired" => Text("Payment expired"),
    NothingCharged = "result.nothing-charged" => Text("Nothing was charged."),
    PendingTitle = "result.pending" => Text("Payment pending"),
    PendingDetail = "result.pending.detail" => Text("Your wallet has not answered yet. You will be notified when it does."),
    Reference = "result.reference" => Text("Reference"),
    FieldPhone = "field.phone" => Text("Phone number"),
    FieldWalletNumber = "field.wallet-number" => Text("Wallet number"),
    FieldWalletPin = "field.wallet-pin" => Text("Wallet PIN"),
    FieldFirstName = "field.first-name" => Text("First name"),
    FieldLastName = "field.last-name" => Text("Last name"),
    FieldEmail = "field.email" => Text("Email"),
    FieldCountry = "field.country" => Text("Country"),
    /// Its everyday name: the browser's ("Congo - Kinshasa") is not what
    /// people there say.
    CountryDrCongo = "country.cd" => Text("DR Congo"),
    FieldMobileNumber = "field.mobile-number" => Text("Mobile money number"),
    FieldOperator = "field.operator" => Text("Mobile money operator"),
    FieldOtp = "field.otp" => Text("Code sent to your phone"),
    /// `{example}`: a number in national form for the chosen country.
    PhoneHint = "field.phone.hint" => Text("For example {example}"),
    Required = "invalid.required" => Text("This field is required."),
    /// `{fields}`: the labels of the fields, joined.
    CheckFields = "invalid.check-fields" => Text("Check these fields: {fields}."),
    WalletNumberInvalid = "invalid.wallet-number" => Text("Enter the 8 to 20 digits of the wallet number."),
    PinInvalid = "invalid.pin" => Text("The PIN has 6 digits."),
    EmailInvalid = "invalid.email" => Text("Enter an email address like name@example.com."),
    /// `{count}`: the most characters allowed.
    TooLong = "invalid.too-long" => Plural {
        one: "Use at most {count} character.",
        many: None,
        other: "Use at most {count} characters.",
    },
    PhoneEmpty = "invalid.phone.empty" => Text("Enter a phone number."),
    PhoneNotDigits = "invalid.phone.not-digits" => Text("A phone number has only digits, spaces, dashes, dots and brackets."),
    /// `{number}`: what the customer typed, as a calling code.
    PhoneUnknownCountry = "invalid.phone.unknown-country" => Text("{number} is not a country we take mobile money from."),
    /// `{country}`, `{code}` (calling code) and `{count}` (digits after it).
    PhoneWrongLength = "invalid.phone.length" => Plural {
        one: "A number in {country} has {count} digit after +{code}.",
        many: None,
        other: "A number in {country} has {count} digits after +{code}.",
    },
    /// `{country}` and `{prefixes}`: the first digits its mobile numbers have.
    PhoneNotMobile = "invalid.phone.not-mobile" => Text("This is not a mobile number in {country}: they start with {prefixes}."),
    OperatorChoose = "operator.choose" => Text("Choose your mobile money operator."),
    OperatorFinding = "operator.finding" => Text("Finding your operator…"),
    /// `{operator}`: its name.
    OperatorDetected = "operator.detected" => Text("Detected: {operator}. Not yours? Choose another."),
    OperatorChooseShort = "operator.choose-short" => Text("Choose your operator."),
    OperatorUnknown = "operator.unknown" => Text("We could not tell the operator; choose it below."),
    InvoicePreparing = "invoice.preparing" => Text("Preparing your invoice…"),
    FeesCalculating = "fees.calculating" => Text("Calculating fees…"),
    FeesUnavailable = "fees.unavailable" => Text("The fees could not be shown; they are confirmed on your phone."),
    LineAmount = "amounts.amount" => Text("Amount"),
    LineFee = "amounts.fee" => Text("Fee"),
    LineFeeShop = "amounts.fee-shop" => Text("Fee (paid by the shop)"),
    LineTotal = "amounts.total" => Text("Total"),
    LineRate = "amounts.rate" => Text("Exchange rate"),
    LineWalletPays = "amounts.wallet-pays" => Text("You pay from your wallet"),
    /// `{count}`: how many of the item.
    Quantity = "amounts.quantity" => Text("× {count}"),
    WaitingLive = "invoice.waiting-live" => Text("Waiting for your wallet's answer."),
    CheckingWallet = "invoice.checking" => Text("Checking with your wallet…"),
    ReceiptTitle = "receipt.title" => Text("Receipt"),
    PaidWith = "receipt.paid-with" => Text("Paid with"),
    PaidAt = "receipt.paid-at" => Text("Paid at"),
    PrintReceipt = "receipt.print" => Text("Print receipt"),
    ReceiptUnavailable = "receipt.unavailable" => Text("The receipt is not available yet; your reference identifies the payment."),
    MoreInformation = "universal.more-information" => Text("The payment provider needs a little more information."),
    FieldRefused = "universal.field-refused" => Text("The payment provider did not accept this value. Check it and continue."),
    OtpSent = "otp.sent" => Text("We sent a code to your phone. Enter it to confirm the payment."),
    OtpWrong = "otp.wrong" => Text("That code is not right. Check the message and try again."),
    /// `{count}`: codes the customer may still try.
    OtpAttemptsLeft = "otp.attempts-left" => Plural {
        one: "{count} attempt left",
        many: None,
        other: "{count} attempts left",
    },
    ToPaymentPage = "redirect.payment-page" => Text("Taking you to the payment page…"),
    PaygateHint = "paygate.hint" => Text("You will finish paying on PayGate's secure page, then come back here."),
    PaygatePay = "paygate.pay" => Text("Pay with PayGate"),
    /// `{amount}`: formatted for the locale.
    PaygatePayAmount = "paygate.pay-amount" => Text("Pay {amount} with PayGate"),
    ToPaygate = "paygate.leaving" => Text("Taking you to PayGate…"),
    SheetTitle = "sheet.title" => Text("Secure checkout"),
    MomentFrameTitle = "moment.frame-title" => Text("Moment secure checkout"),
    MomentOpening = "moment.opening" => Text("Opening the secure checkout…"),
    ToBank = "moment.leaving" => Text("Taking you to your bank to confirm…"),
    ErrorNetwork = "error.network" => Text("We could not reach the payment service. Check your connection and try again: you will not be charged twice."),
    ErrorTimeout = "error.timeout" => Text("The payment service is taking too long. Try again: you will not be charged twice."),
    ErrorUnavailable = "error.unavailable" => Text("The payment service is busy. Try again in a moment: you will not be charged twice."),
    ErrorUnreadable = "error.unreadable" => Text("The payment service sent an answer we could not read. Try again: you will not be charged twice."),
    ErrorSessionExpired = "error.session-expired" => Text("The payment session expired. Try again."),
    ErrorCancelled = "error.cancelled" => Text("The payment was cancelled. Nothing was charged."),
    ErrorRedirectBlocked = "error.redirect-blocked" => Text("The payment page could not be opened safely. Nothing was charged."),
    ErrorInvalidReturn = "error.invalid-return" => Text("This link does not lead to a payment we know. Nothing was charged; you can start again."),
    ErrorDeclined = "error.declined" => Text("The wallet declined the payment. Check the PIN or try another wallet."),
    ErrorInsufficientFunds = "error.insufficient-funds" => Text("There is not enough money in the wallet for this payment."),
    ErrorAccountProblem = "error.account" => Text("This wallet cannot pay right now. Try another wallet."),
    ErrorCheckField = "error.check-field" => Text("Check the highlighted field and try again."),
    ErrorMerchant = "error.merchant" => Text("The shop's checkout is not set up correctly. Nothing was charged; please contact the shop."),
    /// `{code}`: the gateway's own code, for the shop's support.
    ErrorRefused = "error.refused" => Text("The payment was refused (code {code}). Nothing was charged."),
    MayHaveGoneThrough = "resume.may-have-gone-through" => Text("Your last payment may have gone through. Enter your details and press Pay again: you will not be charged twice."),
    NotReached = "invoice.not-reached" => Text("The payment did not reach the gateway. Press Pay to send it again: you will not be charged twice."),
    NotConfirmed = "invoice.not-confirmed" => Text("The payment could not be confirmed. Press Pay to check it again: you will not be charged twice."),
}
