import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export interface EmulatorProcess {
  url: string;
  child: ChildProcess;
  admin<T>(pathname: string, body?: unknown): Promise<T>;
  stop(): void;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The emulator in its own process (node + tsx loader), so its work does not share the sync's event loop. */
export async function startEmulatorProcess(env: Record<string, string>): Promise<EmulatorProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("emulator/main.ts")], {
    env: { ...process.env, ...env, EMULATOR_HOST: "127.0.0.1", EMULATOR_PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening on")) resolve();
    });
  });
  child.stdout!.resume();
  const admin = async <T>(pathname: string, body?: unknown): Promise<T> => {
    const send = () =>
      fetch(`${url}/__admin${pathname}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // After a long synchronous step pooled connections may have been closed by the server meanwhile:
    // each failed attempt drops one, so a few tries reach a fresh connection.
    let response: Response | undefined;
    for (let attempt = 1; !response; attempt++) {
      response = await send().catch(async (error: unknown) => {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        return undefined;
      });
    }
    if (!response.ok) throw new Error(`emulator ${pathname}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  return { url, child, admin, stop: () => child.kill("SIGTERM") };
}
