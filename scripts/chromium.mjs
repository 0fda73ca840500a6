// How the end-to-end tests and the benchmark start Debian's Chromium (never
// a downloaded browser): flags that keep it off the network this machine
// does not reach, and quiet. Playwright adds --no-sandbox itself (root).
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  args: [
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
