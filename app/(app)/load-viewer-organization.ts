import { cache } from "react";
import { getDb } from "@/db/client";
import type { Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";

/** The viewer's organization, read once per request however many of the layout and page ask (getViewer is cached too, so the viewer is one object). */
export const loadViewerOrganization = cache((viewer: Viewer): Promise<Organization> => getViewerOrganization(getDb(), viewer));
