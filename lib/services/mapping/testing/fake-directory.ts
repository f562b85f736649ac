import type { DialpadClient, DialpadUserPage } from "@/lib/integrations/dialpad/client";
import type { DialpadUser } from "@/lib/integrations/dialpad/schema";
import { dialpadUserSchema } from "@/lib/integrations/dialpad/schema";

export type FakeDialpadUser = {
  id: string;
  name?: string;
  emails?: string[];
  phones?: string[];
  state?: string;
  license?: string | null;
};

/** A Dialpad user as the API would send it, parsed by the real schema. */
export function fakeDialpadUser(user: FakeDialpadUser): DialpadUser {
  const [first = "Pat", last = "Doe"] = (user.name ?? "Pat Doe").split(" ");
  return dialpadUserSchema.parse({
    id: user.id,
    first_name: first,
    last_name: last,
    display_name: user.name ?? "Pat Doe",
    emails: user.emails ?? [],
    phone_numbers: user.phones ?? [],
    state: user.state ?? "active",
    license: user.license === undefined ? "talk" : user.license,
    is_super_admin: false,
  });
}

/** A client with only listUsers, yielding the given pages (invalid items come back as rejected). */
export function createFakeDirectoryClient(pages: Array<Array<DialpadUser | unknown>>): DialpadClient & { calls: number } {
  const client = {
    calls: 0,
    async *listUsers() {
      client.calls += 1;
      for (const [index, items] of pages.entries()) {
        const users = items.filter((item): item is DialpadUser => dialpadUserSchema.safeParse(item).success);
        const rejected = items.filter((item) => !users.includes(item as DialpadUser)).map((raw) => ({ raw, issues: ["invalid"] }));
        const page: DialpadUserPage = { users, rejected, cursor: index < pages.length - 1 ? `c${index + 1}` : null };
        yield page;
      }
    },
  };
  return client as unknown as DialpadClient & { calls: number };
}
