from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "organizations" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "organizations" IS 'The tenant. Row-level security lets a transaction see only its own organization.';
CREATE TABLE IF NOT EXISTS "users" (
    "id" UUID NOT NULL PRIMARY KEY,
    "email" VARCHAR(320) NOT NULL UNIQUE,
    "display_name" VARCHAR(200) NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "users" IS 'A person. Users are global; what they reach is decided by their memberships.';
CREATE TABLE IF NOT EXISTS "memberships" (
    "id" UUID NOT NULL PRIMARY KEY,
    "role" VARCHAR(16) NOT NULL,
    "narrowed" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_memberships_organiz_5e1ecd" UNIQUE ("organization_id", "user_id")
);
CREATE INDEX IF NOT EXISTS "idx_memberships_organiz_e7107d" ON "memberships" ("organization_id");
COMMENT ON COLUMN "memberships"."role" IS 'OWNER: OWNER\nADMIN: ADMIN\nMEMBER: MEMBER\nVIEWER: VIEWER';
COMMENT ON COLUMN "memberships"."narrowed" IS 'When true, the member reaches only the projects listed in membership_projects.';
COMMENT ON TABLE "memberships" IS 'A user''s role in an organization, optionally narrowed to chosen projects.';
CREATE TABLE IF NOT EXISTS "sessions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_seen_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "ip" VARCHAR(64) NOT NULL,
    "user_agent" VARCHAR(400) NOT NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "sessions" IS 'A server-side session; the cookie carries an opaque token, the table its SHA-256.';
CREATE TABLE IF NOT EXISTS "projects" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_projects_organiz_672863" UNIQUE ("organization_id", "name")
);
CREATE INDEX IF NOT EXISTS "idx_projects_organiz_4dcd73" ON "projects" ("organization_id");
CREATE TABLE IF NOT EXISTS "membership_projects" (
    "id" UUID NOT NULL PRIMARY KEY,
    "membership_id" UUID NOT NULL REFERENCES "memberships" ("id") ON DELETE CASCADE,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_membership__members_38fed6" UNIQUE ("membership_id", "project_id")
);
CREATE INDEX IF NOT EXISTS "idx_membership__organiz_8066d3" ON "membership_projects" ("organization_id");
COMMENT ON TABLE "membership_projects" IS 'One project a narrowed membership may reach.';
CREATE TABLE IF NOT EXISTS "api_keys" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "key_hash" VARCHAR(64) NOT NULL UNIQUE,
    "scope" VARCHAR(8) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "last_used_at" TIMESTAMPTZ,
    "created_by_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_api_keys_organiz_0f4ed0" ON "api_keys" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_api_keys_project_93af82" ON "api_keys" ("project_id");
