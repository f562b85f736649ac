// GET /api/v2/company: the caller's company (company-admin token required).
import { toCompanyJson } from "../data/serialize-directory";
import { json } from "../http-utils";
import type { Handler } from "../router";
import { authenticate, requireAdmin } from "./auth";

export const getCompany: Handler = (ctx) => {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.reply;
  const denied = requireAdmin(auth.caller);
  if (denied) return denied;
  return json(200, toCompanyJson(auth.caller.company));
};
