import { businessNames, firstNames, jobTitles, lastNames, zoneProfiles } from "./names";
import { Rng } from "./prng";
import type { Company, Group, Party, User, UserState } from "./types";

export interface CompanySpec {
  index: number;
  seed: number;
  domain: string;
  name: string;
  users: number;
  /** Epoch ms; join dates are placed before the generated history that ends at this instant. */
  anchor: number;
  historyDays: number;
  /** Strict mode: ids at or above 2^53, a call center and Dialpad Meetings rooms. */
  strict: boolean;
}

/** Strict mode puts every company, group and user id at or above 2^53 (17 digits from "1" + 16). */
export function wideId(id: string, strict: boolean): string {
  return strict ? `1${id}` : id;
}

const DAY = 86_400_000;
const areaCodes = ["415", "646", "312", "206", "617", "303", "512", "404", "305", "213", "702", "919", "503", "615", "801", "984"];

function userNumber(companyIndex: number, i: number): string {
  const area = areaCodes[(companyIndex + Math.floor(i / 8000)) % areaCodes.length];
  return `+1${area}555${1001 + (i % 8000)}`;
}

function userState(i: number, n: number): UserState {
  if (i === 0) return "active";
  if (n >= 6 && i === n - 1) return "suspended";
  if (n >= 10 && i === n - 2) return "cancelled";
  if (i % 50 === 37) return "suspended";
  if (i % 97 === 61) return "cancelled";
  return "active";
}

const hasPhoneLicence = (i: number) => i === 0 || (i % 11 !== 9 && i % 13 !== 5);

export function formatUsNumber(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

function buildUser(spec: CompanySpec, companyId: string, officeId: string, i: number, emails: Set<string>): User {
  const rng = Rng.of(spec.seed, "user", spec.index, i);
  const isAdmin = i === 0;
  const firstName = isAdmin ? "Dana" : rng.pick(firstNames);
  const lastName = isAdmin ? "Admin" : rng.pick(lastNames);
  const local = isAdmin ? "admin" : `${firstName}.${lastName}`.toLowerCase();
  let email = `${local}@${spec.domain}`;
  for (let k = 2; emails.has(email); k++) email = `${local}${k}@${spec.domain}`;
  emails.add(email);
  const zoneIndex = i % (spec.users >= 24 ? zoneProfiles.length : 4);
  const zone = zoneProfiles[zoneIndex]!;
  const phone = hasPhoneLicence(i) ? userNumber(spec.index, i) : null;
  const license = phone === null ? "lite_support_agents" : i % 4 === 2 ? "agents" : "talk";
  const dayStart = Math.floor(spec.anchor / DAY) * DAY;
  const dateAdded = dayStart - (spec.historyDays + rng.int(30, 900)) * DAY + rng.int(0, DAY / 1000 - 1) * 1000;
  const id = wideId(rng.id16(), spec.strict);
  const name = `${firstName} ${lastName}`;
  return {
    index: i,
    id,
    companyId,
    officeId,
    firstName,
    lastName,
    email,
    phone,
    extension: phone === null ? null : String(1001 + (i % 8000)),
    timeZone: zone.timeZone,
    zoneIndex,
    location: zone.location,
    country: zone.country,
    externalPrefix: zone.externalPrefix,
    suffixDigits: zone.suffixDigits,
    license,
    state: userState(i, spec.users),
    isSuperAdmin: isAdmin,
    jobTitle: isAdmin ? "Operations Director" : rng.pick(jobTitles),
    departmentIds: [],
    dateAdded,
    dateFirstLogin: dateAdded + rng.int(5, 600) * 60_000,
    imageKey: rng.hex(12),
    party: { id, type: "user", name, phone: phone ?? "", email },
  };
}

function buildGroup(id: string, kind: Group["kind"], name: string, phone: string): Group {
  return { id, kind, name, phone, party: { id, type: kind, name, phone, email: "" }, members: [] };
}

/** Strict mode's extra groups, from their own random stream so the rest of the company is unchanged. */
function buildStrictGroups(spec: CompanySpec, area: string | undefined, callingUsers: User[]): Pick<Company, "callCenters" | "meetingRooms"> {
  if (!spec.strict) return { callCenters: [], meetingRooms: [] };
  const rng = Rng.of(spec.seed, "strict-groups", spec.index);
  const callCenter = buildGroup(wideId(rng.id16(), true), "call_center", "Support Line", `+1${area}5550400`);
  callCenter.members = callingUsers.filter((u) => u.index % 2 === 0);
  const rooms = [1, 2].map((n) => buildGroup(wideId(rng.id16(), true), "room", `${spec.name} Meeting Room ${n}`, `+1${area}555080${n}`));
  return { callCenters: [callCenter], meetingRooms: rooms };
}

function buildContacts(spec: CompanySpec, companyId: string, rng: Rng): Party[] {
  const count = Math.min(5000, 40 + spec.users * 4);
  const contacts: Party[] = [];
  for (let i = 0; i < count; i++) {
    const zone = zoneProfiles[i % zoneProfiles.length]!;
    const digits = String(rng.int(0, 10 ** zone.suffixDigits - 1)).padStart(zone.suffixDigits, "0");
    const phone = `${zone.externalPrefix}${digits}`;
    const style = rng.next();
    const name =
      style < 0.45 ? `${rng.pick(firstNames)} ${rng.pick(lastNames)}` : style < 0.65 ? rng.pick(businessNames) : formatUsNumber(phone);
    const isShared = rng.chance(0.15);
    const id = isShared ? `shared_contact_pool_Company:${companyId}_uid_${String(i).padStart(3, "0")}` : rng.id16();
    contacts.push({ id, type: isShared ? "shared" : "local", name, phone, email: "" });
  }
  return contacts;
}

/** Builds one company deterministically from its spec. */
export function buildCompany(spec: CompanySpec): Company {
  const rng = Rng.of(spec.seed, "company", spec.index);
  const id = wideId(rng.id16(), spec.strict);
  const area = areaCodes[spec.index % areaCodes.length];
  const office = buildGroup(wideId(rng.id16(), spec.strict), "office", spec.name, `+1${area}5550100`);
  const departments = [
    buildGroup(wideId(rng.id16(), spec.strict), "department", "Sales", `+1${area}5550200`),
    buildGroup(wideId(rng.id16(), spec.strict), "department", "Support", `+1${area}5550300`),
  ];
  const emails = new Set<string>();
  const users: User[] = [];
  for (let i = 0; i < spec.users; i++) users.push(buildUser(spec, id, office.id, i, emails));
  const callingUsers = users.filter((u) => u.state === "active" && u.phone !== null);
  callingUsers.forEach((u) => {
    const dept = departments[u.index % 3 === 1 ? 0 : u.index % 3 === 2 ? 1 : -1];
    if (dept) {
      u.departmentIds.push(dept.id);
      dept.members.push(u);
    }
  });
  office.members = callingUsers;
  const country = users[0]?.country ?? "us";
  return {
    index: spec.index,
    id,
    name: spec.name,
    domain: spec.domain,
    country,
    users,
    callingUsers,
    office,
    departments,
    ...buildStrictGroups(spec, area, callingUsers),
    contacts: buildContacts(spec, id, rng),
    adminEmail: users[0]?.email ?? `admin@${spec.domain}`,
    usersById: new Map(users.map((u) => [u.id, u])),
    usersByEmail: new Map(users.map((u) => [u.email, u])),
  };
}
