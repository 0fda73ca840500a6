// The custom-element shim: a small class that forwards the element's
// lifecycle to a per-instance Rust handle. Everything that decides lives in
// Rust; this file only does what must be a JavaScript class.

// One constructed stylesheet per CSS text, shared by every instance: cheap to
// adopt, and allowed by a strict `style-src 'self'` policy, unlike <style>.
const sheets = new Map();

function adoptStyles(root, cssText) {
  if (!("adoptedStyleSheets" in root) || typeof CSSStyleSheet.prototype.replaceSync !== "function") {
    const style = document.createElement("style");
    style.textContent = cssText;
    root.append(style);
    return;
  }
  let sheet = sheets.get(cssText);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    sheets.set(cssText, sheet);
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

// Properties for apps (Angular and React set these, not attributes).
// `fetchClientToken` and `fetchSessionStatus` are the page's functions for
// the hosted checkouts; Rust reads them through these getters when needed.
const PROPERTIES = ["configs", "paymentBody", "strings", "fetchClientToken", "fetchSessionStatus"];

const GATEWAYS = ["pdirect", "universal", "invoice", "moment", "paygate"];
const STOPPED_MESSAGE = "The checkout stopped after an internal error. Reload the page to pay.";

// Elements in the page, with where each one renders: after an internal
// error the module cannot be trusted to run again, so this side tells them.
const mountPoints = new Map();
let stopped = false;
// Each element's notice in its customer's language, given while it runs.
const stoppedTexts = new WeakMap();

/** Called by each element's view with its text for the notice below. */
export function rememberStoppedText(element, text, lang) {
  stoppedTexts.set(element, { text, lang });
}

function showStopped(element, mountPoint) {
  const notice = document.createElement("p");
  const own = stoppedTexts.get(element);
  notice.setAttribute("role", "alert");
  notice.setAttribute("part", "error");
  notice.setAttribute("lang", own?.lang ?? "en");
  notice.textContent = own?.text ?? STOPPED_MESSAGE;
  mountPoint.replaceChildren(notice);
  const gateway = element.getAttribute("gateway")?.trim().toLowerCase();
  const detail = {
    gateway: GATEWAYS.includes(gateway) ? gateway : "pdirect",
    errorCode: "INTERNAL_ERROR",
    message: STOPPED_MESSAGE,
    retryable: false,
  };
  element.dispatchEvent(new CustomEvent("error", { detail, bubbles: true, composed: true }));
}

/**
 * Every element in the page shows a notice and dispatches `error` with
 * `INTERNAL_ERROR`, and no element calls into the module again. Plain
 * JavaScript on purpose: the module's own state may be half-updated. Called
 * by the panic hook before the module traps, where a panic runs one (debug
 * builds), and on the trap itself otherwise (below).
 */
export function reportInternalError() {
  if (stopped) return;
  stopped = true;
  for (const [element, mountPoint] of mountPoints) showStopped(element, mountPoint);
}

// A release module panics by trapping at once: no hook runs, so the trap is
// what this side hears. It is a WebAssembly.RuntimeError whose stack names
// the module (`pay_checkout`, scripts/finish-wasm-module.mjs), or its glue or
// file, in a bundled app as in a plain page; another module's trap is none
// of ours. A panic's message never reaches the console: the module has none.
function isOwnTrap(error) {
  return error instanceof WebAssembly.RuntimeError && String(error.stack).includes("pay_checkout");
}

/** Stops every checkout if `error` is the module's trap; says whether it was. */
function stopOnOwnTrap(error) {
  if (!isOwnTrap(error)) return false;
  if (!stopped) console.error("pay-checkout: internal error; the checkout has stopped");
  reportInternalError();
  return true;
}

// A trap in a task the browser ran (an event listener, a timer, a future's
// wake-up) is reported to the window, or as an unhandled rejection.
let watchingForTraps = false;

function watchForTraps() {
  if (watchingForTraps) return;
  watchingForTraps = true;
  addEventListener("error", (event) => stopOnOwnTrap(event.error));
  addEventListener("unhandledrejection", (event) => stopOnOwnTrap(event.reason));
}

// Leptos builds each view's static markup once, through `innerHTML` on a
// <template>: a page that enforces Trusted Types (`require-trusted-types-for
// 'script'`) blocks that unless a default policy vouches for the string. The
// element adds one, only if the page has none, and it passes only markup
// with no script, no event-handler attribute and no script URL; script and
// script-URL sinks stay blocked. Without enforcement the policy is never
// called.
const UNSAFE_MARKUP = /<\s*(script|iframe|object|embed|base|meta|link|style)\b|\son[a-z]+\s*=|javascript:|data:text\/html/i;

function allowTemplateMarkup() {
  const trustedTypes = globalThis.trustedTypes;
  if (!trustedTypes?.createPolicy || trustedTypes.defaultPolicy) return;
  try {
    trustedTypes.createPolicy("default", {
      createHTML: (markup) => (UNSAFE_MARKUP.test(markup) ? null : markup),
    });
  } catch {
    // The page's `trusted-types` directive does not allow `default`: the
    // element then needs the page's own default policy to pass its markup.
  }
}

/**
 * Defines `tagName` unless something already did. Returns whether it did.
 *
 * `createHandle(host, mountPoint)` returns the Rust handle of one element,
 * with `connected()`, `disconnected()` and `attributeChanged(name)`.
 */
export function defineElement(tagName, observedAttributes, cssText, createHandle) {
  if (customElements.get(tagName)) return false;
  allowTemplateMarkup();
  watchForTraps();
  const attributes = Array.from(observedAttributes);

  class PayCheckoutElement extends HTMLElement {
    static get observedAttributes() {
      return attributes;
    }

    #handle = null;
    #mountPoint = null;
    #properties = {};

    /**
     * Calls the Rust handle, unless an internal error stopped the module.
     * A trap in the call stops every checkout and goes no further: the
     * page's own code (a property set, `launch()`) hears of it only as the
     * `error` event.
     */
    #call(method, ...args) {
      if (stopped) return;
      try {
        this.#handle?.[method](...args);
      } catch (error) {
        if (!stopOnOwnTrap(error)) throw error;
      }
    }

    connectedCallback() {
      if (stopped) {
        if (!mountPoints.has(this)) {
          const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
          this.#mountPoint ??= root.appendChild(document.createElement("div"));
          mountPoints.set(this, this.#mountPoint);
          showStopped(this, this.#mountPoint);
        }
        return;
      }
      if (!this.#mountPoint) {
        // A property set before the element was defined is an own property
        // that hides the setter: take it and set it again through it.
        for (const name of PROPERTIES) {
          if (Object.prototype.hasOwnProperty.call(this, name)) {
            const value = this[name];
            delete this[name];
            this.#properties[name] = value;
          }
        }
        const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
        adoptStyles(root, cssText);
        const mountPoint = document.createElement("div");
        mountPoint.setAttribute("part", "container");
        root.append(mountPoint);
        this.#mountPoint = mountPoint;
      }
      // Listed before the Rust side runs, so that a fault in it stops this
      // element too.
      mountPoints.set(this, this.#mountPoint);
      if (!this.#handle) {
        // First connection, or back after a removal: the Rust side is made
        // afresh and given the page's properties again.
        try {
          this.#handle = createHandle(this, this.#mountPoint);
        } catch (error) {
          if (!stopOnOwnTrap(error)) throw error;
        }
        for (const [name, value] of Object.entries(this.#properties)) {
          this.#call("propertyChanged", name, value);
        }
      }
      this.#call("connected");
    }

    disconnectedCallback() {
      // A move (remove then insert in the same task) must not remount:
      // unmount only if the element is still out of the document after the
      // current task's synchronous work.
      queueMicrotask(() => {
        if (this.isConnected) return;
        mountPoints.delete(this);
        this.#call("disconnected");
        // Freed now, not whenever the page's garbage collector reaches the
        // element: a page that adds and removes checkouts keeps nothing of
        // the ones it removed.
        if (!stopped) this.#handle?.free();
        this.#handle = null;
      });
    }

    get configs() {
      return this.#properties.configs;
    }

    set configs(value) {
      this.#setProperty("configs", value);
    }

    get paymentBody() {
      return this.#properties.paymentBody;
    }

    set paymentBody(value) {
      this.#setProperty("paymentBody", value);
    }

    get strings() {
      return this.#properties.strings;
    }

    set strings(value) {
      this.#setProperty("strings", value);
    }

    get fetchClientToken() {
      return this.#properties.fetchClientToken;
    }

    set fetchClientToken(value) {
      this.#setProperty("fetchClientToken", value);
    }

    get fetchSessionStatus() {
      return this.#properties.fetchSessionStatus;
    }

    set fetchSessionStatus(value) {
      this.#setProperty("fetchSessionStatus", value);
    }

    /** Opens the sheet, or starts an inline checkout. */
    launch() {
      this.#call("command", "launch");
    }

    /** Closes the sheet; a payment not yet finished is cancelled. */
    close() {
      this.#call("command", "close");
    }

    /** Back to the first step, as if the element had just been added. */
    reset() {
      this.#call("reset");
    }

    #setProperty(name, value) {
      this.#properties[name] = value;
      this.#call("propertyChanged", name, value);
    }

    attributeChangedCallback(name, oldValue, newValue) {
      // Before the first connection the handle reads every attribute itself.
      if (oldValue !== newValue) this.#call("attributeChanged", name);
    }
  }

  customElements.define(tagName, PayCheckoutElement);
  return true;
}
