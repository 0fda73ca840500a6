// How a merchant's TypeScript uses the package. Compiled with --strict and
// without skipLibCheck, it must pass: every line here is a promise of the
// public types.
import {
  createCheckout,
  defineCheckout,
  type Checkout,
  type CompleteDetail,
  type ErrorDetail,
  type PayCheckoutConfig,
  type PayCheckoutElement,
  type PaymentBody,
  type PaymentStatus,
  type ResponseDetail,
} from "pay-checkout";

const loaded: Promise<void> = defineCheckout();
void defineCheckout({ wasmUrl: "/assets/pay_checkout_bg.wasm", tagName: "shop-checkout" });
void defineCheckout({ wasmUrl: new URL("https://cdn.example.com/pay_checkout_bg.wasm") });
void loaded.catch((error: unknown) => console.error(error));

// The tag name map gives the element's own type, no cast needed.
const created: PayCheckoutElement = document.createElement("pay-checkout");
const found: PayCheckoutElement | null = document.querySelector("pay-checkout");

const configs: PayCheckoutConfig = {
  token: "session-token-from-your-backend",
  isProduction: false,
  acceptLanguage: "fr",
};
const body: PaymentBody = {
  amount: "12.50",
  currency: "USD",
  customerReference: "cust_42",
  paymentMethod: "wallet",
  userInfo: "full",
  paymentMethodInfo: "full",
  feeCoveredBy: "buyer",
  deliveryBehaviour: "direct_delivery",
  notifyUrl: "https://shop.example.com/hooks/pay",
  firstName: "John",
  lastName: "Doe",
  email: "john.doe@example.com",
  phoneNumber: "+243998857000",
};
created.configs = configs;
created.paymentBody = body;
created.configs = { sessionUrl: "/merchant/pdirect/session", apiBase: "/pdirect" };
created.setAttribute("gateway", "pdirect");
// The merchant's wording: for every language, per language, plural forms.
created.strings = {
  "pay.amount": "Buy now for {amount}",
  fr: { "pay.amount": "Acheter pour {amount}", "amount.label": "À régler" },
  "otp.attempts-left": { one: "{count} try left", other: "{count} tries left" },
};
const key: import("pay-checkout").MessageKey = "result.approved";
void key;

// Each event's detail is typed by the event's name.
created.addEventListener("ready", (event) => console.log(event.detail.gateway));
created.addEventListener("step", (event) => console.log(event.detail.step));
created.addEventListener("response", (event) => {
  const detail: ResponseDetail = event.detail;
  const id: string = detail.transactionId;
  const status: PaymentStatus = detail.paymentStatus;
  const fee: string | undefined = detail.feeAmount;
  console.log(id, status, fee, detail.totalAmount, detail.createdAt);
});
created.addEventListener("error", (event) => {
  const detail: ErrorDetail = event.detail;
  const retry: boolean = detail.retryable;
  if (detail.errorCode === "SESSION_EXPIRED" || detail.errorCode === "2001") console.log(detail.message, retry);
});
function onComplete(this: PayCheckoutElement, event: CustomEvent<CompleteDetail>) {
  if (event.detail.paymentStatus === "approved") this.reset();
}
created.addEventListener("complete", onComplete, { once: true });
created.removeEventListener("complete", onComplete);
// The element is still an HTMLElement: its other events keep their types.
created.addEventListener("click", (event) => console.log(event.clientX));
found?.launch();
found?.close();

// The Moment-style API.
const checkout: Checkout = createCheckout({
  clientKey: "pk_test_sandbox",
  fetchClientToken: async () => "client-token",
  fetchSessionStatus: async (sessionId) => ({ status: "completed", sessionId }),
  onSuccess: (detail) => console.log(detail.transactionId),
  onFailure: (detail) => console.log(detail.paymentStatus),
  onCancel: () => undefined,
  onExpired: () => undefined,
  onAttemptFailed: (detail) => console.log(detail.errorCode),
  onError: (detail) => console.log(detail.message),
  amount: "100.00",
  currency: "ZAR",
  container: document.body,
});
void checkout.launch().then(() => checkout.close());
const element: PayCheckoutElement | null = checkout.element;
void element;
