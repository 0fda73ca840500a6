// Mistakes the public types must catch. Every line marked `misuse:` must get
// a compile error, and no other line may (run.mjs checks both).
import { createCheckout, defineCheckout, type PaymentBody } from "pay-checkout";
import { CheckoutHandle } from "pay-checkout"; // misuse: the wasm's internals are not public
import { initSync } from "pay-checkout"; // misuse: nor is the glue's init
import "pay-checkout/pay_checkout.js"; // misuse: the glue is not an entry point

const element = document.createElement("pay-checkout");

void defineCheckout({ wasmURL: "/x.wasm" }); // misuse: the option is wasmUrl
void defineCheckout({ tagName: 42 }); // misuse: a tag name is a string
element.configs = { isProduction: "no" }; // misuse: isProduction is a boolean
element.configs = { token: "t", secretKey: "sk_test_x" }; // misuse: no such field, and no secrets here
const body: PaymentBody = { amount: 12.5 }; // misuse: amounts are decimal strings
element.paymentBody = { feeCoveredBy: "nobody" }; // misuse: buyer or merchant
element.paymentBody = { paymentMethod: "card" }; // misuse: only the wallet is sent from the page
element.addEventListener("response", (event) => event.detail.errorCode); // misuse: a response has no errorCode
element.addEventListener("error", (event) => event.detail.lineno); // misuse: error is the checkout's, not an ErrorEvent
element.addEventListener("complete", (event) => event.detail.amount); // misuse: complete carries no amount
const status: "paid" = (null as unknown as CustomEvent<import("pay-checkout").CompleteDetail>).detail.paymentStatus; // misuse: no "paid" status
element.launch("now"); // misuse: launch takes nothing
createCheckout({ onSuccess: () => undefined }); // misuse: fetchClientToken is required
element.strings = { "pay.amount": 12 }; // misuse: a text is a string
element.strings = { "otp.attempts-left": { one: "{count} try" } }; // misuse: plural forms need other
void body;
void status;
