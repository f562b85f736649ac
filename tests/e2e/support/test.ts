import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";

// Every spec imports `test` and `expect` from here: any Content-Security-Policy violation in any page of
// the test's browser context (popups included) fails the test, naming the directive and what was blocked.

declare global {
  interface Window {
    __daymarkReportCspViolation?: (violation: string) => void;
  }
}

async function watchCspViolations(context: BrowserContext, violations: string[]): Promise<void> {
  // Bindings and init scripts run outside the page's CSP, so the report itself cannot be blocked.
  await context.exposeBinding("__daymarkReportCspViolation", ({ page }, violation: string) => {
    violations.push(`${page.url()}: ${violation}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__daymarkReportCspViolation?.(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const watchConsole = (page: Page) =>
    page.on("console", (message) => {
      if (/content security policy/i.test(message.text())) violations.push(`${page.url()}: console: ${message.text()}`);
    });
  context.pages().forEach(watchConsole);
  context.on("page", watchConsole);
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await watchCspViolations(context, violations);
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