COMMENT ON COLUMN "api_keys"."prefix" IS 'The first characters of the key, shown to help people recognise it.';
COMMENT ON COLUMN "api_keys"."scope" IS 'READ: READ\nWRITE: WRITE';
COMMENT ON TABLE "api_keys" IS 'A key for scripts and CI, bound to one project; only its SHA-256 is stored.';
CREATE TABLE IF NOT EXISTS "case_imports" (
    "id" UUID NOT NULL PRIMARY KEY,
    "idempotency_key" VARCHAR(200) NOT NULL,
    "format" VARCHAR(8) NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "test_case_ids" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_case_import_project_75c343" UNIQUE ("project_id", "idempotency_key")
);
CREATE INDEX IF NOT EXISTS "idx_case_import_organiz_d4ae39" ON "case_imports" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_case_import_project_1360df" ON "case_imports" ("project_id");
COMMENT ON COLUMN "case_imports"."content_hash" IS 'SHA-256 of the imported document: a reused key with another document is refused.';
COMMENT ON TABLE "case_imports" IS 'One completed import, keyed by the client''s idempotency key.';
CREATE TABLE IF NOT EXISTS "plans" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_plans_project_3f7f0e" UNIQUE ("project_id", "name")
);
CREATE INDEX IF NOT EXISTS "idx_plans_organiz_8edf20" ON "plans" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_plans_project_71b702" ON "plans" ("project_id");
COMMENT ON COLUMN "plans"."status" IS 'DRAFT: DRAFT\nREADY: READY\nARCHIVED: ARCHIVED';
CREATE TABLE IF NOT EXISTS "suites" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "tags" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_suites_project_e8bdd4" UNIQUE ("project_id", "name")
);
CREATE INDEX IF NOT EXISTS "idx_suites_organiz_54be91" ON "suites" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_suites_project_320384" ON "suites" ("project_id");
CREATE TABLE IF NOT EXISTS "plan_suites" (
    "id" UUID NOT NULL PRIMARY KEY,
    "position" INT NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "plan_id" UUID NOT NULL REFERENCES "plans" ("id") ON DELETE CASCADE,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    "suite_id" UUID NOT NULL REFERENCES "suites" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_plan_suites_plan_id_bca656" UNIQUE ("plan_id", "suite_id")
);
CREATE INDEX IF NOT EXISTS "idx_plan_suites_organiz_bc2a26" ON "plan_suites" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_plan_suites_project_49ec92" ON "plan_suites" ("project_id");
COMMENT ON TABLE "plan_suites" IS 'A suite in a plan, in order.';
CREATE TABLE IF NOT EXISTS "test_cases" (
    "id" UUID NOT NULL PRIMARY KEY,
    "mode" VARCHAR(16) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "input" TEXT NOT NULL,
    "turns" JSONB NOT NULL,
    "expected_output" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "tags" JSONB NOT NULL,
    "category" VARCHAR(100) NOT NULL,
    "difficulty" VARCHAR(16) NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "asserts" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_test_cases_organiz_c14329" ON "test_cases" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_test_cases_project_5c9a88" ON "test_cases" ("project_id");
COMMENT ON COLUMN "test_cases"."mode" IS 'SIMPLE: SIMPLE\nCONVERSATIONAL: CONVERSATIONAL';
COMMENT ON COLUMN "test_cases"."difficulty" IS 'EASY: EASY\nMEDIUM: MEDIUM\nHARD: HARD\nEDGE_CASE: EDGE_CASE';
COMMENT ON COLUMN "test_cases"."status" IS 'DRAFT: DRAFT\nACTIVE: ACTIVE\nARCHIVED: ARCHIVED';
COMMENT ON TABLE "test_cases" IS 'The current state of a test case; every edit also writes a TestCaseVersion.';
CREATE TABLE IF NOT EXISTS "suite_test_cases" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    "suite_id" UUID NOT NULL REFERENCES "suites" ("id") ON DELETE CASCADE,
    "test_case_id" UUID NOT NULL REFERENCES "test_cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_suite_test__suite_i_2533f2" UNIQUE ("suite_id", "test_case_id")
);
CREATE INDEX IF NOT EXISTS "idx_suite_test__organiz_00b588" ON "suite_test_cases" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_suite_test__project_adfea1" ON "suite_test_cases" ("project_id");
COMMENT ON TABLE "suite_test_cases" IS 'A test case in a suite (a case can be in many suites).';
CREATE TABLE IF NOT EXISTS "test_case_versions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "mode" VARCHAR(16) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "input" TEXT NOT NULL,
    "turns" JSONB NOT NULL,
    "expected_output" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "tags" JSONB NOT NULL,
    "category" VARCHAR(100) NOT NULL,
    "difficulty" VARCHAR(16) NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "asserts" JSONB NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "created_by" VARCHAR(100) NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    "test_case_id" UUID NOT NULL REFERENCES "test_cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_test_case_v_test_ca_7dce93" UNIQUE ("test_case_id", "version")
);
CREATE INDEX IF NOT EXISTS "idx_test_case_v_organiz_a4d313" ON "test_case_versions" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_test_case_v_project_9a7259" ON "test_case_versions" ("project_id");
COMMENT ON COLUMN "test_case_versions"."mode" IS 'SIMPLE: SIMPLE\nCONVERSATIONAL: CONVERSATIONAL';
COMMENT ON COLUMN "test_case_versions"."difficulty" IS 'EASY: EASY\nMEDIUM: MEDIUM\nHARD: HARD\nEDGE_CASE: EDGE_CASE';
COMMENT ON TABLE "test_case_versions" IS 'An immutable snapshot of one version of a test case (the database refuses changes).';
CREATE TABLE IF NOT EXISTS "agent_connections" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "config" JSONB NOT NULL,
    "concurrency" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_agent_conne_project_7e68c6" UNIQUE ("project_id", "name")
);
CREATE INDEX IF NOT EXISTS "idx_agent_conne_organiz_3c7ea7" ON "agent_connections" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_agent_conne_project_a0af13" ON "agent_connections" ("project_id");
COMMENT ON COLUMN "agent_connections"."kind" IS 'HTTP: HTTP\nBROWSER: BROWSER';
COMMENT ON COLUMN "agent_connections"."config" IS 'The kind''s validated configuration (see assay.connections.config); never secrets.';
COMMENT ON COLUMN "agent_connections"."concurrency" IS 'How many conversations may run against this agent at once.';
CREATE TABLE IF NOT EXISTS "connection_credentials" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "nonce" BYTEA NOT NULL,
    "key_version" INT NOT NULL,
    "hint" VARCHAR(16) NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "connection_id" UUID NOT NULL REFERENCES "agent_connections" ("id") ON DELETE CASCADE,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_connection__connect_7b48ba" UNIQUE ("connection_id", "name")
);
CREATE INDEX IF NOT EXISTS "idx_connection__organiz_e8c430" ON "connection_credentials" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_connection__project_7d902d" ON "connection_credentials" ("project_id");
COMMENT ON COLUMN "connection_credentials"."hint" IS 'A short, non-secret reminder such as \"…a1b2\".';
COMMENT ON TABLE "connection_credentials" IS 'One sealed secret of a connection (AES-GCM, bound to org, table, row and field).';
CREATE TABLE IF NOT EXISTS "org_data_keys" (
    "id" UUID NOT NULL PRIMARY KEY,
    "version" INT NOT NULL,
    "wrapped_key" BYTEA NOT NULL,
    "kek_id" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "rewrapped_at" TIMESTAMPTZ,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_org_data_ke_organiz_1f59f2" UNIQUE ("organization_id", "version")
);
CREATE INDEX IF NOT EXISTS "idx_org_data_ke_organiz_2fbb23" ON "org_data_keys" ("organization_id");
COMMENT ON COLUMN "org_data_keys"."wrapped_key" IS 'AES-GCM(KEK, data key) with nonce prefixed; AAD binds it to the organization.';
CREATE TABLE IF NOT EXISTS "audit_events" (
    "id" UUID NOT NULL PRIMARY KEY,
    "seq" BIGINT NOT NULL,
    "actor_type" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64) NOT NULL,
    "action" VARCHAR(100) NOT NULL,
    "target_type" VARCHAR(64) NOT NULL,
    "target_id" VARCHAR(64) NOT NULL,
    "request_id" VARCHAR(64) NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "details" JSONB NOT NULL,
    "prev_hash" VARCHAR(64) NOT NULL,
    "hash" VARCHAR(64) NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_audit_event_organiz_f991c7" UNIQUE ("organization_id", "seq")
);
CREATE INDEX IF NOT EXISTS "idx_audit_event_organiz_8368d5" ON "audit_events" ("organization_id");
COMMENT ON COLUMN "audit_events"."seq" IS 'Position in the organization''s chain, from 1.';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXdty2zgS/RUUX8apUlzxJU5W2doq2dYk2ontlK0kkxlPsSASkrCmQA1B2tHOzr8vwI"
    "t4A2lSpmRK6RdLJtAgeRqX7tMN6C9tZpvE4vsXZDYiDp/SudZFf2kMz4j4oijtIA3P53GZ"
    "vODikRVUX9bzr+MRdx1suKJojC1OxCWTcMOhc5faTAr0kMeJ8xNHjm0RRBnCDNnOBDP6Xy"
    "zrdJDt18WWtUAMO479QEzk2siY2pwwNHfs/xDD5fvydqZtiPtRNmm8ZY/RPz2iu/aEuFPi"
    "iPZ//11LtuZXEvfT/vhDfKPMJN8Jl9Xkv/M7fUyJZaaQpaaU8a/r7mLuX/v8eXD+s19Tvs"
    "1IN2zLm7G49nzhTm22rO551NyXMrJsQhhxsEvMBNjMs6xQNdGl4E3EBdfxyPJRzfiCScbY"
    "s6TKtH+OPWbIt0OYc7zYpybfZ+RBp+a/wgdMVNb1y6uhftMf6rqW07N8kIyCwkuGzWQfoc"
    "yVcP31d9BuDIt/VZM3OPvQu947OnnhA2Fzd+L4hT5o2t++IHZxIOpDH2Mtu0Ae7bMpdvrM"
    "m/mID8RjYGaQHPKRbAZ78dCroB5diGGPB0YEZQRWdXi1q6+X/esu8j9uWe/8YnDZRf7HLb"
    "voX5zKwuDzln0Z9L/K/4PP7LhRq0Wb4e+6RdjEnYp/D05K1PSld+1r6iDQlC3GfzA3XIYl"
    "h36RVFisoGj85ZV0agv8MVOPiqRYRj8jIbcuBS2v1NDQ16mYU4IhJmYQFEyUyCHYmBKObC"
    "YmIXk9mnWQRbl4aDlvxXOqXjzbNd989YF5enX1UUrMOP/T8i8MhhnVf5Zdb+/A7xGiEnX9"
    "y4PLYaYfGOKJxXPp2M33hHNR4tIZUXeFtGSmM5ih6H70pT1Dt/LMqIkXNK+EIsOpukQhw8"
    "FF/2bYu/iU0sp5b9iXJYf+1UXm6l52uC4bQV8Hww9I/ot+u7rsZ6ffZb3hb5p8Juy5ts7s"
    "Bx2biVUluhqhltJ6ciHV662LCtEmF8m8znOr5BpV/pTFMEZXmiU1UU2IrBfNjY6g1eGURt"
    "z4TmlaZI3ANMQ/2w6hE/YLWeSMjAywoaF9lWluKztsfDW+v4MflkawatSKLwIAEiwM12JG"
    "uR6cDbVcR24A4s9hM9vZex/FNjF2U5ie9W7Oeud9ze/MI2zcPWDH1FO9WpbYh3bmyrJuvm"
    "h2OMtewQxPfHDkW8hnznmQnwIrQyt1M6NKnWre5tJ0qeZ1XrGlKYRw7PzF7aEZXgTWU97U"
    "qius9B1nKYc6bA6cxzY6j4leVg/2nCCspRnTBAy/daIbzio1gU1LQZcF868l5l96yXwi0G"
    "lCezt78qM45xYgtUGomDMaQDhhwe0ovOmZsk3GdmoaUdjZ2Wmm2MRODtWKxvVwSpBLGGbu"
    "Prq2H15a5J5YiBPDc6i7QAIiLuxm0QjjODAQOSEBRUlFkf2QjtPkDfB13EBhpIMt3j5b3P"
    "/MoS0DOUUBglnrgzfVGeBUEObw1asKURhRqzAM45cB//5j8u85m/Z5VqrenAqTQrVGhSWl"
    "qxOeU/2OLCrnGoi6aGw7KLgsVglmorNBB41sj/mxfzvmdt7FK8bNh97Lw9cniHLEXWEHma"
    "psg0bbhuUIlqPWT4jrX47mDhnT73UQjiXajLFvwo6pw11kiFcRs5Zw05A99mP0YiLpID6V"
    "ZqqYNabEmqM5secWQQ4x7AmjnIiZQ20WN9DmhjM/xJPpU8yndZSclGlGzY9PWhsbSCfHFS"
    "A+OS6EWBalIeaGPV85/Wkp3OrxdN3vnXeR/HvLvl4Phv0u8j+yg6SKAt5WwP9tIfxvwaT+"
    "UU3qpNbJ9zkVra2g9bTkDmp9S7QcYVKqZofc23crDe60ZANqDnslaLl5LVuYu7rHV9JzVh"
    "Y03WZNR0vuaFEzapoThMApxPo3iG77Y/3bgSmE+tsQ6m9pFLqNAJcEodXYxitVA/DueC5t"
    "blUvwPd5Yic3hPOCAH9U1CmLnvCgUuXoidD1PXFecmoSFMq+89lFw7bvqPjAjkMJ9zdazr"
    "FQNHKFi8OCHUn+XZMRD1UMZQ13gEhKa9bWTkkkxddjbSI4LQVU8KNUMJCRxdDvLhnpcxCc"
    "iKGyIn+RkAXNb5PmgYZeZR1rk5aBhgYtR/aoIvG92DYKd5ZtLGqrrcvgXLdN5G+YFB4WUw"
    "yeYnjTUjsH83GldJ7jknSe43w6D+xEXyc/Cdujt3h7tI+6gsiJtFHM4sgXqkzhzEVdm+0j"
    "2SxH2CFoYtkjbL1DD1PsShol3Lks81FNYlCTmGjknx1DncQWZ+V5W802DsRNayadTglxQ2"
    "aYWnUWzqXAztE1R4dV1kxRq3DN9MvSa6ZJ+dzCC71uqnFWbucslLUkHFPh8Iphea+AuvQg"
    "spTcBk8iizr7ZqcLOPALaKlt3XBUcvpMpTNnah00U6zrSgeK+s8HZ8K00OqBjT/rXYeTT5"
    "aDeUi+uwVGT1psB2yeskm//+swNd9HiO5d9H59kZrzP15dvo+qJzRw9vHqFNbjH3Q9htxM"
    "yCNsDcIN5hE+j1l5hjkZzOa2o7QsE6WlxqUh6unUr1jjJEPDns0lDiYKRDtyu+eSWkOGRQ"
    "lzf+KImkSUu4QZC1lDfbLhUxpTGrWJXM6EjNy2D6ZtG03brJJqWLkKUTB4qxm8Y9uZqWyu"
    "YrBjiR3EuOk9uDYTvdKtnV+YlWsz0lp0kki45T+YvsXMLbD3ZuItuggjh8itaP5ZJQ/UnS"
    "LMbDlTL+vIyIxDxrJSfnlYxw02HOt3CXf1YJU1eb4n/Pvm6rIg0zQrmHVwqOGi//k/q7A2"
    "HzNeYkYetVzK+L6833OsLxKoct8z62ZmFiLZAPie4HuC7wn7ArcBU/DnYV/gVgFcaV/gM4"
    "XgLKzctOZf75QG30SNtUTeEh0Lgm5tZSYg6AZBt50MuonFyvUU7mjFE9qW0huE/vy69/Ow"
    "Jv6BUBf5H7dMntb2LTi07dstkygOvvTPuyj6luUfqoyL5s8nBKe0GPrddUq9ubmi1tOSoP"
    "W2aF2xwyp8eqAigIrYJkyBigAqYqsAbjkVceMF2elKPiIo7DxGSuhc1qt+ko6sLX98GyMp"
    "3ZFfbcckjvJQnNLKajojZFJ8USAz2khmiOpUPU0PWIGjnRTJwE7ZNv7Qlnhe8fHy8OD4zf"
    "Hbo5Pjt6KK/6DLK29KwM9vJgH7ba32m5znahpvsQjs3gZzeO2Y+utdTUSTMtBJwb8A/2Lb"
    "AK59BGpkHj8V2LCZ7ZwZHoc1Xrwf/91YHvlJT8R06W/tKKjJ1aZVnnChF1zBA67h/EJcfv"
    "dcWYjLQ1x+J+PyLp7USxIP60NueLkqIDccArKQG/7sbAkwUECYtNGfB8KkDYTJM7qhQ8Jd"
    "uWVeK3JHlxU6j7ql+nLnXuXorJRAUiIIugbx1z0cXDKwMLH8EvEOi6CQv1DFbVdtRukIL/"
    "mV5euAL9xGXxjsVLBTwU4FO7XtmEKktGFAkwcE1AE1KwfAgkcFHtW2AVw7BA3x0ifGS5VR"
    "6Ng5ejqySR9zR8HNrj1t+kGMMg6gmvtf1/EfyuPtPMeRpxTJPZVEHnSEYzf+HSL3xFkgYl"
    "IXiSZs9OBIr13UiR7oC3Hkb5bm2YCG24bfxmiNqdIpIQNkp8yjXW1XbyTb5iC5djO4+PSx"
    "30XB5y07u7r80r++6Q0HV5e9j12U/j87KqoE1Jvf0OtS16qVrrAUaLMqVsxXOKqUr3BUkq"
    "9wpPgRDTb3FFZjcabCUgByFOrnKHgOq5ekEAlAlkK5MlbIUiDf58ILIML08dyaY0AhCqOh"
    "/vH18sDO77WAT4gA4JAitb2TjyEAm9hOrRObkzI70PsztmMl4+agxLg5UCRj0vGYGuKpC3"
    "B+3LJPt7BB1C/654PPFzWx1/q9m29dJP/esqCFLgo+b5kA6byL5N9b1j9/39fPejfCHVh+"
    "bYfFb2E28fCkltGflNmgigjb0NBoHGThqpPwVwuqrgUJEVgOGl8OtvBQsd7ZcPClX3eCSp"
    "8qFrTRRcFne88Vuw/ovLx+Crf/JyQ2t/v/YF3TUcNb/yHvphjq3c27gWPadk3rEUZwTBtk"
    "W203ppDDAjksWwVwi3cFZGLgWklOwJfYSq6QGqCHRnXVvQEM0dnM89tBnOE5n9quDOXbjK"
    "CwqUxkH+3J30qSIeKR/C/47SOOjClmE/XGgfXcQ7mrIJUvE/kXsK8AUgkglQBSCSCV4EeL"
    "5UEqQXvoW0glgFSCHwtwSCVozeQDqQSQSgCpBJBKAKkEsBx0tyZWvU5XF8LVG4N6OwOXVc"
    "LVke5G9QyrlBSYVlVMKwgRQ4h4uzCF8yMg9t7a0DDE3tsQe4eTDtZz0sFzZzf0BOjumc0Y"
    "MdyC7IZslU5ZdgOWlSUmYW04mb/zg2YNwMn86z2Z/0682qrcbSTbZqy1D8Phpy6Sf2/Z6f"
    "XV15v+dReFX9rByIrbjemkDlcYS7SDKpS3rTuv+AfKyB70E0f32KJ+MjsK3sxzfDsN7XFC"
    "wgkssRbsB5VevENMHjmDODEc4nL1kTWN3+G541o2C07hMRQMTCGZmZFqM6GpfbAfghOFxU"
    "NLEtZXFBeXFsjxxHo2EdhzF7lTypFvJyDsIvF+JN8BntYUEKhAoMJ+H9A67PdpIT8GZC5w"
    "jm2nxIBzbAPn+DyMWMx0nTnEFKYlxZamoMWU9Tpl3Fjsp+jGUqTi7p8rRoQzgy3hBwU+Tb"
    "ANJ24S7fX6Ny/fn1100Mj2mIlcG4lu3EH+7TvIERY1Fpd9FBRbf9ZxAyV5Z6SYRODvgL9r"
    "o0W7/jQBg87FmFCneZ9Shp1FgQ+ZksugPVqEP4a7ZXiXwHsa8itLZ0GAejq47F1/Uyd8ny"
    "r4mNNvw34vgz+zwyW4OvRLEUB9VdTvyEKvn9KXkWozC/ZsaX3TEIaq83VUv83ztdZDfGo7"
    "bgeJofcytEscMpN3cRD3jKlYZdGtdusdvjo8wQejw1tN9XNoqzWy4WgCEEzFY2V3CaaEU1"
    "DPus0JQvYVJGJuEF3g7oC7ayO1BNxdG7g79RLXALyKbLTtXNwexTm3wLfpJ5LEXCJsUiz0"
    "pim40URpp4wRFWNV9wko4eCtJVMwO4PCOUPPbkEUM46w1a9pTuDBEWNPOIZ3RJFzVMZ0ZQ"
    "TbzXdpYWBi75f+Lx3/KDIknvsFeqDuFPmcHZo7ZEzFHd+hXu8cjcT9OaKuDGHI08uSs4SC"
    "Pmi69TawcHdKu72YLYol2swXrcjvnxxX4HJOjgu5HFkEKWK7zeVUSRFzSDRv1td7VrYBzY"
    "eP3BbFb4miFaRdXtNALQEN0m4vvToN8kwbzzyTuv174r9Afs9ZXNop3W4m6+lEVtyI/8jJ"
    "n+A7ttF3lIpReDiTQtcxFGiz26h9sjn1lUNZzpP4yT9jmbIOGjv2DB3k/Zba0mpn9B+Hh0"
    "dHbw5fHZ28fX385s3rt6+WXmm+qMw9PR28lx5qas3Ou6xi8NpOoI8a7klaagddlDWcdOVD"
    "Vs8LTMrsIMjN+4G4gPYuhVjNaO0CwGtJpHOxI5bs2lNGRmznzjZqvjOHiNWbMlJCAPKjID"
    "tEvCSvi3JaCmB+FGY6rwNvUBtgBd5zLX7P1tFfJnExtWqdkpoQ2d6jD5pQ9loOF5g75F6f"
    "Yj6tM6ulhHbQ2mx+equLMIBbA1zg1IFTB079SZw6cagx1VR8elDSKeXS4zqNsuhPocsL6V"
    "vlIFewt6Ean0aTtz7jZ4WcquJFqzipahfWrcPXr6ucxfb6dfFZbLIsQ/PNa7mTYfUdRHc9"
    "O2XlTxupNreVnrMWiWze23geW6AxvyJnNWxyMfv7/0KDnyM="
)
