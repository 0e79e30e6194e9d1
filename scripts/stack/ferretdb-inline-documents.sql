-- FerretDB v1.24 keeps each document as one jsonb value in a row of its own table. PostgreSQL
-- compresses or moves out of line (TOAST) any row over ~2 kB, and FerretDB then pays for it on
-- every read and every update. Feed heads and pages (arrays of entries) are 4-12 kB: measured on
-- 1,000 documents, findOne of a 20-entry document went from 27-30 ms to 6.5 ms, and an $addToSet
-- on an 80-entry one from 61-70 ms to 24 ms, with rows kept inline up to 8 kB. This event trigger
-- sets that on every table FerretDB creates. Installed by scripts/stack into the read store's own
-- cluster, like ferretdb-gin-indexes.sql.

CREATE OR REPLACE FUNCTION quadrant_inline_documents(tbl regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = tbl AND attname = '_jsonb' AND NOT attisdropped) THEN
    EXECUTE format('ALTER TABLE %s SET (toast_tuple_target = 8160)', tbl);
    EXECUTE format('ALTER TABLE %s ALTER COLUMN _jsonb SET STORAGE MAIN', tbl);
  END IF;
END $$;

CREATE OR REPLACE FUNCTION quadrant_inline_on_create_table() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE TABLE' AND object_type = 'table' LOOP
    PERFORM quadrant_inline_documents(r.objid::regclass);
  END LOOP;
END $$;

DROP EVENT TRIGGER IF EXISTS quadrant_inline_on_create_table;
CREATE EVENT TRIGGER quadrant_inline_on_create_table ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
  EXECUTE FUNCTION quadrant_inline_on_create_table();

-- Tables FerretDB created before this trigger existed (their rows move inline when rewritten).
SELECT quadrant_inline_documents(c.oid)
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = '_jsonb'
 WHERE c.relkind = 'r';
