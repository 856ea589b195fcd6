import type { Component } from "svelte";
import type { MessageKey } from "../../../../shared/i18n/index.ts";
import type { RoundSummary } from "../../../../shared/protocol/index.ts";
import type { RoundConfig } from "../../../../shared/round-file.ts";
import type { Connection } from "../../lib/connection.svelte.ts";
import ApplicationsTab from "./applications/ApplicationsTab.svelte";
import DrawsTab from "./draws/DrawsTab.svelte";
import OverviewTab from "./OverviewTab.svelte";
import PostsTab from "./posts/PostsTab.svelte";
import RegisterTab from "./register/RegisterTab.svelte";
import ReviewTab from "./review/ReviewTab.svelte";
import RulesTab from "./rules/RulesTab.svelte";

/** What every tab of a draft's workspace is given; a tab takes the props it needs. */
export interface DraftTabProps {
  conn: Connection;
  /** The organizer's session token, for the HTTP routes (the register's file uploads). */
  token: string;
  round: RoundSummary;
  /** The draft's file as it stands; null until it has come. */
  file: RoundConfig | null;
  /** A tab that changed the draft hands on the file the server answered with. */
  onfile: (file: RoundConfig) => void;
  /** The draft changed on the server: the round list and the file are fetched again. */
  onchanged: () => Promise<void>;
  /** The draft is gone (deleted): back to the round list. */
  onback: () => void;
  /** Opens another tab of the workspace, by id. */
  onselect: (tab: string) => void;
}

export interface DraftTab {
  /** In the address (`#round=…&tab=<id>`): short ASCII, stable. */
  id: string;
  labelKey: MessageKey;
  component: Component<DraftTabProps>;
}

/**
 * The tabs of a draft's workspace, in their order; the first is where a draft opens. A new
 * part of the draft (posts, the staff register, nominations, the review, the draw) is one
 * entry here.
 */
export const DRAFT_TABS: readonly DraftTab[] = [
  { id: "overview", labelKey: "draft.tab.overview", component: OverviewTab },
  { id: "posts", labelKey: "posts.tab", component: PostsTab },
  { id: "register", labelKey: "register.ui.title", component: RegisterTab },
  { id: "applications", labelKey: "apps.tab.applications", component: ApplicationsTab },
  { id: "review", labelKey: "apps.tab.review", component: ReviewTab },
  { id: "rules", labelKey: "draft.tab.rules", component: RulesTab },
  { id: "draws", labelKey: "draw.tab", component: DrawsTab },
];
