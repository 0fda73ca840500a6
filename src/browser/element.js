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

/**
 * Defines `tagName` unless something already did. Returns whether it did.
 *
 * `createHandle(host, mountPoint)` returns the Rust handle of one element,
 * with `connected()`, `disconnected()` and `attributeChanged(name)`.
 */
export function defineElement(tagName, observedAttributes, cssText, createHandle) {
  if (customElements.get(tagName)) return false;
  const attributes = Array.from(observedAttributes);

  class PayCheckoutElement extends HTMLElement {
    static get observedAttributes() {
      return attributes;
    }

    #handle = null;

    connectedCallback() {
      if (!this.#handle) {
        const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
        adoptStyles(root, cssText);
        const mountPoint = document.createElement("div");
        mountPoint.setAttribute("part", "container");
        root.append(mountPoint);
        this.#handle = createHandle(this, mountPoint);
      }
      this.#handle.connected();
    }

    disconnectedCallback() {
      // A move (remove then insert in the same task) must not remount:
      // unmount only if the element is still out of the document after the
      // current task's synchronous work.
      queueMicrotask(() => {
        if (!this.isConnected) this.#handle?.disconnected();
      });
    }

    attributeChangedCallback(name, oldValue, newValue) {
      // Before the first connection the handle reads every attribute itself.
      if (oldValue !== newValue) this.#handle?.attributeChanged(name);
    }
  }

  customElements.define(tagName, PayCheckoutElement);
  return true;
}
