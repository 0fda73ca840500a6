// JSX typing of <pay-checkout> for React 19 apps, which set properties and
// add `on…` listeners on custom elements. Opt in once, e.g. in a .d.ts file
// of the app:   /// <reference types="pay-checkout/react" />
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type {
  Gateway,
  PayCheckoutConfig,
  PayCheckoutElement,
  PayCheckoutEventMap,
  PaymentBody,
} from "./index.js";

/** A listener for one of the element's events, as React 19 adds it. */
type CheckoutListener<K extends keyof PayCheckoutEventMap> = (event: PayCheckoutEventMap[K]) => void;

/** What `<pay-checkout>` takes in JSX: its attributes, properties and events. */
export interface PayCheckoutProps
  extends DetailedHTMLProps<HTMLAttributes<PayCheckoutElement>, PayCheckoutElement> {
  gateway?: Gateway;
  "session-url"?: string;
  "api-base"?: string;
  environment?: "sandbox" | "production";
  /** In the currency's major units, e.g. "12.50". */
  amount?: string;
  currency?: string;
  "customer-reference"?: string;
  locale?: string;
  presentation?: "inline" | "sheet";
  "return-url"?: string;
  "status-timeout"?: number | string;
  launcher?: "button" | "none";
  configs?: PayCheckoutConfig;
  paymentBody?: PaymentBody;
  fetchClientToken?: PayCheckoutElement["fetchClientToken"];
  fetchSessionStatus?: PayCheckoutElement["fetchSessionStatus"];
  onready?: CheckoutListener<"ready">;
  onstep?: CheckoutListener<"step">;
  onresponse?: CheckoutListener<"response">;
  onerror?: CheckoutListener<"error">;
  oncomplete?: CheckoutListener<"complete">;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "pay-checkout": PayCheckoutProps;
    }
  }
}
