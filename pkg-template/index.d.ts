// Public types of the pay-checkout package, written by hand: they describe
// the element's contract, not the WebAssembly module's internals.

/** The gateway adapters the element speaks to. */
export type Gateway = "pdirect" | "universal" | "invoice" | "moment" | "paygate";

/** The step the element shows. */
export type CheckoutStep = "form" | "data-required" | "otp" | "redirect" | "awaiting" | "result";

/** Normalised payment status. */
export type PaymentStatus = "pending" | "approved" | "failed" | "cancelled" | "expired";

/** The element's own error codes; gateways' own codes pass through as strings. */
export type CheckoutErrorCode =
  | "NETWORK_ERROR"
  | "VALIDATION_ERROR"
  | "SESSION_EXPIRED"
  | "CONFIG_ERROR"
  | "CANCELLED"
  | "TIMEOUT"
  | "GATEWAY_ERROR"
  | "REDIRECT_BLOCKED"
  | "INTERNAL_ERROR"
  | (string & {});

/** `ready`: the form is interactive. */
export interface ReadyDetail {
  gateway: Gateway;
}

/** `step`: the element shows a new step. */
export interface StepDetail {
  gateway: Gateway;
  step: CheckoutStep;
}

/** `response`: a submission was accepted (the Angular SDK's `(response)`). */
export interface ResponseDetail {
  gateway: Gateway;
  transactionId: string;
  paymentStatus: PaymentStatus;
  message?: string;
  amount?: string;
  currency?: string;
  feeAmount?: string;
  totalAmount?: string;
  createdAt?: string;
}

/** `error`: an attempt failed (the Angular SDK's `(error)`). */
export interface ErrorDetail {
  gateway: Gateway;
  errorCode: CheckoutErrorCode;
  message: string;
  retryable: boolean;
}

/** `complete`: the payment's outcome is known, or the status timeout passed. */
export interface CompleteDetail {
  gateway: Gateway;
  transactionId: string;
  paymentStatus: PaymentStatus;
}

/** The events of `<pay-checkout>`, for `addEventListener`: an element's own
 * events, with `error` the checkout's (a `CustomEvent`, not an `ErrorEvent`). */
export interface PayCheckoutEventMap extends Omit<HTMLElementEventMap, "error"> {
  ready: CustomEvent<ReadyDetail>;
  step: CustomEvent<StepDetail>;
  response: CustomEvent<ResponseDetail>;
  error: CustomEvent<ErrorDetail>;
  complete: CustomEvent<CompleteDetail>;
}

/** `configs`: the Angular SDK's `PdirectPayConfig`, plus `sessionUrl` and `apiBase`. */
export interface PayCheckoutConfig {
  /** The session token your backend minted (sent as `Authorization: Bearer`). */
  token?: string;
  isProduction?: boolean;
  /** Sent to the gateway as `Accept-Language`. */
  acceptLanguage?: string;
  /** Your backend endpoint that mints a session when `token` is not given. */
  sessionUrl?: string;
  /** The gateway's base URL (for `universal`: your backend's universal routes). */
  apiBase?: string;
  /** Origins of gateway payment pages the customer may be sent to (https only). */
  paymentPageOrigins?: string[];
  /** A publishable key (`pk_test_…` / `pk_live_…`) for the hosted checkouts.
   * A secret key (`sk_…`) is refused with `CONFIG_ERROR` before any request. */
  clientKey?: string;
}

/** `paymentBody`: the Angular SDK's `PdirectPaymentBody`, camelCase; sent
 * snake_case. What it leaves out, the form asks the customer for. */
export interface PaymentBody {
  /** Bound to the session: leave unset and it is left out on the wire. */
  amount?: string;
  currency?: string;
  customerReference?: string;
  paymentMethod?: "wallet";
  userInfo?: "full" | "minimal";
  paymentMethodInfo?: "full" | "minimal";
  feeCoveredBy?: "buyer" | "merchant";
  deliveryBehaviour?: "direct_delivery" | "deferred_delivery";
  notifyUrl?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phoneNumber?: string;
  walletNumber?: string;
  walletPin?: string;
}

