// Counters exposed on GET /__admin/stats so tests can assert on request counts rather than logs.

export interface WebhookStats {
  attempts: number;
  delivered: number;
  failed: number;
  retries: number;
}

export class Stats {
  requests: Record<string, number> = {};
  rateLimited = 0;
  faultsInjected = 0;
  tokenGrants = 0;
  refreshes = 0;
  revocations = 0;
  webhookDeliveries: WebhookStats = { attempts: 0, delivered: 0, failed: 0, retries: 0 };

  countRequest(routeKey: string): void {
    this.requests[routeKey] = (this.requests[routeKey] ?? 0) + 1;
  }

  toJSON() {
    return {
      requests: this.requests,
      rateLimited: this.rateLimited,
      faultsInjected: this.faultsInjected,
      tokenGrants: this.tokenGrants,
      refreshes: this.refreshes,
      revocations: this.revocations,
      webhookDeliveries: this.webhookDeliveries,
    };
  }
}
