// UserProto and CompanyProto JSON (int64 as strings; unknown or empty optional fields omitted).
import { MEDIA_BASE } from "./serialize";
import type { Company, User } from "./types";

/** Dialpad's naive UTC date-time format: "2021-06-20T19:18:00". */
export function naiveUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function toUserJson(company: Company, user: User): Record<string, unknown> {
  const isActive = user.state === "active";
  const groups = [
    { group_id: user.officeId, group_type: "office", role: user.isSuperAdmin ? "admin" : "operator", do_not_disturb: false },
    ...user.departmentIds.map((id) => ({ group_id: id, group_type: "department", role: "operator", do_not_disturb: false })),
  ];
  const json: Record<string, unknown> = {
    id: user.id,
    company_id: company.id,
    office_id: user.officeId,
    admin_office_ids: user.isSuperAdmin ? [user.officeId] : [],
    emails: [user.email],
    forwarding_numbers: [],
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: `${user.firstName} ${user.lastName}${user.state === "deleted" ? " (deactivated)" : ""}`,
    job_title: user.jobTitle,
    location: user.location,
    status_message: "",
    country: user.country,
    language: "en",
    timezone: user.timeZone,
    image_url: `${MEDIA_BASE}/avatar/user/${user.imageKey}.png`,
    is_admin: user.isSuperAdmin,
    is_super_admin: user.isSuperAdmin,
    is_available: isActive,
    is_online: isActive && user.phone !== null,
    is_on_duty: false,
    on_duty_status: "unavailable",
    do_not_disturb: false,
    muted: false,
    international_dialing_enabled: user.country !== "us",
    license: user.license,
    state: user.state,
    date_added: naiveUtc(user.dateAdded),
    date_active: naiveUtc(user.dateFirstLogin),
    date_first_login: naiveUtc(user.dateFirstLogin),
    group_details: groups,
  };
  if (user.phone !== null) json.phone_numbers = [user.phone];
  if (user.extension !== null) json.extension = user.extension;
  return json;
}

export function toCompanyJson(company: Company): Record<string, unknown> {
  return {
    id: company.id,
    name: company.name,
    domain: company.domain,
    country: company.country,
    account_type: "standard",
    admin_email: company.adminEmail,
    office_count: "1",
    state: "active",
  };
}
