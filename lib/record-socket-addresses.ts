import http from "node:http";
import { socketAddressHeader } from "./client-address";

let isRecording = false;

/**
 * Stamps every HTTP request's socket address into `socketAddressHeader` before Next sees it, replacing
 * any value the client sent. Called once from instrumentation.ts on a Node server.
 */
export function recordSocketAddresses(): void {
  if (isRecording) return;
  isRecording = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function emitWithSocketAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[socketAddressHeader] = request.socket.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
