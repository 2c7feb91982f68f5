import type { ColumnType, Generated } from "kysely";
import type { DeadlineKind, DirectiveClassification, DirectiveStatus, Priority, RequestKind, RequestStatus } from "../../domain/directives.ts";
import type { DateString, Json, Timestamp, TimestampNullable } from "../db/column-types.ts";

export type DirectiveSource = "paper" | "manual" | "import" | "delegated";

export interface DirectivesTable {
  province_id: number;
  id: string;
  paper_id: string | null;
  paper_directive_id: string | null;
  ordinal: string | null;
  position: ColumnType<number, number | undefined, number>;
  content: string;
  lead_unit_id: string;
  follower_id: string | null;
  leader_id: string | null;
  assignee_id: string | null;
  parent_id: string | null;
  deadline_kind: DeadlineKind;
  deadline_value: string | null;
  expected_product: string | null;
  priority: ColumnType<Priority, Priority | undefined, Priority>;
  classification: ColumnType<DirectiveClassification, DirectiveClassification | undefined, DirectiveClassification>;
  note: string | null;
  source: DirectiveSource;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface DirectiveStatesTable {
  province_id: number;
  directive_id: string;
  valid_from: DateString;
  valid_to: DateString | null;
  status: DirectiveStatus;
  lead_unit_id: string;
  due_on: DateString | null;
  requested_on: DateString | null;
  completed_on: DateString | null;
  paper_id: string | null;
  is_part: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface DirectivePartnersTable {
  province_id: number;
  directive_id: string;
  unit_id: string;
  valid_from: DateString;
  valid_to: DateString | null;
}

export interface DirectiveEventsTable {
  province_id: number;
  directive_id: string;
  seq: number;
  at: Timestamp;
  on_date: DateString;
  kind: string;
  from_status: DirectiveStatus | null;
  to_status: DirectiveStatus | null;
  actor_id: string | null;
  actor_name: string | null;
  reason: string | null;
  data: Json<Record<string, unknown>> | null;
}

export interface DirectiveDeadlinesTable {
  province_id: number;
  directive_id: string;
  seq: number;
  kind: DeadlineKind;
  value: string | null;
  due_on: DateString | null;
  effective_on: DateString;
  request_id: string | null;
  reason: string | null;
  set_by: string | null;
  set_at: Timestamp;
}

export interface DirectiveReportsTable {
  province_id: number;
  id: string;
  directive_id: string;
  unit_id: string;
  role: "lead" | "partner";
  progress: number;
  narrative: string;
  difficulties: string | null;
  proposals: string | null;
  reported_by: string | null;
  reported_at: Timestamp;
  reported_on: DateString;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface DirectiveReportFilesTable {
  province_id: number;
  report_id: string;
  file_id: string;
  position: number;
}

export interface DirectiveRequestsTable {
  province_id: number;
  id: string;
  directive_id: string;
  kind: RequestKind;
  status: ColumnType<RequestStatus, RequestStatus | undefined, RequestStatus>;
  reason: string | null;
  result: string | null;
  proposed_kind: DeadlineKind | null;
  proposed_value: string | null;
  requested_by: string | null;
  requested_at: Timestamp;
  requested_on: DateString;
  decided_by: string | null;
  decided_at: TimestampNullable;
  decision_reason: string | null;
  approved_kind: DeadlineKind | null;
  approved_value: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface DirectiveUrgingsTable {
  province_id: number;
  id: string;
  symbol: string | null;
  issued_on: DateString;
  content: string;
  issued_by: string | null;
  created_at: Timestamp;
}

export interface DirectiveUrgingItemsTable {
  province_id: number;
  urging_id: string;
  directive_id: string;
}

export interface DirectiveRemindersTable {
  province_id: number;
  directive_id: string;
  kind: "before" | "overdue" | "escalation";
  threshold: number;
  due_on: DateString;
  scanned_on: DateString;
  created_at: Timestamp;
}

export interface NotificationsTable {
  province_id: number;
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  directive_id: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: TimestampNullable;
}

export type MailStatus = "pending" | "sending" | "sent" | "failed" | "expired";

export interface MailOutboxTable {
  province_id: number;
  id: string;
  dedupe_key: string;
  kind: string;
  directive_id: string | null;
  to_user_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  claimed_by: string | null;
  claimed_until: TimestampNullable;
  message_id: string | null;
  created_at: Timestamp;
  sent_at: TimestampNullable;
}

export interface DirectiveTables {
  directives: DirectivesTable;
  directive_states: DirectiveStatesTable;
  directive_partners: DirectivePartnersTable;
  directive_events: DirectiveEventsTable;
  directive_deadlines: DirectiveDeadlinesTable;
  directive_reports: DirectiveReportsTable;
  directive_report_files: DirectiveReportFilesTable;
  directive_requests: DirectiveRequestsTable;
  directive_urgings: DirectiveUrgingsTable;
  directive_urging_items: DirectiveUrgingItemsTable;
  directive_reminders: DirectiveRemindersTable;
  notifications: NotificationsTable;
  mail_outbox: MailOutboxTable;
}
