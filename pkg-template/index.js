// pay-checkout: the entry merchants import. It loads the WebAssembly module
// once and, from it, defines the <pay-checkout> element.
import init, { defineElement } from "./pay_checkout.js";

const DEFAULT_TAG_NAME = "pay-checkout";

let loading = null;

function inBrowser() {
  return typeof window !== "undefined" && typeof customElements !== "undefined";
}

/**
 * Loads the wasm (once; concurrent callers share the load) and defines the
 * element. `<pay-checkout>` is always defined; `tagName` defines the same
 * element under another name as well. Outside a browser (Node, server
 * rendering) it does nothing.
 */
export function defineCheckout({ wasmUrl, tagName } = {}) {
  if (!inBrowser()) return Promise.resolve();
  if (!loading) {
    const moduleOrPath = wasmUrl ?? new URL("./pay_checkout_bg.wasm", import.meta.url);
    loading = init({ module_or_path: moduleOrPath }).catch((cause) => {
      loading = null; // a later call may try again
      throw new Error(`pay-checkout: could not load ${moduleOrPath}: ${cause}`, { cause });
    });
  }
  return loading.then(() => {
    if (tagName && tagName !== DEFAULT_TAG_NAME) defineElement(tagName);
  });
}
