CREATE TABLE "reactor_checkpoints" (
	"name" text PRIMARY KEY NOT NULL,
	"transaction_id" bigint NOT NULL,
	"position" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
