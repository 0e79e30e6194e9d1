CREATE TABLE "approval_policies" (
	"department_id" uuid PRIMARY KEY NOT NULL,
	"tiers" jsonb,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_steps" (
	"request_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"kind" text NOT NULL,
	"approver_id" uuid,
	"department_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "approval_steps_request_id_step_pk" PRIMARY KEY("request_id","step")
);
--> statement-breakpoint
CREATE TABLE "budget_entries" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"amount" bigint NOT NULL,
	"stage" text NOT NULL,
	CONSTRAINT "budget_entries_stage" CHECK ("budget_entries"."stage" in ('requested', 'committed', 'spent', 'released') and "budget_entries"."amount" >= 1)
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"department_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"currency" text NOT NULL,
	"budget" bigint NOT NULL,
	"requested" bigint NOT NULL,
	"committed" bigint NOT NULL,
	"spent" bigint NOT NULL,
	"policy" text NOT NULL,
	"warn_threshold" integer NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "budgets_department_id_fiscal_year_pk" PRIMARY KEY("department_id","fiscal_year"),
	CONSTRAINT "budgets_figures" CHECK ("budgets"."budget" >= 0 and "budgets"."requested" >= 0 and "budgets"."committed" >= 0 and "budgets"."spent" >= 0),
	CONSTRAINT "budgets_stop" CHECK ("budgets"."policy" = 'warn' or "budgets"."budget" - "budgets"."requested" - "budgets"."committed" - "budgets"."spent" >= 0),
	CONSTRAINT "budgets_policy" CHECK ("budgets"."policy" in ('stop', 'warn') and "budgets"."warn_threshold" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "purchase_request_lines" (
	"request_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" bigint NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "purchase_request_lines_request_id_line_no_pk" PRIMARY KEY("request_id","line_no"),
	CONSTRAINT "purchase_request_lines_amount" CHECK ("purchase_request_lines"."quantity" >= 1 and "purchase_request_lines"."unit_price" >= 1 and "purchase_request_lines"."amount" = "purchase_request_lines"."quantity"::bigint * "purchase_request_lines"."unit_price")
);
--> statement-breakpoint
CREATE TABLE "purchase_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"requester_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"title" text NOT NULL,
	"justification" text NOT NULL,
	"vendor" text NOT NULL,
	"needed_by" date,
	"currency" text NOT NULL,
	"total" bigint NOT NULL,
	"status" text NOT NULL,
	"fiscal_year" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "purchase_requests_total" CHECK ("purchase_requests"."total" between 1 and 10000000000000),
	CONSTRAINT "purchase_requests_status" CHECK ("purchase_requests"."status" in ('draft', 'submitted', 'changes-requested', 'approved', 'rejected', 'cancelled', 'paid'))
);
--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "level" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "lead_id" uuid;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "approval_policies" ADD CONSTRAINT "approval_policies_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_request_id_purchase_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."purchase_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_request_id_purchase_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."purchase_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_department_id_fiscal_year_budgets_department_id_fiscal_year_fk" FOREIGN KEY ("department_id","fiscal_year") REFERENCES "public"."budgets"("department_id","fiscal_year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_request_lines" ADD CONSTRAINT "purchase_request_lines_request_id_purchase_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."purchase_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_requests" ADD CONSTRAINT "purchase_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_requests" ADD CONSTRAINT "purchase_requests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "purchase_requests_department" ON "purchase_requests" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "purchase_requests_requester" ON "purchase_requests" USING btree ("requester_id");--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "departments_lead" ON "departments" USING btree ("lead_id");--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_level" CHECK ("departments"."level" >= 0);