// How a customer pays with each gateway on the demo page, one action at a
// time from whatever the page shows now: the chaos run calls `act` again and
// again, across reloads, retries and a re-added element, until the page
// reports `complete`. `act` resolves to true when it pressed the button
// that sends the payment.
import { fillWallet } from "../support.js";

/** Clicks if visible and enabled now; a page that moves on meanwhile is fine. */
async function clickIfReady(locator, { double = false } = {}) {
  if (!(await locator.isVisible()) || !(await locator.isEnabled())) return false;
  if (double) await locator.dblclick({ timeout: 2_000 });
  else await locator.click({ timeout: 2_000 });
  return true;
}

const checkout = (page) => page.locator("pay-checkout");

/** Presses the element's own retry, as a customer told "Try again" does. */
function retryOffered(page) {
  return clickIfReady(checkout(page).getByRole("button", { name: /^(Try again|Start again)$/ }).first());
}

export const CUSTOMERS = {
  pdirect: {
    page: "/",
    async act(page, options) {
      if (await retryOffered(page)) return true;
      const pay = checkout(page).getByRole("button", { name: /Pay \$12\.50/ });
      if (!(await pay.isVisible()) || !(await pay.isEnabled())) return false;
      // After a reload the form is empty again; a locked form resends as is.
      if (await checkout(page).getByLabel("Wallet PIN").isEditable()) await fillWallet(page);
      return clickIfReady(pay, options);
    },
  },
  universal: {
    page: "/?gateway=universal",
    async act(page, options) {
      if (await retryOffered(page)) return true;
      const email = checkout(page).getByLabel("Email");
      if (await email.isVisible()) {
        await email.fill("test@example.com");
        await clickIfReady(checkout(page).getByRole("button", { name: "Continue" }));
        return false;
      }
      const pay = checkout(page).getByRole("button", { name: /Pay KES.100\.00/ });
      if (!(await pay.isVisible())) return false;
      const phone = checkout(page).getByLabel("Phone number");
      if (await phone.isEditable()) await phone.fill("+254700000009");
      return clickIfReady(pay, options);
    },
  },
  invoice: {
    page: "/?gateway=invoice",
    async act(page, options) {
      if (await retryOffered(page)) return true;
      const number = checkout(page).getByLabel("Mobile money number");
      if (!(await number.isVisible())) return false;
      if (await number.isEditable() && (await number.inputValue()) === "") await number.fill("+243998857000");
      if (!(await checkout(page).getByText("Detected: Airtel Money.").isVisible())) return false;
      return clickIfReady(checkout(page).getByRole("button", { name: /^Pay / }), options);
    },
  },
  paygate: {
    page: "/?gateway=paygate",
    async act(page, options) {
      if (await retryOffered(page)) return true;
      if (page.url().includes("/paygate/checkout/")) {
        await clickIfReady(page.getByRole("button", { name: "Pay" }));
        return false;
      }
      return clickIfReady(checkout(page).getByRole("button", { name: /Pay GHS.50\.00 with PayGate/ }), options);
    },
  },
  moment: {
    page: "/?gateway=moment",
    async act(page, options) {
      if (await retryOffered(page)) return true;
      const frame = page.frameLocator("pay-checkout iframe.checkout-frame");
      const number = frame.getByLabel("Mobile money number");
      if (await number.isVisible()) {
        await number.fill("+243998857000");
        await clickIfReady(frame.getByRole("button", { name: "Pay" }));
        return false;
      }
      return clickIfReady(checkout(page).getByRole("button", { name: /Pay ZAR.100\.00/ }), options);
    },
  },
};

/** The submit and status routes of each gateway, where faults are armed. */
export const ROUTES = {
  pdirect: { submit: "/pdirect/api/v1/payments/collect", status: "/pdirect/api/v1/payments/status/" },
  universal: { submit: "/merchant/universal/init", status: "/merchant/universal/status" },
  invoice: { submit: "/merchant/invoice/collect", status: "/merchant/invoice/status/" },
  paygate: { submit: "/merchant/paygate/checkout", status: "/merchant/paygate/verify" },
  moment: { submit: "/merchant/moment/session", status: "/merchant/moment/session-status" },
};
