import { describe, expect, it } from "vitest";
import {
  dialpadCallSchema,
  dialpadCallSubscriptionSchema,
  dialpadCollectionSchema,
  dialpadErrorBodySchema,
  dialpadIdSchema,
  dialpadTokenResponseSchema,
  dialpadWebhookSchema,
  epochMsSchema,
  parseCallItems,
  parseUserItems,
} from "./schema";
import { restAnsweredCall, restUser, webhookVoicemailCall, withoutKeys } from "./testing/fixtures";

describe("int64 parsing", () => {
  it("reads ids as strings and epoch ms as numbers from either JSON form", () => {
    expect(dialpadIdSchema.parse("5835806903417907")).toBe("5835806903417907");
    expect(dialpadIdSchema.parse(5835806903417907)).toBe("5835806903417907");
    expect(epochMsSchema.parse("1767600000000")).toBe(1767600000000);
    expect(epochMsSchema.parse(1767600000000)).toBe(1767600000000);
  });

  it("keeps string ids beyond 2^53 exact and rejects numeric ones whose digits JSON already lost", () => {
    expect(dialpadIdSchema.parse("9223372036854775807")).toBe("9223372036854775807");
    expect(dialpadIdSchema.safeParse(9007199254740993).success).toBe(false);
    expect(dialpadIdSchema.safeParse("12a").success).toBe(false);
    expect(epochMsSchema.safeParse(-1).success).toBe(false);
  });
});

describe("call schema", () => {
  it("turns {} contacts into null, drops unknown fields and reads empty dates as null", () => {
    const call = dialpadCallSchema.parse(restAnsweredCall({ date_connected: "", brand_new_field: { x: 1 } }));
    expect(call.proxy_target).toBeNull();
    expect(call.date_connected).toBeNull();
    expect(call.target).toEqual({ id: "5835806903417907", type: "user", name: "Alex Agent", phone: "+14155551001", email: "alex@example.com", office_id: null });
    expect(call).not.toHaveProperty("brand_new_field");
    expect(call.recording_details[0]).toEqual({
      id: "rec_4f9a",
      recording_type: "callrecording",
      url: "https://dialpad.example/r/rec_4f9a",
      duration: 180000,
      start_time: 1767600010000,
    });
  });

  it("quarantines bad items with their raw payload and keeps the rest of the page", () => {
    const bad = restAnsweredCall({ call_id: null, direction: "sideways" });
    const good = webhookVoicemailCall();
    const { calls, rejected } = parseCallItems([restAnsweredCall(), bad, "not an object", good]);
    expect(calls.map((call) => call.call_id)).toEqual(["6112233445566778", "5635304278851584"]);
    expect(rejected).toHaveLength(2);
    expect(rejected[0]?.raw).toBe(bad);
    expect(rejected[0]?.issues).toEqual([
      "call_id: expected an int64 id (string or number)",
      'direction: Invalid option: expected one of "inbound"|"outbound"',
    ]);
    expect(rejected[1]?.issues).toEqual(["(root): Invalid input: expected object, received string"]);
  });

  it("rejects a call without a start time", () => {
    const noStart = withoutKeys(restAnsweredCall(), "date_started");
    expect(parseCallItems([noStart]).rejected[0]?.issues[0]).toBe("date_started: expected epoch milliseconds (string or number)");
  });
});

describe("other shapes", () => {
  it("parses users per item", () => {
    const { users, rejected } = parseUserItems([restUser(), { id: "x" }]);
    expect(users.map((user) => user.id)).toEqual(["5835806903417907"]);
    expect(rejected[0]?.issues).toEqual(["id: expected a numeric id"]);
  });

  it("reads the collection envelope: omitted items, absent or empty cursor", () => {
    expect(dialpadCollectionSchema.parse({})).toEqual({ items: [], cursor: null });
    expect(dialpadCollectionSchema.parse({ items: [1], cursor: "" })).toEqual({ items: [1], cursor: null });
    expect(dialpadCollectionSchema.parse({ items: [], cursor: "c2" }).cursor).toBe("c2");
    expect(dialpadCollectionSchema.safeParse({ items: "x" }).success).toBe(false);
  });

  it("reads webhooks, call subscriptions, error bodies and token responses", () => {
    const webhook = { hook_url: "https://test.com/webhooks", id: "1000", signature: { algo: "HS256", secret: "test_secret", type: "jwt" } };
    expect(dialpadWebhookSchema.parse(webhook).signature?.algo).toBe("HS256");
    const subscription = dialpadCallSubscriptionSchema.parse({ id: "1001", call_states: ["hangup"], enabled: true, webhook });
    expect(subscription).toMatchObject({ id: "1001", call_states: ["hangup"], enabled: true, group_calls_only: false, target_id: null, webhook: { id: "1000" } });
    const error = dialpadErrorBodySchema.parse({
      error: { code: 404, errors: [{ domain: "global", message: "Request with id 9 not found.", reason: "notFound" }], message: "Request with id 9 not found." },
    });
    expect(error.error.errors[0]?.reason).toBe("notFound");
    expect(dialpadTokenResponseSchema.parse({ access_token: "a", expires_in: "3600", token_type: null })).toEqual({
      access_token: "a",
      expires_in: 3600,
      token_type: null,
      refresh_token: null,
      id_token: null,
    });
  });
});
