import fs from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The system Chromium Playwright drives; there is no browser download on these machines. */
export function findChromium(): string | undefined {
  return candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
}

export const chromiumInstallHint = [
  "No Chromium found (looked at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome).",
  "Install Debian's Chromium:  sudo apt-get install -y chromium",
  "or point CHROMIUM_PATH at an existing Chromium 156 binary.",
].join("\n");
