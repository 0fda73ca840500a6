// Lists every event of the checkout elements as a page's own script would
// receive them: one listener on document, thanks to bubbles + composed.
const EVENTS = ["ready", "step", "response", "error", "complete"];
const log = document.getElementById("event-log");

for (const type of EVENTS) {
  document.addEventListener(type, (event) => {
    if (!(event instanceof CustomEvent)) return;
    const item = document.createElement("li");
    item.dataset.event = type;
    item.textContent = `${type} ${JSON.stringify(event.detail)}`;
    log.append(item);
  });
}
