// Dialpad-style sign-in, consent and error pages: plain HTML forms that work without JavaScript.
import { escapeHtml as e } from "../http-utils";

export const scopeDescriptions: Record<string, string> = {
  "calls:list": "View your company's call history",
  recordings_export: "Access call recording links",
  message_content_export: "Read the text of your SMS messages",
  "message_content_export:all": "Read the text of every SMS message in your company",
  screen_pop: "Open screen pops on your users' devices",
  change_log: "Receive your company's change log events",
  "conference:read": "View your Dialpad Meetings rooms and meetings",
  "conference:all": "Manage your Dialpad Meetings",
  ai_recap: "Read Dialpad Ai call recaps",
  offline_access: "Stay connected when you are not using the app",
  fax_message: "Send and receive faxes",
};

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} · Dialpad</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f2fb;color:#1c1a29;margin:0}
main{max-width:420px;margin:8vh auto;background:#fff;border-radius:12px;padding:32px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
.brand{color:#7c52ff;font-weight:700;font-size:1.4rem;margin:0 0 16px}
label{display:block;margin:16px 0 4px;font-weight:600}
input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #8a86a0;border-radius:6px;font-size:1rem}
button{margin-top:20px;padding:10px 18px;border-radius:6px;border:0;font-size:1rem;cursor:pointer}
.primary{background:#5a2fd6;color:#fff}.secondary{background:#e6e3f2;color:#1c1a29}
.error{background:#fde8e8;color:#8a1c1c;padding:10px;border-radius:6px}
ul{padding-left:20px}
</style>
</head>
<body><main>
<p class="brand" aria-hidden="true">dialpad</p>
${body}
</main></body>
</html>`;
}

export function signInPage(opts: { requestId: string; clientName: string; email?: string; error?: string }): string {
  const error = opts.error ? `<p class="error" role="alert">${e(opts.error)}</p>` : "";
  return layout(
    "Sign in",
    `<h1>Sign in to Dialpad</h1>
<p>to continue to ${e(opts.clientName)}</p>
${error}
<form method="post" action="/oauth2/authorize/sign-in">
<input type="hidden" name="request_id" value="${e(opts.requestId)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${e(opts.email ?? "")}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button class="primary" type="submit">Sign in</button>
</form>`,
  );
}

export function consentPage(opts: { requestId: string; clientName: string; scopes: string[]; email: string; companyName: string }): string {
  const items = [
    "<li>Basic access to your Dialpad account</li>",
    ...opts.scopes.map((s) => `<li>${e(scopeDescriptions[s] ?? s)} <code>${e(s)}</code></li>`),
  ].join("\n");
  return layout(
    "Authorize",
    `<h1>${e(opts.clientName)} wants to access your Dialpad account</h1>
<p>Signed in as <strong>${e(opts.email)}</strong> (${e(opts.companyName)})</p>
<p id="scopes-heading">${e(opts.clientName)} will be able to:</p>
<ul aria-labelledby="scopes-heading">
${items}
</ul>
<form method="post" action="/oauth2/authorize/consent">
<input type="hidden" name="request_id" value="${e(opts.requestId)}">
<button class="primary" type="submit" name="decision" value="allow">Allow</button>
<button class="secondary" type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${e(title)}</h1>\n<p role="alert">${e(message)}</p>`);
}
