import type { CountryCode } from "libphonenumber-js";
import type { MappingDialpadUser, MappingEmployee, MappingInput, MappingLink } from "./types";

// Builders for the pure mapping tests: terse defaults, every field overridable.

export function employee(id: number, fields: Partial<MappingEmployee> = {}): MappingEmployee {
  return { id, name: `Employee ${id}`, email: `e${id}@acme.test`, phone: null, isActive: true, ...fields };
}

export function dialpadUser(dialpadUserId: string, fields: Partial<MappingDialpadUser> = {}): MappingDialpadUser {
  return {
    dialpadUserId,
    displayName: `Dialpad ${dialpadUserId}`,
    emails: [],
    phoneNumbers: [],
    state: "active",
    license: "talk",
    isRemoved: false,
    ...fields,
  };
}

export function mappingInput(parts: {
  employees: MappingEmployee[];
  dialpadUsers: MappingDialpadUser[];
  links?: MappingLink[];
  country?: CountryCode;
}): MappingInput {
  return { employees: parts.employees, dialpadUsers: parts.dialpadUsers, links: parts.links ?? [], defaultCountry: parts.country ?? "US" };
}
