// In-memory model of the emulated Dialpad tenant(s). Serialisers turn these into API JSON.

/** Dialpad's CallContact: who a leg was with (contact) or whose leg it is (target). */
export interface Party {
  id: string;
  type: string;
  name: string;
  phone: string;
  email: string;
}

export const userStates = ["active", "cancelled", "deleted", "pending", "suspended"] as const;
export type UserState = (typeof userStates)[number];

export interface User {
  index: number;
  id: string;
  companyId: string;
  officeId: string;
  firstName: string;
  lastName: string;
  email: string;
  /** null for users without a phone licence. */
  phone: string | null;
  extension: string | null;
  timeZone: string;
  /** Index into names.zoneProfiles; picks the region of this user's external contacts. */
  zoneIndex: number;
  location: string;
  country: string;
  externalPrefix: string;
  suffixDigits: number;
  license: string;
  state: UserState;
  isSuperAdmin: boolean;
  jobTitle: string;
  departmentIds: string[];
  dateAdded: number;
  dateFirstLogin: number;
  imageKey: string;
  party: Party;
}

export interface Group {
  id: string;
  /** Call centers and meeting rooms exist only in strict mode. */
  kind: "office" | "department" | "call_center" | "room";
  name: string;
  phone: string;
  party: Party;
  /** Calling users a group call can ring (ring-all); empty for rooms. */
  members: User[];
}

export interface Company {
  index: number;
  id: string;
  name: string;
  domain: string;
  country: string;
  users: User[];
  /** Active users with a phone number: the only ones who place or receive calls. */
  callingUsers: User[];
  office: Group;
  departments: Group[];
  /** Strict mode only (empty otherwise): the call center "Support Line" and Dialpad Meetings rooms. */
  callCenters: Group[];
  meetingRooms: Group[];
  contacts: Party[];
  adminEmail: string;
  usersById: Map<string, User>;
  usersByEmail: Map<string, User>;
}

export type Direction = "inbound" | "outbound";

/** Which generator scenario produced a leg; kept for realism tests, never serialised. */
export type LegKind =
  | "external"
  | "missed"
  | "entry"
  | "operator"
  | "internal"
  | "voicemail"
  | "voicemail_caller"
  | "transfer_from"
  | "transfer_to"
  | "three_way_main"
  | "three_way_added"
  | "midnight"
  | "live"
  // strict mode only
  | "call_center"
  | "ring_missed"
  | "outbound_voicemail"
  | "meeting";

export interface Leg {
  callId: string;
  masterCallId: string | null;
  entryPointCallId: string | null;
  operatorCallId: string | null;
  direction: Direction;
  /** The last state of a finished leg ("hangup", "missed", "voicemail"). */
  state: string;
  dateStarted: number;
  dateRang: number | null;
  dateConnected: number | null;
  dateEnded: number;
  eventTimestamp: number;
  /** Talk time in ms as Dialpad reports it (a double, not exactly ended - connected). */
  duration: number;
  externalNumber: string | null;
  internalNumber: string | null;
  contact: Party;
  target: Party;
  entryPointTarget: Party | null;
  proxyTarget: Party | null;
  groupId: string | null;
  isTransferred: boolean;
  isInternal: boolean;
  wasRecorded: boolean;
  hasVoicemail: boolean;
  transcriptionText: string | null;
  labels: string[];
  mosScore: number | null;
  customData: string;
  kind: LegKind;
  /** Live (admin-added) legs only: insertion order, used to keep listings stable. */
  liveSeq?: number;
}