/** A key of the element's catalogue: every text the customer sees
 * (docs/strings.md lists each with its English text). */
export type MessageKey =
  | "amount.label"
  | "amount.at-checkout"
  | "amount.currency-at-checkout"
  | "pay"
  | "pay.amount"
  | "pay.processing"
  | "action.try-again"
  | "action.continue"
  | "action.confirm"
  | "action.done"
  | "action.start-again"
  | "action.close"
  | "action.choose"
  | "progress.label"
  | "progress.details"
  | "progress.confirm"
  | "progress.done"
  | "config.problem"
  | "internal.stopped"
  | "awaiting.title"
  | "awaiting.detail"
  | "result.approved"
  | "result.approved.detail"
  | "result.failed"
  | "result.failed.detail"
  | "result.cancelled"
  | "result.expired"
  | "result.nothing-charged"
  | "result.pending"
  | "result.pending.detail"
  | "result.reference"
  | "field.phone"
  | "field.wallet-number"
  | "field.wallet-pin"
  | "field.first-name"
  | "field.last-name"
  | "field.email"
  | "field.country"
  | "country.cd"
  | "field.mobile-number"
  | "field.operator"
  | "field.otp"
  | "field.phone.hint"
  | "invalid.required"
  | "invalid.check-fields"
  | "invalid.wallet-number"
  | "invalid.pin"
  | "invalid.email"
  | "invalid.too-long"
  | "invalid.phone.empty"
  | "invalid.phone.not-digits"
  | "invalid.phone.unknown-country"
  | "invalid.phone.length"
  | "invalid.phone.not-mobile"
  | "operator.choose"
  | "operator.finding"
  | "operator.detected"
  | "operator.choose-short"
  | "operator.unknown"
  | "invoice.preparing"
  | "fees.calculating"
  | "fees.unavailable"
  | "amounts.amount"
  | "amounts.fee"
  | "amounts.fee-shop"
  | "amounts.total"
  | "amounts.rate"
  | "amounts.wallet-pays"
  | "amounts.quantity"
  | "invoice.waiting-live"
  | "invoice.checking"
  | "receipt.title"
  | "receipt.paid-with"
  | "receipt.paid-at"
  | "receipt.print"
  | "receipt.unavailable"
  | "universal.more-information"
  | "universal.field-refused"
  | "otp.sent"
  | "otp.wrong"
  | "otp.attempts-left"
  | "redirect.payment-page"
  | "paygate.hint"
  | "paygate.pay"
  | "paygate.pay-amount"
  | "paygate.leaving"
  | "sheet.title"
  | "moment.frame-title"
  | "moment.opening"
  | "moment.leaving"
  | "error.network"
  | "error.timeout"
  | "error.unavailable"
  | "error.unreadable"
  | "error.session-expired"
  | "error.cancelled"
  | "error.redirect-blocked"
  | "error.invalid-return"
  | "error.declined"
  | "error.insufficient-funds"
  | "error.account"
  | "error.check-field"
  | "error.merchant"
  | "error.refused"
  | "resume.may-have-gone-through"
  | "invoice.not-reached"
  | "invoice.not-confirmed";

/** A text, or its plural forms where it has a `{count}`. */
export type MessageText = string | { one?: string; many?: string; other: string };

/** `strings`: your wording over the catalogue's, for every language, and
 * per language tag (`fr`, `fr-CD`, `sw`, …). A key that is not in the
 * catalogue is reported with an `error` event (`CONFIG_ERROR`). */
export type PayCheckoutStrings = { [Key in MessageKey]?: MessageText } & {
  [language: string]: MessageText | { [Key in MessageKey]?: MessageText } | undefined;
};

/** `<pay-checkout>`. Attributes: gateway, session-url, api-base, environment,
 * amount, currency, customer-reference, locale, presentation, return-url,
 * status-timeout, launcher (`button` | `none`: whether a sheet shows its own
 * Pay button), theme (`auto` | `light` | `dark`). */
