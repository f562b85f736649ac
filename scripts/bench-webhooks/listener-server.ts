// The dedicated webhook listener (app/api/webhooks/dialpad/listener.ts, what DAYMARK_WEBHOOK_PORT starts
// inside `npm start`) on its own in a process: `bench:webhooks --server listener`.
import { startWebhookListener } from "@/app/api/webhooks/dialpad/listener";

void startWebhookListener(Number(process.env.PORT ?? 0), "127.0.0.1").then((server) => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => server.close(() => process.exit(0)));
});
