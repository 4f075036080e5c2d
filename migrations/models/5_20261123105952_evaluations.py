from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "calibration_reports" (
    "id" UUID NOT NULL PRIMARY KEY,
    "evaluator" VARCHAR(64) NOT NULL,
    "evaluator_version" VARCHAR(32) NOT NULL,
    "judge" VARCHAR(64) NOT NULL,
    "model" VARCHAR(200) NOT NULL,
    "cases" INT NOT NULL,
    "mean_abs_error" DOUBLE PRECISION NOT NULL,
    "rank_correlation" DOUBLE PRECISION,
    "pass_agreement" DOUBLE PRECISION NOT NULL,
    "within_tolerance" DOUBLE PRECISION NOT NULL,
    "max_mean_abs_error" DOUBLE PRECISION NOT NULL,
    "min_pass_agreement" DOUBLE PRECISION NOT NULL,
    "within_margin" BOOL NOT NULL,
    "deviations" JSONB NOT NULL,
    "judge_calls" INT NOT NULL,
    "input_tokens" INT NOT NULL,
    "output_tokens" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_calibration_evaluat_9cc8c5" ON "calibration_reports" ("evaluator", "evaluator_version", "judge", "model");
COMMENT ON COLUMN "calibration_reports"."judge" IS 'The judge plugin''s slug and the model it used.';
COMMENT ON COLUMN "calibration_reports"."rank_correlation" IS 'Spearman''s rank correlation between scores and labels (null when undefined).';
COMMENT ON COLUMN "calibration_reports"."pass_agreement" IS 'Share of cases whose pass/fail at the default threshold agrees with the label''s.';
COMMENT ON COLUMN "calibration_reports"."within_tolerance" IS 'Share of cases scored within their tolerance.';
COMMENT ON COLUMN "calibration_reports"."max_mean_abs_error" IS 'The evaluator''s declared margin at the time, and whether the report meets it.';
COMMENT ON COLUMN "calibration_reports"."deviations" IS 'Per case: id, language, expected, score, deviation, within_tolerance, explanation';
COMMENT ON TABLE "calibration_reports" IS 'How one evaluator version agreed with its labelled dataset under one judge model.';
        CREATE TABLE IF NOT EXISTS "evaluator_enablements" (
    "id" UUID NOT NULL PRIMARY KEY,
    "evaluator" VARCHAR(64) NOT NULL,
    "evaluator_version" VARCHAR(32) NOT NULL,
    "judge" VARCHAR(64) NOT NULL,
    "model" VARCHAR(200) NOT NULL,
    "override_reason" TEXT NOT NULL,
    "enabled_by" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "calibration_report_id" UUID REFERENCES "calibration_reports" ("id") ON DELETE RESTRICT,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_evaluator_e_organiz_6a9310" UNIQUE ("organization_id", "evaluator", "evaluator_version", "judge", "model")
);
CREATE INDEX IF NOT EXISTS "idx_evaluator_e_organiz_858246" ON "evaluator_enablements" ("organization_id");
COMMENT ON COLUMN "evaluator_enablements"."override_reason" IS 'The owner''s written reason for enabling without a report within the margin.';
COMMENT ON COLUMN "evaluator_enablements"."enabled_by" IS 'Who enabled it, as \"type:id\".';
COMMENT ON COLUMN "evaluator_enablements"."calibration_report_id" IS 'The report that met the margin; null when an owner overrode the gate.';
COMMENT ON TABLE "evaluator_enablements" IS 'An evaluator version an organization allowed with one judge model.';
        CREATE TABLE IF NOT EXISTS "judge_cache" (
    "id" UUID NOT NULL PRIMARY KEY,
    "key" VARCHAR(64) NOT NULL,
    "evaluator" VARCHAR(64) NOT NULL,
    "evaluator_version" VARCHAR(32) NOT NULL,
    "model" VARCHAR(200) NOT NULL,
    "prompt_hash" VARCHAR(64) NOT NULL,
    "input_hash" VARCHAR(64) NOT NULL,
    "reply" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_judge_cache_organiz_1b6ab0" UNIQUE ("organization_id", "key")
);
CREATE INDEX IF NOT EXISTS "idx_judge_cache_organiz_083001" ON "judge_cache" ("organization_id");
COMMENT ON COLUMN "judge_cache"."key" IS 'SHA-256 over evaluator, evaluator version, model, prompt hash, input hash, sampling.';
COMMENT ON COLUMN "judge_cache"."reply" IS 'The JudgeReply as JSON.';
COMMENT ON TABLE "judge_cache" IS 'A judge''s verdict, reused when the same evaluator version asks the same model the';
        CREATE TABLE IF NOT EXISTS "judge_configurations" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "provider" VARCHAR(64) NOT NULL,
    "model" VARCHAR(200) NOT NULL,
    "base_url" VARCHAR(500) NOT NULL,
    "temperature" DOUBLE PRECISION NOT NULL,
    "samples" INT NOT NULL,
    "is_default" BOOL NOT NULL,
    "key_ciphertext" BYTEA,
    "key_nonce" BYTEA,
    "key_version" INT,
    "key_hint" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_judge_confi_organiz_36d15d" UNIQUE ("organization_id", "name")
);
CREATE INDEX IF NOT EXISTS "idx_judge_confi_organiz_818e6e" ON "judge_configurations" ("organization_id");
COMMENT ON COLUMN "judge_configurations"."provider" IS 'The judge plugin''s slug (\"openai\", \"anthropic\").';
COMMENT ON COLUMN "judge_configurations"."base_url" IS 'Empty means the provider''s public endpoint.';
COMMENT ON COLUMN "judge_configurations"."key_ciphertext" IS 'The API key, sealed (AES-GCM bound to org, table, row, field); null when keyless.';
COMMENT ON COLUMN "judge_configurations"."key_hint" IS 'A short, non-secret reminder such as \"…a1b2\".';
COMMENT ON TABLE "judge_configurations" IS 'An LLM provider an organization''s evaluations may call; one is the default.';
        CREATE TABLE IF NOT EXISTS "evaluations" (
    "id" UUID NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL,
    "idempotency_key" VARCHAR(200),
    "evaluators" JSONB NOT NULL,
    "judge" JSONB NOT NULL,
    "total" INT NOT NULL,
    "done" INT NOT NULL,
    "passed" INT NOT NULL,
    "failed" INT NOT NULL,
    "errored" INT NOT NULL,
    "pii_leaks" INT NOT NULL,
    "overall_score" DOUBLE PRECISION,
    "pass_rate" DOUBLE PRECISION,
    "summary" JSONB NOT NULL,
    "judge_calls" INT NOT NULL,
    "cache_hits" INT NOT NULL,
    "input_tokens" INT NOT NULL,
    "output_tokens" INT NOT NULL,
    "error_message" TEXT NOT NULL,
    "created_by" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "started_at" TIMESTAMPTZ,
    "finished_at" TIMESTAMPTZ,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    "run_id" UUID NOT NULL REFERENCES "runs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_evaluations_project_e2cab5" UNIQUE ("project_id", "idempotency_key")
);
CREATE INDEX IF NOT EXISTS "idx_evaluations_organiz_792215" ON "evaluations" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_evaluations_project_c33402" ON "evaluations" ("project_id");
CREATE INDEX IF NOT EXISTS "idx_evaluations_run_id_3ade87" ON "evaluations" ("run_id");
COMMENT ON COLUMN "evaluations"."status" IS 'QUEUED: QUEUED\nRUNNING: RUNNING\nCOMPLETED: COMPLETED\nFAILED: FAILED\nCANCELLED: CANCELLED';
COMMENT ON COLUMN "evaluations"."idempotency_key" IS 'The client''s key: asking again with the same key returns this evaluation.';
COMMENT ON COLUMN "evaluations"."evaluators" IS 'One entry per evaluator, as chosen: slug, version, title, threshold, weight,';
COMMENT ON COLUMN "evaluations"."judge" IS 'The judge as it was: configuration id and name, provider and its version, model,';
COMMENT ON COLUMN "evaluations"."done" IS 'Cases scored so far (passed + failed + errored).';
COMMENT ON COLUMN "evaluations"."errored" IS 'Cases where an evaluator could not score (judge error) and none failed.';
COMMENT ON COLUMN "evaluations"."pii_leaks" IS 'Cases flagged for leaking personal data.';
COMMENT ON COLUMN "evaluations"."overall_score" IS 'Weighted mean of the cases'' scores, once finished.';
COMMENT ON COLUMN "evaluations"."pass_rate" IS 'passed / total, once finished.';
COMMENT ON COLUMN "evaluations"."summary" IS 'Per evaluator: slug -> {mean, passed, failed, skipped, errored}, once finished.';
COMMENT ON COLUMN "evaluations"."created_by" IS 'Who asked for it, as \"type:id\" (user, api_key).';
COMMENT ON TABLE "evaluations" IS 'The scoring of one finished run with a chosen set of evaluators.';
        CREATE TABLE IF NOT EXISTS "evaluation_case_results" (
    "id" UUID NOT NULL PRIMARY KEY,
    "passed" BOOL NOT NULL,
    "score" DOUBLE PRECISION,
    "asserts_passed" BOOL NOT NULL,
    "pii_leak" BOOL NOT NULL,
    "pii_findings" JSONB NOT NULL,
    "scores" JSONB NOT NULL,
    "judge_calls" INT NOT NULL,
    "cache_hits" INT NOT NULL,
    "input_tokens" INT NOT NULL,
    "output_tokens" INT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "evaluation_id" UUID NOT NULL REFERENCES "evaluations" ("id") ON DELETE RESTRICT,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    "run_case_id" UUID NOT NULL REFERENCES "run_cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_evaluation__evaluat_7039da" UNIQUE ("evaluation_id", "run_case_id")
);
CREATE INDEX IF NOT EXISTS "idx_evaluation__evaluat_ed06da" ON "evaluation_case_results" ("evaluation_id");
CREATE INDEX IF NOT EXISTS "idx_evaluation__organiz_032b11" ON "evaluation_case_results" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_evaluation__project_8ee6e1" ON "evaluation_case_results" ("project_id");
COMMENT ON COLUMN "evaluation_case_results"."passed" IS 'Every assert passed, every evaluator met its threshold, and no PII leaked.';
COMMENT ON COLUMN "evaluation_case_results"."score" IS 'Weighted mean of the evaluators'' scores (null when none scored).';
COMMENT ON COLUMN "evaluation_case_results"."asserts_passed" IS 'Whether the run''s asserts all passed for this case (and the case ran).';
COMMENT ON COLUMN "evaluation_case_results"."pii_leak" IS 'The answer leaked personal data (see pii_findings).';
COMMENT ON COLUMN "evaluation_case_results"."pii_findings" IS 'Findings with their values masked: type, turn, start, end, score, masked.';
COMMENT ON COLUMN "evaluation_case_results"."scores" IS 'One entry per evaluator: slug, version, status (SCORED, SKIPPED, ERROR), score,';
COMMENT ON COLUMN "evaluation_case_results"."content_hash" IS 'SHA-256 of the canonical JSON of what was recorded.';
COMMENT ON TABLE "evaluation_case_results" IS 'How one case of the run scored: written exactly once, with a content hash.';
        ALTER TABLE "run_case_results" ADD "pii_findings" JSONB NOT NULL;
        COMMENT ON COLUMN run_case_results."pii_findings" IS 'Personal data found in the agent''s answers, values masked: type, turn, start, end,';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "run_case_results" DROP COLUMN "pii_findings";
        DROP TABLE IF EXISTS "evaluator_enablements";
        DROP TABLE IF EXISTS "calibration_reports";
        DROP TABLE IF EXISTS "evaluations";
        DROP TABLE IF EXISTS "judge_cache";
        DROP TABLE IF EXISTS "evaluation_case_results";
        DROP TABLE IF EXISTS "judge_configurations";"""


MODELS_STATE = (
    "eJztfe132kqS97/Shy9xziqZG+flZsk+cw62uQkzju3F+GbuLnuIDG3QWLQYtbDDzs7//l"
    "R1S0IvLSxhAQ3pDwlY6mqJqu7qevl19T8bU29EXf76K53eUp9PnFmjSf7ZYPaUwhfFXYs0"
    "7NlseQ8vBPatK5vH7cR1+5YHvj0M4Nad7XIKl0aUD31nFjgeQ4IWmXPqv+DE91xKHEZsRj"
    "x/bDPnf21sYxFPtLVdd0GY7fveIx2RwCPDiccpIzPf+zsdBvw1Pm7kDeF5DhvX3vOcOf+Y"
    "00HgjWkwoT70/9//3Uj2JhrB8xr/8z/wzWEj+oNybIZ/zu4Hdw51RynOOiOkEdcHwWImrt"
    "3cdM5+Ey3x19wOhp47n7Jl69kimHgsbj6fO6PXSIP3xpRR3w7oKMFsNnfdUDTRJflL4ELg"
    "z2n8qqPlhRG9s+cuiqzxH3dzNsRfR2zO7cVrZ8RfM/o4cEZ/Dl8w0XgwuLjsDa7bvcGgkZ"
    "MzvkhGQOGlocdwjDgsQHb981+y3yVbxNUGPuD0S6t79PbDS8EIjwdjX9wUTGv8SxDagS1J"
    "BeuXvMYhkOf26cT222w+FRzvwGvYbEhznI9oM7yHl16H69GFJduXEyNiZcSs8uxtXH67aH"
    "ebRHz0Wevsa+eiScRHn31tfz3Bm/Kzz37vtL/h3/IzO2/UYmlM7R8Dl7JxMIE/33xYIabf"
    "W10hqTdSUh7Mf6kbLsI7x+IWCmwpoGj+5YV04gH/baaeFUmyjHxugW5TAoqvVJDQtwnoFD"
    "nFQIMQqSiJT+3hhHLiMVBCeD3SOsR1OLw06q2lTh0Ua7v6uy8/MU8uL8+RYsr5P1xxodPL"
    "iP4Gh97RGzEioJETiMudi15mHAzhjeG9BnaQHwlncCdwplQ9FNKUmcEwCklfR1/0mbqlNW"
    "MDfuDoEgQZquoVAul1vrave62vVympnLV6bbxzLK4uMlePstM17oR86/S+EPyT/NflRTur"
    "fuN2vf9q4DvZ88AbMO9xYI8Sq0p0NeJaSurJhXRQbV1UkNa5SOZlnlslNyjy5yyGS+6iWV"
    "KRqwmSzXJzqzNofXaiEXd3rzQtskZgmsW/eT51xuyvdJEzMjKMDQ3ty0x3ezlgl1eXz/ft"
    "x9gIVs1a+AIMoHJh6IJG6XZOe43cQK6BxTdhN/s5ep/kbWLupnh62ro+bZ21G2Iw39rD+0"
    "fbHw1SoxrveMde5krcNn9rejzNXrGZPRbMwV+B75zzIK+kldFY6WZGjaxy3mZsupTzOi9Z"
    "bAoRe+n8LfsjU3shrae8qVWVWOk7TlMOddidcR51dB4To6wa23OEZi3NmCbG8Nskd0OtUp"
    "GxaSozZI35p4n5l14yn8nodEB7P0fyk3zOLUBqg1ChM2rgcMKCO1D2pjWlTsZ2So0o7Oys"
    "mik2sZNTtaRx3ZtQElBms+A16XqPr1z6QF3C6XDuO8GCAIs42M3QCeO2NBA5pTJE6cAt7z"
    "Gdp8kb4Jt4gMJIN7a4fra4+MxxGxM5RQmCqfbJm/IR4FQS5viXX0pkYaBVYRpG3DPx958z"
    "/p6zaXezUrVmDpgUqjUqvLNydbJnzuCeLkpjDaAtufN8Ii/DKsFG5LRjkVtvzkTu31vGdj"
    "4tV4zrL61Xx+8/EIcTHoAdNFKhDWrt2yxHZjnSXiFufjma+fTO+VGFw0sKnXksTNg7x+cB"
    "GcJPAa0Fbhrx7kSOHhSJRfgEzVTQGhPqzsiMejOXEp8OvTFzOAXNoTaLa+hzy8gPeLPBxO"
    "aTKkJO0tQj5qeV1tYm0od3JVj84V0hi/FWmsV86M3Whj/FxFrPp267ddYk+H+ffet2eu0m"
    "ER/ZSVJGAB9L8P9jIfs/GpP6ZzWpk1KnP2YO9LaG1NOUByj1PZFyxJOVYvbpg3e/1uROU9"
    "Yg5nBUGinXL2XX5sFgzteSc5bWSFpnSUdL7u2iYtY0R2gSpybXv0Xu6p/r3w+emlS/Dql+"
    "TbPQOjJ4RRJazdvlSlUDew8cS5tb1Qv4u5vcSYc9OEFhjj9x11qVQ3HidqXTKBx469JXcw"
    "waxtQYWPy7p9pnObUdl8YpELDGQOUqN2zW0m+f9ZlACIB7xZZpFWLzZL7lE/wBd2wfLj06"
    "wURESZPdv4DmI8I9vNFnideBHu9ESgf+4RarPADhlt7BE+F9F/heDoIRJBLHpHb0WuytFa"
    "kdiqOrSlA6JtA5ULpmTPrtcZnkDrQqDIuKe2mT1WzK1XxT7tK04Hk5/eX68uIpp4KrAh7O"
    "MCD/J/afbkpUCSV0O3fcwGH8NT6vqgZqhMYjLAScHElh8JeJ/bViswfo90T1gE+ETmewBv"
    "w/AmuCv4gS/vnVrua+y+tEFFwqHBMNgaOvrb9lR8fp+eVJVnliByeZoSIW28p5vDSVyeQ9"
    "mckzuaRi1ptckskl6SrlUrFneziks/Vmd4bU5Bh0lrPJGf4MUo6nZOVUUp7yGT78/ki4Qr"
    "JDRGPWYW2O0GTpTJZuw9w1GSUdMkrLmW+yHk9xOKcln942mliztsdfPde2J9mbX99T/IXX"
    "IBc35+e7yiqde2OHnU5sF+MYtKHILGVaWKuySy62HQyjxhW2kPKJ5wevXOeBjqxkZmjmew"
    "LUbmP1FYl3v4POcOfNHDhLR3T0ifQue1dk6E1nyFVeCJffwDNMekeblddakd4xAcutBCyn"
    "MAk8xbAuZvGSQuvczhfvUQTrU8rh0eZkBhODjpqk38Bvj54/6jfIkQtv7MM1zxkN+42XeW"
    "1UQ39bzg6ZWHTxrDKxaBOL1lXKpaJXa4LdDc59T+R7J6BTIKoAU8qK9H6HBWoRKygzokbP"
    "Z0Oz95eKq/Q332NjsNHhMowmB1FgY5AnrLDBxOEkdksEGmzkQCth8fMpXCeuM1X5DTX1mV"
    "0yhKv16vjNu1/ffXz74d1HaCL4FF/5dcX4yxfSVhXJKja6wiqUWzO4GptyFjZtz5paypuM"
    "h5oCv2XiR5oW+L0EV6QzoixwAmU9l9R9a2XNMWgJP1A0dcqGjFpkRn0ucLv2cOjNWSD0Li"
    "OXM8o6Z+TUYwzxVjPfe3AQuHv02fPGLn1pYXEE0OIC2svncOffCJ/fqlFbG3lKhFgO/yZH"
    "37/D1+/fXyL+Kzy1QfT2AsHMyCWEJmOtGXFTvNAn8V1gUHHd8enM8wPeZ0N4N1iSYD0i0P"
    "4W6z2gkWYhshnawQPu6SyQ5WjA23zEkBe6nbhtEcumMYswRJvhTRt/Q3FJY/m78Hb4Q0w5"
    "Yx0jX0sxlbYOYgqdQzJr2gjH79+XqVvz/n1x3Rq8l6m4EU6ACkxOkBgul+PyPkD0q1q6Ii"
    "0RbmVJ6X6pkaVeh3XkyGGwAExteYKZIqD4jH62vxXAxBKL59HhxhJFaQSZIFyzrkKS2ASc"
    "dA44GcfZOM7GcS50nAWkolHgNcub1pMus9CGFTbxjtkrB2tjgxMbeGkjAYuXMi8g+AvJgg"
    "ZNsXcW/NIAhsX374mqpkh263uPPNzemtvSW/tT0F3GBZFgHp7GJQ4FkegyvBC2B6d56Hn3"
    "DtzzabgZWHrLV389bRPwbR0QlA+ucB839CIWhNz53lTCPyJS6DbcRwwaDlxe+hp9fT6fCp"
    "9+CE8D/xlas5EjTSlyc4WK12BC9FKi1grPWIygypiQNJXBhDwZQw/nZWVGZ+kO0E2un9nM"
    "C1f8slyOCXRmb+PCw+gkOH8BeLABnvXwAEsiqGzfm48nSfUvVLdYYGBthFVH3OucyfIQCr"
    "+51p63LGx4DmWVok5LCq3F3Zc40j7c8hD2hFbFfIZAKOn/YwQ+jsejxYCZ2CRQnDh3sHAz"
    "SqZ2gCciKwS/oWdsGZWVQsdXLU+uJNY3VrZuLNIcnGEiWPVEsAwabh0TXScpGzTcTyrfXD"
    "RtN8GfLh16WMzlFP5sKOI/qfvWqhCQH7YcCGhauSgQHmWc2PYSdSHQbYozao5S8RgMp71c"
    "dSZO7b0rYQdR7BN7lb6hgR1oGFxZiqeCQZoi0tlD0cbfN3boz2iHGgPl8AwUkz012VOTPX"
    "3SgL6mnBdUQI5urTSbuWxUPm1KfTBiX4mAb0grs4lhpnBo+77Y9MGIN7NBwjIebIk2IXh3"
    "afQqU6b1P8EkILXRQ6tsZLMp3djIxkbeJNoQdzSsCzZM0BrJ75PkTZR+nXVMJymXcpJMXc"
    "2fQcpmY/NGbCLh3YGHVQ0+kqY6ODa/K4UUeLcCKfAujxQwsRwTyzGxHGUsp+cFs99E6auG"
    "IpyTuGutiugE0G4gK2iVjurMJVAcVp4Jbjsf2kDclLByauMhUyEkUAK/qNxEh8YA4QGdka"
    "ikoyqcU1fXCHv//l16InDj+3dxstToAQfySGZTbxfk+3eJOyevX78m3760u20Sk5D/IJJS"
    "7P62RR6WHMFz+8xmC0Jt30UgvMeoSLxGT8Yd7lOYhALnbpGJ9yg2hE+Rxqcw7nnACTCYyo"
    "O0TB1E3dSltSot68xAOgH9oVj3Txxm+4uCSEiKLsP920UgEQj7qT5VLD4JD8KJTWRY4k86"
    "F63uH/GxObGdfH558flEcXDOyR+9dqscPnsV64sQ2obrpbl+TxcD0GFRdiDN+8LSVxmq7Z"
    "W92mTYp+a6Uya2Wszqw42wwS+9c/zpenLP0O5N+KVxgWD/x4njUkKZ77nuFDc5guU0o2wE"
    "I4EcSStPmHdYVIeD7YQFdTxpesW/HCvxLGig3I2yiUcccHgoNnZVa+q4ULWnyLStZ1hVq/"
    "/78fHbt78e//L2w8f373799f3HX2L1nr+1Ss+fdD6jqk9JNa/79Yls7DR9WWNco4ob/lQM"
    "5JLRngf/bTgCogPra45/PCumIfioiGZE/C2OY+BLVix+95pgt1zsdB+73q3tfpIl3WCVQG"
    "fdHk5w8RjRoTOCNeF2gTccP3HkqPJc7no7N5EBbRSOtSIysOvqWhpBUDZS82rk8JlrLypv"
    "0szSHVzWZSP7Mx0+AA3qPKhiLZ7nUpsV6JAkXTbgAoSb4nU02Lccb7m8PE9Z+iedjNV3cY"
    "PnlR+9EbyHRk5QYAyaQEDxcD/cQEB0RkllEGOOcC21tiXH3/bHHjt2RuTqyymRwv5EhKuO"
    "RXln1Ju56LV7ZGI/UFHhiGOCh0Q/khypvf0a+91RNc5BWE5pnXmv7GB/okHfJpQlCjKLKl"
    "d0FBvHIyJqM4O5/P27+KXfv3/CME2I8Ca3FGRMRdEpxZkD9fZ9YPEfTbbyonfUQyx2o8Dd"
    "kzef9PkGAtBdoY5bvMPWddi93AwgBgQVm2ltkYEmR7I2uJxeQ1Hiw1oqDpCAUiPV2z2msO"
    "OqaeAfombLl0zD+ufhzjTSuRZnIZLWxRlZgjHJn7EK2/fvL2Uiu8/kS8Gj7rmsxkYf8G+c"
    "NTN8NsM0dvDowB3prxIO4iFTD8OpxindH6d0NveBosBfarP5NBfdSlsZS3KddxM3fm93O7"
    "/9MWh/bXXOmyT5V59120h11bq+/nbZPWuS9N/ZGVzOvS3l3a5wbvexMvcaYsnW1BYKUWRd"
    "ZHXLJmhDqYrEAs3RRJtglsa+9eaI8AGVh9ol6uTpqt21PGH7sQ2zkclsZDI+ttnOsm2p74"
    "mUS2WyTU2Hg5evJtlyfYVq9gHolAffWiTlyvfEWUiKOEp0y1oVRZnJRuVCKMVMVZYbS9ZI"
    "xf7F+5mKYxrGCqomVrefUN2a67GRlGryzXJs7tEfBVC7DNkBpK9XWSXtv/VSBknEUTV+PW"
    "qekMApQtqN22fcvlRx7mrriIJ0s/bjnsIt1cyuwYy8zHS3lxx+0ppUDLOUVdmFKdDtnPZ2"
    "ZVae2px2pnjwocqyTNxdaVwOod3AEQ0rVNkdetMZ8mFEJGl0HrBESZKh61AWvODEGVG4H1"
    "A2XMSn7eaK6j6nM6VRO1ta1QmaAdAY01ZH0zYrpApWroLUGLzlDF55UGoVZi8pDpDHH0tw"
    "+GMhfz/mkhmeOItmjRrRaTqdOd2Iap2HR9RJ9Q2aG3g/RywC5vfkCe2osOWGepvJlF7UBk"
    "H2Pr3DRvnlYRMP2HJWK6A8GMhVdsTzI+Ev15cXBfnDLGHWwXGGAfk/4jp8Yxu6EkvM7dxx"
    "A4fx1/i8XawvyKjVvmfWzcwsRNiB8T2N72l8z01YdwlQk7S+KzI2TWV4avz53fnzitFcA5"
    "cTuZ7DZHB6CmsVK7lybSWOWVy3VibfoMVGMm+JgWWSbrpGJkzSzSTdDjLphsd8zxXuaDng"
    "+ZJ6i6w/67Z+61XkvyRqEvGBYPPW2R+IMYePPkMudn5vnzVJ9C0bfygzL+o/9NY4pcWsP1"
    "yndD4brSn1NKWRui5SV+Amw7c3oQgTitgnnppQhAlF7BWDNQ9FXM9loRFlPELetJ4KSgw4"
    "tiu/rxpbE4dhfQWgtvCr54+or9wlvbKxOpwRRlIEqQlm6BjMgOaOWk0XFpJMkpgCwYq6QM"
    "Z+26j9hnquovG2JDGbiow5vHGeivWuIkeTNGaQGv/C+Bf7xuBS/kV2JauDsWE3+6kZnmbr"
    "cvFWb+DMad4aeBr7WwfK1ORqo5UnXOgFl/CAKzi/Ji9/eK6sycubvPxB5uUDe1wNJB62N9"
    "jw1aIw2HCTkDXY8J1HS0wEygRMdPTnTcBEh4DJDt3QHuUBbplvFLmjcQPrSbd0EO/cK52d"
    "RQqCFDLpKvOvR7a8NLSx5jneEYcUS9dXWd163W6UjnAcX4l/jvGFdfSFjZ1q7FRjpxo7VX"
    "eemkxpzQxNFgiowtQsnWGs8aiMR7VvDK6cgjb50mfmS5VZ6KVz9HzOJn3MA2Vudu3RqU7z"
    "qhhAOfe/quOP56MM576PVYpwTyXFQkf20o3/hCc/+QtCR05AoAuPPProtUOb6IV+pz4eiq"
    "Y+e6XGvs2JUtqYKtaKYAAOyjy3y+3qjWh1TpI3rjtfr87bTSI/++z08uL3dve61etcXrTO"
    "myT9d3ZWlEmo17+hN3ACtxJcISbQWRRr4hXelsIrvF2BV3irOA+ZzeYKq7EYqRATGIxCdY"
    "zC3GfVQAoRgUEprBbGGigF+mMGXgAF02ceVJwDClIzG6qXr8eCnT8qMT5BYhhuIFL7q3yG"
    "wLCx51eq2JykOYDRn7EdSxk3b1YYN28UYEzn7s4ZwlsX8Plpyz7dwxa5/rV91rn5WpH3jX"
    "br+o8mwf/7TPbQJPKzz4BJZ02C//dZ++xze3DaugZ3IP6qh8Xv2mw8t8eVjP4kzRZFJM/w"
    "3sLUqJ3J4KrT8NSCsmtBgsQsB7UvB3tYVKx12uv83q6qoNJVxWQfTSI/9a0r9iDDeXn5FG"
    "7/T1Bsb/f/m02po5q3/hvcTTGrDxd3Y8q0HZrUIx6ZMm0GbbXfPDUYFoNh2SsGa7wrIJMD"
    "b6zABPy+tJJLQAMGoVFddm8AI850Ohf9EM7sGZ94AabyPUZJ2FUms0+O8KwkTBHf4l/y7C"
    "NOhhObjdUbBzbzDOWughReJvIvzL4CAyUwUAIDJTBQgp8tl2egBPqEbw2UwEAJfi6GGyiB"
    "NsrHQAkMlMBACQyUwEAJzHLQ3Jtc9SZdXZOu3hqr9zNxWSZdHcnutpphlaIyplUZ08qkiE"
    "2KeL94aupHmNy7tqlhk3vXIfduKh1sptLBrtENLWB6cOoxRodBAboh28RahW6wsTHyJGxt"
    "KvNbPylqwFTm32xl/nv4aevGbiNanXnd+NLrXTUJ/t9nJ93Lb9ftbpOEX/SIyMLj7pxxlV"
    "jhkkKPUCE+tqpeEQVlcAS94OTBdh0BZifyl819YaeRI05pqMASa8Fr2ejlJ8Kw5AzhdOjT"
    "gKtL1tT+hF3ntTwmq/AMFRGYwmBmhkrngGbji/coKwrDS2MQVgiKw6UF8eewno2B9zwgwc"
    "ThRNgJxA4I/D6aHwDP68oEUE0A1ez3MVI3+300jI+ZYK6JOeoeEjMxRx1ijruJiC0jXac+"
    "HYFp6dhuQxEWU7azVsXGln7KYBiTlNz9c8koODO2C36Q9GnkNpxll+So1b5+9fn0q0VuvT"
    "kbkcAjMIwtIh5vER8sahsuCy4otv5s4gHK4N0wFUk08TsTv9PRot08TGDozGBOqGHeJw6z"
    "/UWBD5miy3D7dhEehrtn/F7B3pMwvhI7C8DUk85Fq/uHGvB9oojHnPzRa7cy/GdeuASXZ3"
    "1MYri+Ltfv6WJQHdKXodI5CrYzWN8kZENZfR2111lfN1qETzw/sAhMvVehXeLTKT7FJ3w+"
    "nMAqS/qN/vz4l+MP9pvb435DdRzaep1sOZtgAkzFc+VwA0wJp6CadZsjNOgrA8TcIndN7M"
    "7E7nQMLZnYnQ6xO/USVwN7FWi0/VzcnuRzboHX6Ygk0CVgk9ogt4YiNpq4a62KiMJcHYgA"
    "FDh4G0EKZjWoqTO0cwuiOOJotvrVHRN49GHugWN4TxWYo1WRrgyh3vGuRpiYOPpr+6+WKE"
    "VG4L1fkkcnmBARsyMzn9458MRPpNU6I7fwfE6cAFMYWL0sqSUU4YO6e9chCnevtNuLo0VL"
    "Cp3jRWvG9z+8KxHL+fCuMJaDtwxE7LBjOWUgYj6N9GZ1uWdpa5B8+Mq6CH5PBK0I2uUlbU"
    "JLJgyit5dePgyyGwfyhlN/hQeZvG2tciHn0LCiD9lokRk4Dh57wYn3yGKbziKhCia3C2IT"
    "sPeaaMYhKoaTx4kdkFvqemzMI8sOn41ZJTT1FFmn+h/SZ4iJx2K8SfGKEryOT3qXvasQvP"
    "PSItwT/c79B+eBcuJS+wHejIgOshap0nfGBxufWQPVaBmf2fjMuvnMqB0E3u+h6NzxjTzB"
    "+M67n3DGdza+s/Gdje+cF3Qp31lY7NVsxASJQbmsdpYjq/2ZTvJN2M1+svRJ7zgxoHTKqr"
    "bmIydoP1Dx3vlCLMu71soaLNhuQLHhVpKqnP7DOIc6OocoGIULMy70DUMCnf3CxpXHHSEc"
    "h+XSay/EwUMOs8id703Jm7xTUpla7W3++/Hx27e/Hv/y9sPH9+9+/fX9x19itzN/a5X/ed"
    "L5jC5oajHO+6QweT1fyqOC35GmOkDfYwPlnwXLqrl3SZoDZHL9Dp5dgAVbyWJ1yOoQGLyR"
    "3WWB7cOSXVllZMgOruBv/YM55Fg1lZEiMkx+ksk+hR/Jq3I5TWXY/CSbnVkV9srWhq0moL"
    "kRv2fv4lojGtiOW+nokATJ/tYDrEPYG6m4N/Ppw2Bi80kVrZYiOkBrs371VpXDhrkVmGuA"
    "ZgZoZoBmz4mpd+fKquZ42VoVRffnZU9mx9JJIKDhXKylomzSzLWXVUqTVZQ+ESfgy6PVZZ"
    "XaiQc/BJvFVaHU9Zk28ZCnCqw7IzqdeQEWoBXIFhPo1zHQH9jBXGF5lqsGvqTeojP3nzft"
    "m/ZZRTaHVE0iP/use3Nx0bn43CThFzy7Hc9w72Gj+Guf/dbqnOMl+QmtWhen7XNxKf6anX"
    "K7iUBn51sFw0pBupZAt4N9EEW+h64DuugFR2hYk8BA9AMBUkWlJpFimKThwBtsQXwqjv2W"
    "dZ9BQasrh9fR6fbr+Ufquor/mKTZXweycYULGfLBInzuBJTHUnJ8gienENDMlpDacpED+S"
    "LJn7BO/J9k2fc/JaqlK1J/m3rKjt3cwAtk5cmSAOC4/fbSvL9syvuqGfs7w7NcFXZLIS+X"
    "BIaZWWbe2Y5biZlLAsPMLDOp74P7WYWbCQrDziw7MVwOfuVcsdoW680kjWFp7lQM9C3caj"
    "M+RWNYmmWpMF0rn9mbptI3P9f4NvFI+LLECSxZhRFftOmM+g1yJHe+2TMHvRlFyeo16HdQ"
    "5tck/37C3QzRHKwu9TSl2cmgc8b3zmEOn6wl5gypkbPOcjY1Wk2N1sa+5DdT8QzXrsrVBI"
    "nhpql4azLwO+ewqXi7awZXrniLSrQOxobdHChXlyuNKSK8myLCGmBzTm1OG2p8jrhlPYHR"
    "GWDmrgJQRyT6BHwGiJsi20d/ABXm/AI8SBjuiRQgtgsrj1hwc+bQER4yLPxzNTynvq6VoB"
    "xfIpYC3NKAXRgojo5QHByl6mjt00CciFZnZGzjuoOomiaRnwi4ufi93b1u9TqXF61zRN0k"
    "/85OlN2AagIncKvtg4sIdBbFmiDlt6XC3G9XhLnf5sPcDpupkmk9+qMg9RMT6JugqCXW1f"
    "5bLxXmyiE+UkWoouZZGEhmOCNeKc/sYpxQTKAHSAifdzC7TOiPGRhYMjNccQ4oSM1sqDwb"
    "hHWlOkWzmPEJEsPw6urHHlfTPmF7o3xqVz5DYNjY8yvhA5I0BzD6t5DDHzl3d84Q3rqAz0"
    "9b9uketsj1r+2zzs3XirxvtFvXfzQJ/t9nsocmkZ99Bkw6axL8v8/aZ5/bg9PWNbgD8Vc9"
    "LH7XZuO5Pa5k9CdptigiyrY0NeqvlsM59YNKa0GCxCwHtS8Hphp07YjwsF5YBZYmSXTmaa"
    "MTcNxDOKRRMTR/zsiR2FXo+SPqN6N9Ek54wRKhS/G3uCOvKpB5tfa8adyqAej9hAA9gzsx"
    "SIn94inmuqrxc0lhYGfZEEaURKvI0iydYazB8xg8z74xuDKeJ0y9P5OvYcmR/dQLTzJ1ud"
    "qUYOgSxPB8tvagrwgqcqC8zS47OoJ4Wn7g3En4TRGYJ25ilQH1DOyweUl0T/vBGVE8VkhA"
    "cATIJsDz1OS2YouEG2LBtSRiKyfx5gE5sgl0QikTlXJCgM4MfqgoBJBzbDfwjD679b1HPO"
    "sIh4HnUuJ645d4TJwTBDQsWIH1fGDRhcEnXGYGj/Vtxu0QMsNGYZGf4cRmIKSVIKJ43mFN"
    "AwMi0hFEJCST43a5VENEqzNypXF92m23L66/XPaaZPldgImuL8/bg/PLzwJJFP2hR1IBJr"
    "RjS44qhaOeCmkqncWiU84txEzmGb3qCL4E0ZrH722x9pF4JbmQ3IrfRKIFD1eMq4vPLz+J"
    "rskdrib0hwJ1un43uz9Hrypm41mAjS2KFd9TikN8WwojLCwUL/EJsYSCg3Wdq4VcR6c7Ro"
    "1w538VarP4KJqwudYZlBMx93ggbL4jIZqhN2dYkMDm5Kb326uPiuxIaapNl5eY2MfvP1RZ"
    "ypYUOi9jjesvrVfwntLU9nioIy0yoT/y0niq8ZYL/qJfMJj7ioJexaoxSaMvokcoMnzVF5"
    "zYoxEsDXjgNZUJQho5Vo8wBQL7Hi4fLSuVovMzshEqqZhO9XW7ayCjyUSaTKTJRJpMpOY8"
    "NZnImpm5RiIyQ2bYavKQJg+5bww2echd5yGT6ZDnc/XAs5CZNUfHJGRX5MgaxSnIsIFVKg"
    "EpM24l04/fMA84gV5B+CPpgYpCADJL6NusGaf0RFUAF0NzQ+hIJPjsuEgAHo+kqnVZc++K"
    "7KDJBOqXCdy/kz3WiNddta6v8SgO+Zk/raPd7V52m0R89Bn63Jc3vSYJv+h8msfPuFO70b"
    "aHEzKlMPHGlHDUOghQENsA6MxdNIlri0NKLFnxRCAlLGKD8prOAm6RGfVfIR9IuFkorw03"
    "8oQd7935WTdTyZOtWOAvUCyhRJKlcppEnrJggXBtjiVzImELETqBCO7+fT4aI95GcSbMJh"
    "6w66IDiDOCkVBUa0Y9XtJU+mYK1sQhvCsDQ3hXjEJ4lwMhSIaFiqZKRiZHeADM3nY6JFLX"
    "eb4XJo2TJNtLHL+pqPC+eI8EHJkF+bt3Gy9KqGYCz7uH/0ANDT1/FB5IJXyQvFJbt5MtHV"
    "lgCp8fckFsrQqfaxpOOQhBj+a+DP9OFWr4N9ezCxRxhi4j5Tsk3JRkN3W4ywqxnl3enJy3"
    "yVW3fdq57oTmXixHcRMvwQUnipa1zrOJSseBvtkIXqGSD5Cl22NH4Ir6YH3bLsFoCLnz5m"
    "CFh/vH7bE80dFm/BFaWeTBdueUwwrI7+kIdD38XEuY66HLZ4HFP7Jyq2b9j+gzDuss3JHt"
    "yBGnNAw6gWiq4ko24yyEIBiY5UE1KzZLqK8V2/g2WaQRPwItKfdlhKc7giwdzvEoUM8XLt"
    "0QN2eg4bSQEVX4mRO87XDlaUP1P2DXgCMZFB5gULiKH5ml0zq4mML3ocPPPOYMQQXgVMGr"
    "jxhaR2lJixnjADG+duSMKUe7mg3d+SjcWFMMH6yl+y0DDg3qrHDJN6gzgzozqDNNeKov6q"
    "wGXjY6sremzOq+iEI2YI76mNSwR+R2EVZRAkMVUxi+h8ziGLSeeX6gMFl+Ltja01lhLYe4"
    "Aa0Z0NpeMXjfQWu6auvaOt0Ubq4KsKsMwu6S0Z4H/20eX6fD0rAJdN2zEHOntuvcyihtVw"
    "yfhgI1l29krULODZfNB+GYFARPgucwm4VVLSgG3ezA86PzcYgNQxwRb1EVDBCyODFcRPA4"
    "DcgcpOoLYpGhJ+K11PmyWp/QZ3124QViSy6zMXTYJN4Mx6XnczFPv4swIImYQr9LYAEW6l"
    "iQ5DolZjeXxUBCtomdvQsy8VyJRJjNb11nGL0SfxEpByuOKWE4ii3Cl3lZEuP3342YH0gQ"
    "/zFI1IUVP7oRDRxZMGT/cYHiSfjfuz1DBKYEVhr5kSTSOVy3JvSj/rCYcipUZveguL7yIb"
    "D97XEJtr89Lj5I6DjL9ljZlGV1TKAze8UeZbl4zNz52EHrjsOXGGgmVCuiN+ZcFWSuTr7l"
    "2SKXhgpiiwl0Ftuas+K4VD2c4xX1cI4V9XCiYw5LQqHi9joX0CjP4JphSlNqswGYpQMB1F"
    "O4p8XQhjzpNtENu4lh1QFw8G12D2z0feoWRbSKma4iXpPtWyoFdD2jtg/OF/rx8PIk8fLk"
    "lgaPlDIikANcaHHhdIDVj0+SuWL0Ou4cpix5UXfnW4a6gF80EF7XVFnha8U4yJPqPfka1x"
    "OM3oBvJs83eBQVZvBX/AmRA3jqK67fYXfwHUQmfD7xG7l0SrGFEOELxVaITTxgu8MBX8EB"
    "CXouCCwMAZUeECri/RoSYp7K8INEIjk+iX/Ok/J+mnq7wkRD6DmLq5Jcc4H2JomwEqjkER"
    "26NkplavtgrEdzMNyExMT2TYzHRBuWPD8gU0oFfFtt+9fa+5YHBMzOZyh8NbneA0IXiyvU"
    "jXKc5Ll+4oGesNlKvbqkzdbTBOLD4vjJ5aU4rToG75x0shC6m68n7e7Rm5dpzue9ixF9cI"
    "QxVgnJm6babxxvuK/OGVkkOlXPItFxtxYJIbPxL7ZIdh0XrYE0tvazMN56n9BnR54vq3dr"
    "AdkVwZ7B0HbdKj5/hmp7nv+mMPd1u/3i0HEYAvdUNTUL+ZolM4zNMlYeYF2dszk6w1pzPt"
    "3Pis/NQcF2U0qnHTkbbYZyFza3AhqgamatAgcsk2I0pigJD2gxVd6epZPosOx5j1Ei/0k8"
    "QD1dKs/YyOL21kuxm0o8Ju+uo841effds93k3fdsVJv8+Kbz4x7MeN8ZYdE+rOGT53XxNl"
    "cFqcYbXTEe7D3Ci7zgcck/+eLi1A9hWyEeEG0WPH3MjoLAyxxBGDpWx5pr7HvH21ulmTka"
    "3C4qrSEpKo0HwreJR8KXJU5g4dkh/Qa+aNMZ9RuqDcxPtt/BMU/Gu/1JvNs0mCmLE6+4j6"
    "ywg2d4N1s8IyrUmuLoyCkNEnozPL9JFnhlUhkTsUCBQSDajeEXbHWrn9kqbPb86b11Zr09"
    "f3kdUgPDlRtmDljx1NfrmrIvXAm0Kk/+F/SWT+3hhLaxEGlDEU/NNrFWxVKjTN9QnlFcIo"
    "IqQ5dg1wPzMZmMmwYRLb48K4vD+6hiovyeL+9LpLnqaOTan9Bn4m+5u8ke26FTUSrkek8X"
    "JoqqYxQVBVPBGQub6xwEWVYAwgO449Ft5Qe6Jce22Lg7ncla/BYRyeXwOwz4GTrYK8oM1f"
    "yQXUV3TRDdBNEPLohuorybjvJKpVa5YF2G7AC5Xb8OkaCnqpxOUxlGl2C0OLIiz+NioGhM"
    "sH2M6Jpup/BtuvjaGHXGX6Z2JAva7RiMaWLUxXPjcGPUJuxpwp6HEvbcZdDLY3fOOCwH3y"
    "iMe6VaWSVCX0mC8ijC8/Ov6BhjCWc/i/Z7wSNvGrskU1m6x/0kgH8OT+6jVMIJ6+y7VJBL"
    "MNJEuTSMconPClZz1P4A7eWNoAaiaVbRB4xpdOZzYbGXo37Dm1FmO30g6jdsFkx8b+YM+w"
    "1FhYB1OzG4uAOLmNxiScG5X4nJSRqNAVBtcbACbheXC2g0w2Gsh+XyKBvNPGC24gTJarQr"
    "5fa+lNzer5Db+7zc8EAvZPHcr1YQIUO31ZN3Xu/p2TsiI1KpulKCQttz5na3y5LH75jj6M"
    "pN52nCLe44j6/s7Zbze7oYDJ0Z+AoB/aHiu8Nsf1GYZM3QZlm/CORY1wfI0rrqEHhvi3Bq"
    "I6D1qNW+fvX59Cu5FWc6BR66XxYRXqNFfO/RIoIhL5OIFOgAJrGiqM5GnlBhXISByXhcwE"
    "Jx0rlodf9Qw6FPFIHMkz967ZZikDBPWWLnqfERk2k9NGqZlBtkfmE2tnChyVCttdhoxvu6"
    "lxtk0cRR1ZVZiSuJaTS2cFuETzw8aQ6m3ytOhz4NiE+njihIzefDiQTx9+fHvxx/sN/cHq"
    "tw/+t2stqt/1DGq8+G7xNO/QezE8BkWYDFs9GaUk9TGqnrIvWIRwmxh29vcmsmt6YJh/c+"
    "t9aOs0mN4tocT+bSEjmpcik0dIywtFZ44ARmr6IDvcWRF6JQhk2GWIWUETw8A1rFgMICT+"
    "u5HSqTZYkTnZwRnc68gLLhYmCA4ZqmzEDtBHNFCA5t+DabT3PaKR2Pi6m3aM3/5037pn1W"
    "1aaXVE0iP/use3Nx0bn43CThlz47vfx6dd7uYaP4a5/91uqc4yX5Ca1aF6ftc3Ep/pqdXq"
    "USdLVb8tn5VsEvU5CuJdAtRqKGriMPDof3beJelni7yrK4stjIAvfB78IDxDHl4CQRAWq9"
    "WFvP2886LTV0XvrFwMY01R5XwLzEg6ZwFxeZpbdr4JngYilrinSstdy1ETgBxhHjAt0WeQ"
    "S7bBLkz7Cvs/M+m3PKByJTHG0ZEehdHXCXBTVpisdPUU2aHQ0dfGzlobNM3NtYsRlPDm+S"
    "FNqJOCNR5xnZZCURRyNxfFlmH5BSs9T5gD7DdDG56Z7DAFsmH8N9RpS/JjLXKuLhzEvsWG"
    "KUjjgYd+JtXpMLPBgN/gRtpsPoC7zAVmTNCyO1cXtTwjJXDxnM+gqcjJpry8jGabL2Pveg"
    "Rx9P5eS42/XfCB68IL6IesLKAzzW6WDDQpJPryCmJYG2gtrZiJcSrMDMJYFhZpaZ4SyowM"
    "0EhbbsDHUALIs+Rbjwcl0cenN3hOd6SgVBjuRyLauTy5VZxEnEkCnSLbX0u2mV4zjgh9j3"
    "VZA3KRrdhXvn2uMxaHIsnoYvjQ4cGEjcY7YrznItkl45wk0X9QZ7zHbdgRgtishxMQgtR6"
    "n3WV3fhDOER6pQxO3fCc9anK/zIjxGyyKIf4hDk4riamt1sYNzt5DblWSZotJbjqEB9Sci"
    "bPEnZfZ08y3DEOfTqe1X2gqaINljn/cqGceQwQvy6s/knziXLCLFZIXrEviV985shl/CVf"
    "5fTwp6A/3rEBox54PUftYCFlQaTJyg2kmrSSLDVHPoijl0Zd9ZK1T/YEo5t1Uh6OJa0jlC"
    "fdGFdSR8N1K3OcLzVavbnKbSl+2iDrPN70PvLl+JmRzNOcV0zszBHKgierhWD6a28+Y9kE"
    "PH9pVBdPLA9teTepqyBqlrBnzfEyErAJx5KUfO0BpizpAaOessZ4PUrR8El6pjgCDFioxN"
    "UxmeZsqpzasO1CWF4aVBku8OSa7QDDVw+WrZ02EyOK0OS/AW5nsNfO3OD3jQLlWiprseME"
    "3apVwyZ8X+h0Q7q9xOiAFm7Qa+oCm5K+KL9yh2LiBllPvDzQsS39OMj9KiP6AbdyHSCVa8"
    "tcFjcE8W5867+vV2rdwpQVObRVDy+DCzS0LHXRJFIK2VZTUKgVqbLKmxRvq2/UB9LPzKqR"
    "/EWTkqLi5BLHi+CKJQE1hmiVwhV52OwEqoMoD1dr2TCh/VURj7jL5YbgWI8BPkaFlWQ+CU"
    "pApUhUdr6HC7mX85MPlgremdJ9Z7mn+biMUnWspe8HBecjxuO5ycIrAttrKIhe8I52GEqC"
    "G+zZRB8bq63cn0jnBtVXV7gkzvgkli44HN+CP1Q12aRrSRI04pwd9zB08GofKCsoZr9LEz"
    "iUavkZdqMaYnS6cHsGetfVC/hT8j3q/m+AT1MMUSuJjAgkUGfpZFcO+aRUQCwMLKe5ZUxl"
    "bYLD8Qau15x2AeuRxVGSJLij0eHAX72HKb1+TeXnJ0fXrZbZ9Z5Pqvnasr/NLudi+7LyOB"
    "5oZIzf33WWQ35rfRgfs1c8FpDUSHIxrYjsut6OjkI0SUETw/WSCtQ2AZiHO06uQ7gyXbbw"
    "iJwZIZLNn+MNZgyTanCGQUrvJRSlk6nSteL88njHY+gEftwOogDvHBq494OOyjzWFRhOV0"
    "pLLp1uxjyyXLDaqpeOYcLqopkR+oFu/OEZocszle3iBM9pmnUYpsDZhJgmyzXNUF8GbAJg"
    "ZsckgMrgw2SWfXn8nedF3Hw+RwzmAqh+iRoIXns7g7F5iR/dXCpbA9iXVIK4BPi/rOcNJQ"
    "QHrCO9YqEI+9bPMUZqeYqwqMzHOQMMUxqZLlSUIRPg8Bs0mnr5ZwSTHkZY0T7A/73Prj9+"
    "/LFGx8/764YCPeyyAQYFJV4HDY/AC5u5mdcDKUVyXFlyDZh2O+6/AVastu5byKbS5m//r/"
    "hMODbw=="
)
