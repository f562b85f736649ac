import { z } from "zod";

// The app's one zod import. In the browser the page's CSP forbids eval, and zod's JIT probe
// (`Function("")`, run when an object schema is built) would report a violation: parse without JIT there.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
