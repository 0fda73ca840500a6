// pay-checkout: the entry merchants import. It loads the WebAssembly module
// once and, from it, defines the <pay-checkout> element. Importing it costs
// nothing more: wasm-bindgen's glue is imported by defineCheckout(), side by
// side with the wasm's download.

const DEFAULT_TAG_NAME = "pay-checkout";
const GATEWAYS = ["pdirect", "universal", "invoice", "moment", "paygate"];
// A second fetch of the wasm, after a short pause, rides out a dropped
// connection or a deploy in progress; a third would only delay the error.
const RETRY_AFTER_MS = 500;

let loading = null;

function inBrowser() {
  return typeof window !== "undefined" && typeof customElements !== "undefined";
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let glue = null;
const loadGlue = () => (glue ??= import("./pay_checkout.js"));

/**
 * The wasm compiles as it streams in, while the glue loads beside it; then
 * the glue instantiates the compiled module.
 */
async function compile(source) {
  const response = await fetch(source);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  if (typeof WebAssembly.compileStreaming === "function" && response.headers.get("content-type")?.startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

async function instantiate(source) {
  const [glueModule, compiled] = await Promise.all([loadGlue(), compile(source)]);
  await glueModule.default({ module_or_path: compiled });
}

async function loadWasm(source) {
  try {
    await instantiate(source);
  } catch {
    await pause(RETRY_AFTER_MS);
    glue = null;
    await instantiate(source);
  }
}

/**
 * Elements already in the page stay blank when the wasm cannot load: tell
 * each one's listeners, as the element itself would, so an app's `(error)`
 * handler hears of it.
 */
function reportToWaitingElements(tagNames, message) {
  for (const element of document.querySelectorAll(":not(:defined)")) {
    if (!tagNames.includes(element.localName)) continue;
    const gateway = element.getAttribute("gateway")?.trim().toLowerCase();
    const detail = {
      gateway: GATEWAYS.includes(gateway) ? gateway : "pdirect",
      errorCode: "NETWORK_ERROR",
      message,
      retryable: true,
    };
    element.dispatchEvent(new CustomEvent("error", { detail, bubbles: true, composed: true }));
  }
}

/**
 * Loads the wasm (once; concurrent callers share the load) and defines the
 * element. `<pay-checkout>` is always defined; `tagName` defines the same
 * element under another name as well. A failed fetch is tried once more;
 * if that fails too, the promise rejects, every element waiting in the page
 * gets an `error` event, and a later call starts afresh. Outside a browser
 * (Node, server rendering) it does nothing.
 */
export function defineCheckout({ wasmUrl, tagName } = {}) {
  if (!inBrowser()) return Promise.resolve();
  const tagNames = tagName && tagName !== DEFAULT_TAG_NAME ? [DEFAULT_TAG_NAME, tagName] : [DEFAULT_TAG_NAME];
  if (!loading) {
    const source = wasmUrl ?? new URL("./pay_checkout_bg.wasm", import.meta.url);
    loading = loadWasm(source).catch((cause) => {
      loading = null;
      const message = `The checkout could not load its WebAssembly module from ${source}: ${cause?.message ?? cause}`;
      reportToWaitingElements(tagNames, message);
      throw new Error(`pay-checkout: ${message}`, { cause });
    });
  }
  return loading.then(async () => {
    if (tagNames.length > 1) (await loadGlue()).defineElement(tagName);
  });
}

// The element's own error codes; any other code is the gateway's, given
// when it declined an attempt the customer can retry in the checkout.
const ELEMENT_ERROR_CODES = new Set([
  "NETWORK_ERROR",
  "VALIDATION_ERROR",
  "SESSION_EXPIRED",
  "CONFIG_ERROR",
  "CANCELLED",
  "TIMEOUT",
  "GATEWAY_ERROR",
  "REDIRECT_BLOCKED",
  "INTERNAL_ERROR",
]);

// Which callback a `complete` event's status calls.
const OUTCOME_CALLBACKS = {
  approved: "onSuccess",
  failed: "onFailure",
  cancelled: "onCancel",
  expired: "onExpired",
};

/**
 * The Moment SDK's `checkout()` in the browser: a `<pay-checkout
 * gateway="moment" presentation="sheet">` added to the page, opened by
 * `launch()`. Each callback is called from the element's own events
 * (`complete`, `error`), so the two styles never disagree. A return with
 * `?session_id=` is finished as soon as this is called on that page.
 */
export function createCheckout(options = {}) {
  if (!inBrowser()) return { launch() {}, close() {}, element: null };
  const element = document.createElement("pay-checkout");
  element.setAttribute("gateway", "moment");
  element.setAttribute("presentation", "sheet");
  element.setAttribute("launcher", "none");
  for (const [option, attribute] of [
    ["apiBase", "api-base"],
    ["sessionUrl", "session-url"],
    ["amount", "amount"],
    ["currency", "currency"],
    ["locale", "locale"],
  ]) {
    if (options[option] != null) element.setAttribute(attribute, String(options[option]));
  }
  element.configs = {
    clientKey: options.clientKey,
    apiBase: options.apiBase,
    paymentPageOrigins: options.paymentPageOrigins ?? [],
  };
  if (options.fetchClientToken) element.fetchClientToken = options.fetchClientToken;
  if (options.fetchSessionStatus) element.fetchSessionStatus = options.fetchSessionStatus;

  const call = (name, detail) => {
    if (typeof options[name] === "function") options[name](detail);
  };
  element.addEventListener("complete", (event) => {
    const callback = OUTCOME_CALLBACKS[event.detail.paymentStatus];
    if (callback) call(callback, event.detail);
  });
  element.addEventListener("error", (event) => {
    const attempt = event.detail.retryable && !ELEMENT_ERROR_CODES.has(event.detail.errorCode);
    call(attempt ? "onAttemptFailed" : "onError", event.detail);
  });

  const added = defineCheckout({ wasmUrl: options.wasmUrl }).then(() => {
    (options.container ?? document.body).append(element);
  });
  added.catch((cause) =>
    call("onError", { gateway: "moment", errorCode: "NETWORK_ERROR", message: String(cause), retryable: true }),
  );
  return {
    /** Opens the sheet; a fresh client token is fetched on every launch. */
    launch: () => added.then(() => element.launch()),
    /** Closes the sheet; an unfinished payment is reported as cancelled. */
    close: () => added.then(() => element.close()),
    element,
  };
}
