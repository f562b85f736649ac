import type { MaskNumbersFor } from "@/db/schema/enums";

export type PrivacySettings = {
  callRetentionMonths: number;
  scoreRetentionMonths: number;
  maskNumbersFor: MaskNumbersFor;
  linkRecordings: boolean;
};
