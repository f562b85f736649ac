// Every route the emulator serves: Dialpad's OAuth2 + REST surface and the /__admin test controls.
import { registerAdminRoutes } from "./admin/routes";
import { getCall, listCalls } from "./api/calls";
import { getCompany } from "./api/company";
import {
  createSubscription, deleteSubscription, getSubscription, listSubscriptions, updateSubscription,
} from "./api/subscriptions";
import { getUser, listUsers } from "./api/users";
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, updateWebhook } from "./api/webhooks";
import { authorizeConsent, authorizeSignIn, authorizeStart } from "./oauth/authorize";
import { deauthorize, token } from "./oauth/token";
import { Router } from "./router";

export function buildRouter(): Router {
  const router = new Router()
    .add("GET", "/oauth2/authorize", authorizeStart)
    .add("POST", "/oauth2/authorize/sign-in", authorizeSignIn)
    .add("POST", "/oauth2/authorize/consent", authorizeConsent)
    .add("POST", "/oauth2/token", token)
    .add("POST", "/oauth2/deauthorize", deauthorize)
    .add("GET", "/api/v2/company", getCompany)
    .add("GET", "/api/v2/users", listUsers)
    .add("GET", "/api/v2/users/{id}", getUser)
    .add("GET", "/api/v2/call", listCalls)
    .add("GET", "/api/v2/call/{id}", getCall)
    .add("GET", "/api/v2/webhooks", listWebhooks)
    .add("POST", "/api/v2/webhooks", createWebhook)
    .add("GET", "/api/v2/webhooks/{id}", getWebhook)
    .add("PATCH", "/api/v2/webhooks/{id}", updateWebhook)
    .add("DELETE", "/api/v2/webhooks/{id}", deleteWebhook)
    .add("GET", "/api/v2/subscriptions/call", listSubscriptions)
    .add("POST", "/api/v2/subscriptions/call", createSubscription)
    .add("GET", "/api/v2/subscriptions/call/{id}", getSubscription)
    .add("PATCH", "/api/v2/subscriptions/call/{id}", updateSubscription)
    .add("DELETE", "/api/v2/subscriptions/call/{id}", deleteSubscription);
  registerAdminRoutes(router);
  return router;
}
