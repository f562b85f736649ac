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
  /** Strict mode: requests of the company's other integrations admitted by the shared limit. */
  backgroundRequests = 0;
  faultsInjected = 0;
  tokenGrants = 0;
  refreshes = 0;
  revocations = 0;
  /** Strict mode: grants revoked because an already-rotated refresh token was presented (RFC 9700). */
  refreshReuseRevocations = 0;
  webhookDeliveries: WebhookStats = { attempts: 0, delivered: 0, failed: 0, retries: 0 };

  countRequest(routeKey: string): void {
    this.requests[routeKey] = (this.requests[routeKey] ?? 0) + 1;
  }

  toJSON() {
    return {
      requests: this.requests,
      rateLimited: this.rateLimited,
      backgroundRequests: this.backgroundRequests,
      faultsInjected: this.faultsInjected,
      tokenGrants: this.tokenGrants,
      refreshes: this.refreshes,
      revocations: this.revocations,
      refreshReuseRevocations: this.refreshReuseRevocations,
      webhookDeliveries: this.webhookDeliveries,
    };
  }
}
