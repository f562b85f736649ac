// GET /api/v2/users, /users/{id} and /users/me.
import { toUserJson } from "../data/serialize-directory";
import { userStates } from "../data/types";
import { json } from "../http-utils";
import type { Handler } from "../router";
import { authenticate } from "./auth";
import { invalidParam, notFound } from "./errors";
import { collection, pageByOffset, parseLimit } from "./pagination";

const stateFilters = [...userStates, "all"] as const;

export const listUsers: Handler = (ctx) => {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.reply;
  const { company } = auth.caller;
  const q = ctx.url.searchParams;
  const state = q.get("state") || "active";
  if (!(stateFilters as readonly string[]).includes(state)) {
    return invalidParam("state", `must be one of ${stateFilters.join(", ")}.`);
  }
  const admin = q.get("company_admin");
  if (admin !== null && admin !== "true" && admin !== "false") return invalidParam("company_admin", "must be true or false.");
  const email = q.get("email")?.trim().toLowerCase() || null;
  const number = q.get("number")?.trim() || null;
  const limit = parseLimit(ctx);
  if (!limit.ok) return limit.reply;
  const users = company.users.filter(
    (u) =>
      (state === "all" || u.state === state) &&
      (admin === null || u.isSuperAdmin === (admin === "true")) &&
      (email === null || u.email === email) &&
      (number === null || u.phone === number),
  );
  const filter = JSON.stringify([state, admin, email, number]);
  const page = pageByOffset(ctx, "users", company.index, filter, users, limit.limit);
  if (!page.ok) return page.reply;
  return json(200, collection(page.page.map((u) => toUserJson(company, u)), page.cursor));
};

export const getUser: Handler = (ctx) => {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.reply;
  const { company, user: me } = auth.caller;
  const id = ctx.params.id ?? "";
  const user = id === "me" ? me : company.usersById.get(id);
  if (!user) return notFound(`User with id ${id} not found.`);
  return json(200, toUserJson(company, user));
};