export interface PayCheckoutElement extends HTMLElement {
  configs: PayCheckoutConfig | undefined;
  paymentBody: PaymentBody | undefined;
  /** Your own wording of any text, over the catalogue's. */
  strings: PayCheckoutStrings | undefined;
  /** Moment: returns a fresh client token from your backend; called on every `launch()`. */
  fetchClientToken: (() => Promise<string>) | undefined;
  /** Moment: called with the `session_id` of a return URL; resolves to at
   * least `{ status: "completed" | "failed" | "expired" | "cancelled" }`. */
  fetchSessionStatus: ((sessionId: string) => Promise<{ status: string; [key: string]: unknown }>) | undefined;
  /** Opens the sheet, or starts an inline checkout. */
  launch(): void;
  /** Closes the sheet; an unfinished payment is reported as cancelled. */
  close(): void;
  /** Back to the first step. */
  reset(): void;
  addEventListener<K extends keyof PayCheckoutEventMap>(
    type: K,
    listener: (this: PayCheckoutElement, event: PayCheckoutEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof PayCheckoutEventMap>(
    type: K,
    listener: (this: PayCheckoutElement, event: PayCheckoutEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

export interface DefineCheckoutOptions {
  /** Where to fetch the wasm from; defaults to the file beside this module. */
  wasmUrl?: string | URL;
  /** Also define the element under this name (`pay-checkout` always is). */
  tagName?: string;
}

/** Loads the wasm once and defines the element; does nothing outside a browser. */
export function defineCheckout(options?: DefineCheckoutOptions): Promise<void>;

/** The options of `createCheckout`: the Moment SDK's `checkout()` ones. */
export interface CreateCheckoutOptions {
  /** Returns a fresh client token from your backend; called on every `launch()`. */
  fetchClientToken: () => Promise<string>;
  /** Called with the `session_id` the customer returned with. */
  fetchSessionStatus?: (sessionId: string) => Promise<{ status: string; [key: string]: unknown }>;
  /** Payment approved (`complete` with `approved`). */
  onSuccess?: (detail: CompleteDetail) => void;
  /** Payment failed (`complete` with `failed`). */
  onFailure?: (detail: CompleteDetail) => void;
  /** The customer closed the checkout (`complete` with `cancelled`). */
  onCancel?: (detail: CompleteDetail) => void;
  /** An attempt was declined; the customer can retry in the checkout (`error`, gateway code). */
  onAttemptFailed?: (detail: ErrorDetail) => void;
  /** The session expired (`complete` with `expired`). */
  onExpired?: (detail: CompleteDetail) => void;
  /** The checkout could not open or go on (`error` with the element's own code). */
  onError?: (detail: ErrorDetail) => void;
  /** Your publishable key; a secret key is refused with `CONFIG_ERROR`. */
  clientKey?: string;
  /** The hosted checkout's base URL (the sandbox's `/moment` by default). */
  apiBase?: string;
  /** Used for the client token when `fetchClientToken` is not given. */
  sessionUrl?: string;
  /** Shown in the sheet; in the currency's major units, e.g. "100.00". */
  amount?: string;
  currency?: string;
  locale?: string;
  /** Origins (https) the checkout may send the customer to for authentication. */
  paymentPageOrigins?: string[];
  /** Where the element goes; `document.body` by default. */
  container?: Element;
  wasmUrl?: string | URL;
}

export interface Checkout {
  /** Opens the sheet with a fresh client token. */
  launch(): Promise<void>;
  /** Closes the sheet; an unfinished payment is reported as cancelled. */
  close(): Promise<void>;
  /** The element behind it (`null` outside a browser). */
  element: PayCheckoutElement | null;
}

/** The Moment-style programmatic API, presented as a sheet. */
export function createCheckout(options: CreateCheckoutOptions): Checkout;

declare global {
  interface HTMLElementTagNameMap {
    "pay-checkout": PayCheckoutElement;
  }
}
