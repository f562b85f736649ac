// Webhook endpoints and call-event subscriptions, per company.

export interface Webhook {
  id: string;
  companyIndex: number;
  hookUrl: string;
  secret: string | null;
}

export interface CallSubscription {
  id: string;
  companyIndex: number;
  webhookId: string;
  /** Empty means every state (Dialpad: no call_states ⇒ all call events). */
  callStates: string[];
  enabled: boolean;
  groupCallsOnly: boolean;
  targetId: string | null;
  targetType: string | null;
}

// Ids are 16-digit numeric strings like every other Dialpad id.
const WEBHOOK_ID_BASE = 6_100_000_000_000_000;
const SUBSCRIPTION_ID_BASE = 6_200_000_000_000_000;

export interface HookSnapshot {
  webhooks: Webhook[];
  subscriptions: CallSubscription[];
  seq: number;
}

export class HookStore {
  private webhooks = new Map<string, Webhook>();
  private subscriptions = new Map<string, CallSubscription>();
  private seq = 0;

  toSnapshot(): HookSnapshot {
    return { webhooks: [...this.webhooks.values()], subscriptions: [...this.subscriptions.values()], seq: this.seq };
  }

  restore(snapshot: HookSnapshot): void {
    this.webhooks = new Map(snapshot.webhooks.map((hook) => [hook.id, hook]));
    this.subscriptions = new Map(snapshot.subscriptions.map((sub) => [sub.id, sub]));
    this.seq = snapshot.seq;
  }

  createWebhook(init: Omit<Webhook, "id">): Webhook {
    const hook = { ...init, id: String(WEBHOOK_ID_BASE + ++this.seq * 1_009) };
    this.webhooks.set(hook.id, hook);
    return hook;
  }

  getWebhook(companyIndex: number, id: string): Webhook | undefined {
    const hook = this.webhooks.get(id);
    return hook?.companyIndex === companyIndex ? hook : undefined;
  }

  listWebhooks(companyIndex: number): Webhook[] {
    return [...this.webhooks.values()].filter((h) => h.companyIndex === companyIndex);
  }

  /** Deleting a webhook also deletes the subscriptions that deliver to it. */
  deleteWebhook(hook: Webhook): void {
    this.webhooks.delete(hook.id);
    for (const sub of this.subscriptions.values()) if (sub.webhookId === hook.id) this.subscriptions.delete(sub.id);
  }

  createSubscription(init: Omit<CallSubscription, "id">): CallSubscription {
    const sub = { ...init, id: String(SUBSCRIPTION_ID_BASE + ++this.seq * 1_013) };
    this.subscriptions.set(sub.id, sub);
    return sub;
  }

  getSubscription(companyIndex: number, id: string): CallSubscription | undefined {
    const sub = this.subscriptions.get(id);
    return sub?.companyIndex === companyIndex ? sub : undefined;
  }

  listSubscriptions(companyIndex: number): CallSubscription[] {
    return [...this.subscriptions.values()].filter((s) => s.companyIndex === companyIndex);
  }

  deleteSubscription(sub: CallSubscription): void {
    this.subscriptions.delete(sub.id);
  }
}
