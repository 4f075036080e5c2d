from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "runs" (
    "id" UUID NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL,
    "idempotency_key" VARCHAR(200),
    "snapshot" JSONB NOT NULL,
    "total" INT NOT NULL,
    "passed" INT NOT NULL,
    "failed" INT NOT NULL,
    "errored" INT NOT NULL,
    "timed_out" INT NOT NULL,
    "cancelled" INT NOT NULL,
    "started_by" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "started_at" TIMESTAMPTZ,
    "finished_at" TIMESTAMPTZ,
    "connection_id" UUID NOT NULL REFERENCES "agent_connections" ("id") ON DELETE RESTRICT,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "plan_id" UUID NOT NULL REFERENCES "plans" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_runs_project_850496" UNIQUE ("project_id", "idempotency_key")
);
CREATE INDEX IF NOT EXISTS "idx_runs_organiz_d9fa55" ON "runs" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_runs_project_557f45" ON "runs" ("project_id");
COMMENT ON COLUMN "runs"."status" IS 'QUEUED: QUEUED\nRUNNING: RUNNING\nCOMPLETED: COMPLETED\nFAILED: FAILED\nCANCELLED: CANCELLED';
COMMENT ON COLUMN "runs"."idempotency_key" IS 'The client''s key: starting again with the same key returns this run.';
COMMENT ON COLUMN "runs"."snapshot" IS 'Plan name, suites with their case ids, the connection''s name/kind/config/concurrency.';
COMMENT ON COLUMN "runs"."started_by" IS 'Who started it, as \"type:id\" (user, api_key).';
COMMENT ON TABLE "runs" IS 'One execution of a plan against a connection; its snapshot never holds a credential.';
        CREATE TABLE IF NOT EXISTS "run_cases" (
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
    "position" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    "run_id" UUID NOT NULL REFERENCES "runs" ("id") ON DELETE RESTRICT,
    "test_case_id" UUID NOT NULL REFERENCES "test_cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_run_cases_run_id_0ba63d" UNIQUE ("run_id", "test_case_id")
);
CREATE INDEX IF NOT EXISTS "idx_run_cases_organiz_ed419f" ON "run_cases" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_run_cases_project_707e4b" ON "run_cases" ("project_id");
COMMENT ON COLUMN "run_cases"."mode" IS 'SIMPLE: SIMPLE\nCONVERSATIONAL: CONVERSATIONAL';
COMMENT ON COLUMN "run_cases"."difficulty" IS 'EASY: EASY\nMEDIUM: MEDIUM\nHARD: HARD\nEDGE_CASE: EDGE_CASE';
COMMENT ON COLUMN "run_cases"."position" IS 'Its place in the run (plan order: suites in order, cases in suite order).';
COMMENT ON TABLE "run_cases" IS 'One case of a run: the exact content of the case version, copied at start.';
        CREATE TABLE IF NOT EXISTS "run_case_results" (
    "id" UUID NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL,
    "turns" JSONB NOT NULL,
    "asserts" JSONB NOT NULL,
    "error_code" VARCHAR(40) NOT NULL,
    "error_message" TEXT NOT NULL,
    "attempts" INT NOT NULL,
    "started_at" TIMESTAMPTZ,
    "finished_at" TIMESTAMPTZ NOT NULL,
    "duration_ms" DOUBLE PRECISION NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    "run_id" UUID NOT NULL REFERENCES "runs" ("id") ON DELETE RESTRICT,
    "run_case_id" UUID NOT NULL UNIQUE REFERENCES "run_cases" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_run_case_re_organiz_2bb73c" ON "run_case_results" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_run_case_re_project_6fcedb" ON "run_case_results" ("project_id");
COMMENT ON COLUMN "run_case_results"."status" IS 'PASSED: PASSED\nFAILED: FAILED\nERROR: ERROR\nTIMEOUT: TIMEOUT\nCANCELLED: CANCELLED';
COMMENT ON COLUMN "run_case_results"."turns" IS 'Each message sent and the reply: latency, start time, attempts, per-turn asserts.';
COMMENT ON COLUMN "run_case_results"."asserts" IS 'One entry per assert of the case: passed, reason, and the turn it was judged on.';
COMMENT ON COLUMN "run_case_results"."attempts" IS 'How many job attempts it took to record this result.';
COMMENT ON COLUMN "run_case_results"."content_hash" IS 'SHA-256 of the canonical JSON of what was recorded (see assay.runs.hashing).';
COMMENT ON TABLE "run_case_results" IS 'What happened when a run case ran: written exactly once, with a content hash.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "run_case_results";
        DROP TABLE IF EXISTS "runs";
        DROP TABLE IF EXISTS "run_cases";"""


MODELS_STATE = (
    "eJztXW132ri2/ita/jKZtWimTdK0l9511yIJ03KnSXqAtNNzOIul2AI0MTJjm6bcufPfjy"
    "Tb+E0mNjEg6P4SiK1tm2db0n55tPWXMXUsYnvH12R6T1xvQmdGE/1lMDwl/IvibAMZeDaL"
    "z4kDPr63g+bLdvI4vvd8F5s+PzXCtkf4IYt4pktnPnWYEGihuUfcnzzkOjZBlCHMkOOOMa"
    "P/h0WbBnJkW2zbC8Sw6zqPxEK+g8yJ4xGGZq7zBzF971jcznJMfj/KxrVfec7on3My9J0x"
    "8SfE5df/17+M5NVkI34/49//5t8os8h34olm4t/Zw3BEiW2lkKWWkJHHh/5iJo/d3XWufp"
    "Utxa+5H5qOPZ+yuPVs4U8ctmw+n1PrWMiIc2PCiIt9YiXAZnPbDlUTHQp+CT/gu3OyfFQr"
    "PmCREZ7bQmXGf4/mzBS/DmHPw4tjannHjDwOqfU/4QMmGg+HN7f9Ya/dHw6NnJ7Fg2QUFB"
    "4yHSbeEcp8AddffwfXjWGRRw1xg8sPre7R6fnPEgjH88euPClBM/6WgtjHgaiEPsZavAJ5"
    "tC8n2G2z+VQi3uGPgZlJcshHshns+UOvg3p0IIY97hgRlBFY5eE1br/ctLtNJD8GrHV13b"
    "lpIvkxYNft6wtxMvgcsM+d9hfxf/CZ7TdqtRhT/H1oEzb2J/zfV+cr1PS51ZWaehVoyuH9"
    "PxgbbsIzJ/KUUFisoKj/5ZV04XD8MVP3iqRYRj/3XG5TCloeqaChLxM+pgRdjI8gKBgokU"
    "uwOSEechgfhMTxaNRBNvX4Q4txKx5Th8WjXf2XL98xL25vPwqJqef9acsDnX5G9Xfi1Tt6"
    "Jd8I3oj68nDnpp95D0z+xPy5htjPvwlX/IxPp0T9KqQlMy+DFYoeR1/06bqlR0aD/0Drli"
    "syHKpXKKTfuW73+q3rTymtXLX6bXHmRB5dZI4eZbvr8iLoS6f/AYl/0T9vb9rZ4XfZrv9P"
    "QzwTnvvOkDmPQ2wlZpXoaIRaSuvJiXRYbV5UiNY5SeZ1npslN6jy50yGMbrCLKmIakJks2"
    "hutQetD6cw4kYPStMiawSmIf7VcQkds9/IImdkZIANDe3bzOX28oWNj8b3d/Hj0ghW9Vr+"
    "hQNAgomhy0eUbueyb+Re5Bogvgsvs59v75PYJvpuCtPLVu+yddU25Mt8j82HR+xaw9RbLc"
    "44J07myLJt/tT0ZJo9ghkeS3DErxDPnPMgPwVWhrHSzYwaNcp5m0vTpZzXecuWphDCsfMX"
    "Xw9N8SKwnvKmVlVhpe84TTnU4eXAedTReUy8ZdVgzwnCXJoxTcDw2yS64ahSEdi0FLyyYP"
    "5pYv6lp8xnAp0OaO/nm/wkzrkJSG0QKsaMGhBOWHAHCm96pNTJ2E4NIwo7OzvMFJvYya5a"
    "0rjuTwjyCcPMP0Zd5/GFTb4RG3nEnLvUXyAOkcftZn4R5uHAQPQICUKUlJ9yHtN5mrwBvo"
    "kbKIx0sMX1s8XlZw5tkcgpShBMtU/elI8Ap5IwJy9flsjC8FaFaRh5DuLvP2b8PWfT7mam"
    "as0oNylUc1R4ZuXshGd0+EAWpbkGvC0aOS4KDvNZglnostNA986cydy/E8d23sUzRu9D68"
    "XJ63NEPeT53A6yVGyDWq8N0xFMR9oPiJufjmYuGdHvVRCOJXTGWJqwI+p6PjL5T+GjFnfT"
    "kDOSOXo+kDSQNxFmKh81JsSeoRlxZjZBLjGdMaMe4SOH2iyu4ZpbZn7wJxtOsDepouSkTD"
    "1qfnrQ2lpHOj8rAfH5WSHE4lQaYs90ZmvTn5bCWvenbrt11UTi74B96Xb67SaSH9lOUkYB"
    "b0vg/7YQ/rdgUv+oJnVS6+T7jPKrraH1tOQBan1PtBxhslLNLvnmPKzVudOSNag5fCtBy/"
    "Vr2caeP5x7a+k5Kwua1lnT0ZR7v6iYNc0JQuIUcv1bRFf/XP9+YAqpfh1S/ZpmoXUEeEUS"
    "Wo1tPFPVAO+Bc2lzs3oBvrvJnfSI5xUk+KNTjVXZEy9oVDp7wnX9jbgvPGoRFMq+k9FF03"
    "EeKP/ArkuJJxdazjBXNPK5i8OCFUnyrsmMhyqHsoE7QCZFm7m1sSKTIvVYORCcloJQ8JOh"
    "YAhGFkN/uMFIGYPwCO8qa8YvErKg+X3SPISh15nHdNIyhKFBy5E9qiC+F9tG4cqyrWVtjU"
    "0ZnJu2ieSCSe5hMUXnKYY3LXVwMJ+VovOcraDznOXpPLASfZPxSVgevcfLoyXqikBOpI3i"
    "KI74QaVDODPe1mHHSFzWQ9glaGw799h+hx4n2BdhlHDlsuCjWsSkFrHQvawdQ93EEmdlva"
    "16Lw6BG20GncaKwA2ZYmpXmTiXAgcXrjk9KTNn8laFc6Y8l54zLerNbLwYVqUaZ+UOzkLZ"
    "COGYcoeXd8tvCqhXFiJLyW2xEln0sm93uICCXxCW2tcFRyuqz5SqOVOp0EyxrksVFJXPBz"
    "VhNLR6YOHPZufh5JPlYO6T736B0ZMWOwCbZ9Wg3/69nxrvI0SPrlu//5wa8z/e3ryPmic0"
    "cPnx9gLm4x90PgZuJvAItUG4Rh7hbszKS+yRznTmuErLMnF2pXFp8nZDKhtWqGRoOtOZwM"
    "FCgWhDLPdchtaQaVPC/J88RC3Cz/uEmQvRQl3Z8DkXUxq1CS5nQkYs2wfTVkfTNqukClau"
    "QhQM3nIG78hxpyqbqxjsWOIAMa57Da7D+FvpV+YXZuV0RtqIKomES/6D4ZuP3Bz7+ZT/ii"
    "bCyCViKZqsVfJI/QnCzBEj9bKNyMy4ZCQa5aeHTdxgy7l+n3j+MJhlLS//Jvxv7/amgGma"
    "Fcw6ONT00f/LbRU25mPGU8z9nNo+Zd6xuN8u5hcB1GrfM+tmZiYicQHwPcH3BN8T1gXuA6"
    "bgz8O6wL0CuNS6wB2l4GysXLQmjzdWJt94i41k3hIvFiTddI1MQNINkm4HmXTjk5U/V7ij"
    "JSu0LaW3CP1Vt/VrvyL+gVATyY8BE9XavgZF274OmECx87l91UTRt2z8oUy/qL8+ITilxd"
    "AfrlM6n1lraj0tCVrXReuKFVbh00MoAkIR+4QphCIgFLFXAGseiujNA3a6Mh4RnGw8FZQY"
    "eqJd+Uo6orXYfBsjId0QXx3XIq6yKM7KxupwRhhJkaIQzNAxmMGbU/Uw3WEFjnZSJAM7Zf"
    "u40RZ/Xv7x4uTV2Zuzt6fnZ295E/mgyyNvVoCfX0wC9ttG7TcxzlU03mIRWL0N5vDGMZXz"
    "XUVEkzLwkoJ/Af7FvgFcuQRqZB4/F9jwMvs5MjwNazx5P71vrBf5Sc/EdOlvHSioydlGK0"
    "+40Asu4QFXcH4hL394rizk5SEvf5B5eR+Pq5HEw/bADV+tCuCGQ0IWuOE7j5ZABAoCJjr6"
    "8xAw0SFgskM3tE88XyyZN4rc0WWDxpNu6XC5cq90dlZIICERJF2D/OsRDg6ZmJtY8gz/DY"
    "vgpPezKm+77mWUjvAyvrL8OeAL6+gLg50KdirYqWCn6o4pZEprBjRZIKAKqFk5ABY8KvCo"
    "9g3gyiloyJc+M1+qzELHztHzkU36mAcKbnbu0WlDjFUxgHLuf1XHvy/K281dV1QpEmsqiS"
    "h0hGM3/h0i34i7QMSiPuKXcNCjK7x23iZ6oM/EFXuW5qMBNV8b9sbQxlRprAgGiJcyj3a5"
    "Vb2RrM5JcqPXuf70sd1EweeAXd7efG53e61+5/am9bGJ0v9ne0WZhHr9C3p96tuV6ApLAZ"
    "1VsSZf4bQUX+F0BV/hVLGJBpvNFVZjMVNhKQAcheochbnLqpEUIgFgKaxWxhosBfJ9xr0A"
    "wk2fuV+xDyhEoTdUL18vCnZ+rwR8QgQAB4rU/g4+Jgds7LiVKjYnZQ7g7c/YjqWMm1crjJ"
    "tXCjImHY2oyZ+6AOenLfv0FbaI+nX7qnN3XRF7o93qfW0i8XfAgis0UfA5YBykqyYSfwes"
    "ffW+Pbxs9bg7sPyqh8VvYzae43Eloz8ps0UVEbalrlE7yNxVJ+GuBWXngoQITAe1Twd7WF"
    "SsddnvfG5XHaDSVcWCazRR8KlvXbFvQTgvr5/C5f8Jie2t/n+1qeGo5qX/wLsphvpweTdQ"
    "pu3QtB5hBGXagG2135gChwU4LHsFsMarAjI5cGMFJ+BzbCWXoAYMQ6O67NoAhuh0OpfXQR"
    "7DM2/i+CKV7zCCwktlMvvoSOyVJFLE9+K/YO8jD5kTzMbqhQObuYdyVUGKLxP5F7CuAKgE"
    "QCUAKgFQCX60XB5QCfQJ3wKVAKgEPxbgQCXQZvABKgFQCYBKAFQCoBLAdNDcm1z1Jl1dSF"
    "dvDer9TFyWSVdHuruvZlilpMC0KmNaQYoYUsT7hSnUj4Dcu7apYci965B7h0oHm6l0sGt2"
    "Q4uD7l86jBHTL2A3ZJs0VrEbsGgsMAlbQ2X+xg/KGoDK/JutzP/Af9q6sdtIVmesjQ/9/q"
    "cmEn8H7KJ7+6XX7jZR+EWPiCy/3YiOq8QKYwk9QoXitlXHFVlQRrxBP3noG7apJLOj4JfN"
    "XWmnoSOPkHAAS8wFx0Gjn98hJkrOII+YLvE9dcma2u+w67yWw4IqPKYiAlMYzMxI6RzQND"
    "44j0FFYf7QIggrFeXxQwvkzvl8NubYez7yJ9RD0k5A2Ef895H8C/C8S0EAFQKosN4HtA7r"
    "fTSMj0EwF2KOuofEIOaoQ8xxNxGxONJ16RKLm5YU24YiLKZs11gVG4v9lKG5FCm5+ueWEe"
    "7MYJv7QYFPEyzDiS+Jjlrt3ov3l9cNdO/MmYV8B/HXuIHk7RvI5RY15oclCoqlP5u4gTJ4"
    "Z6YiiRC/g/idjhbt5mkCJp3xPqGmeV9Qht1FgQ+Zksugfb8IN8PdM7xXwHsRxleWzgIH9a"
    "Jz0+p+VRO+LxTxmIuv/XYrgz9zwim4PPRLEUB9XdQfyGJYndKXkdI5CrYzWt8khKHseB21"
    "13m8NlrImziu30C8670I7RKXTMVdXOTNzQmfZdHAGMxPXp6c41f3JwNDtR3aehfZcjYBAk"
    "zFfeVwA0wJp6CadZsTBPYVEDG3iC7E7iB2p2NoCWJ3OsTu1FNcDfAq2Gj7Obk9iXNugtdp"
    "iyQ+lnCbFHO9GYrYaOJsY1VElPfVoQxAcQdvI0zB7AgKdYZ2bkEURxxhqV/dMYFHl/c97h"
    "g+EAXnaFWkKyOod7zLCBMTR7+1f2vIUmSIP/fP6JH6EyRjdmjmkhHld3yHWq0rdM/v7yHq"
    "ixSGqF6WHCUU4YO6r65DFO5BabcXR4tiCZ3jRWvG98/PSsRyzs8KYzniFFDEDjuWU4Yi5p"
    "Jo3Kyu96xsDZoPH1kXxe+JohVBu7ymIbQEYRC9vfTyYZAdLTybW9RvfyPyB+TXnMVnGyuX"
    "m4l2QyIabsV/9Mif4Dvq6DsKxSg8nHGh6xgK6Ow2Gp8cj0rlUJbzJH6SNZYpa6CR60zRq7"
    "zfUlla7Yz+18nJ6embk5en529fn7158/rty6VXmj+1yj296LwXHmpqzs67rLzzOm6gjwru"
    "SVrqAF2UDVS6kpBV8wKTMgcIcv1+IC4Ie6+EWB3ROgSAN0Kk87HLp+zKQ0ZG7OBqG9X/Mo"
    "eIVRsyUkIA8pMgu4T/SK8qymkpgPlJmOmsCrxBa4AV4p4b8Xv2LvxlER9Tu1KV1ITI/pY+"
    "qEPZGykuMHPJt+EEe5Mqo1pK6ACtzfqHt6oIA7gVwIWYOsTUIab+nJh6d64s4CYON1ZF0d"
    "152U3oxCpRriBzLudSuUJ0ZuO4IEtyweg7RH0v3kUuKMgzcfgPEc2WC2DVS1E3cZOnaslR"
    "i0xnji9q7UjiCwT6dQz079/W8v+4a9+FW79XCP4HUk0UfA5Y9+7mpnPzvonCL2KbOrFdXV"
    "80Wn4dsF9bnY/iUPDJW7VuLtsf5aHl12yX200EOtvfKhhWCtG1FLodioSsZ2balI9FP3mC"
    "PdZE/EV0uRsyDga1gEwmkjQex0a0QC6RO5wFJa74AK0uklbHRbdfujAarqv4j0mZ/XUgjU"
    "9iIhM4NJA3pz7xllqibrCfKh+ZG1Jr8STH9StEfhEl8X4JKtz9kigMp0j9beouO3ZzfccP"
    "imyU5Acv228vzftyU95XzdTgmdi2RmG3FGIZCwCYWTBHmNqVwIwFAMwsmMR1uftZBc2EBM"
    "CZhVOEy+V2nFXGzaQMQJorACp8C7taj0/JAKRZSKXpWnl7orSUvvk548vEQeHDIuo3goIT"
    "4kGb1BoY6GjuEZcfnVHhzSiqc60hv4OKRpD8+wEXPUR9sLrW05Kw4EHnjO+IMupN1lJzRh"
    "T0rLOeoRwNlKMx9iW/mYpn2LgqqgkReFmhug+k4HePMFT32TXAlav7iFG0DmDDy+znaPs0"
    "rPFcAxWTdlMxSQN2jtzpUs3QiTbBXMnSkdtIVqDqyFSfJNBw4abM95HvXEpk/XyxaxI/J5"
    "OAol1YTKfBT84oscSOStJDVxN06ru0kpbjBpyleKtRIONoSMYRb6k6Xvs0FSeS1Zkba/Q6"
    "glfTRMGnoNzcfG53e61+5/am9VHwbpL/ZzvKbmg1PvXtaivhIgGdVbEmTfm0VKD7dEWg+z"
    "Qf6KZspkqn9cn3guTPUkDfFEUt0a727/1UoCvH+UhVq4qaZ4kgmddZMJbyYBczhZYCetCE"
    "xP0OZp0J+T7jBlaQG67YBxSi0Bsq9wZpXam2DCkGPiECgFcffvC42ugTtofBp/bBx+SAjR"
    "23EkMgKXMAb/8WsvgWHY2oyZ+6AOenLfv0FbaI+nX7qnN3XRF7o93qfW0i8XfAgis0UfA5"
    "YBykqyYSfwesffW+Pbxs9bg7sPyqh8VvYzae43Eloz8ps0UVEbalrlF/vRzPI65faS5IiM"
    "B0UPt0AOWia+eEhxXDKkCaFNEZU6Pje2IVoUmicmhiH/kjua7QcS3iNqOVEjQ80JChS/m/"
    "PBMcVXDzar0ybF0PFL3aKXrAPAGqxH5hKnJd1fCMJYDLkw1hREm0ipBm5QBYIPQAoWffAK"
    "5M6AlT78/ENSw6sp/jwpOgxrNNCUBjEsPzYe3za0VUkQPFNjvt6Eji6RIvwKaIyhM2aJQh"
    "9Axd2bgkr+fLBPtoIrYKYcRCjxPCAg5OwLRxMWuiR5f6Pj8uCTn2AolNihpBCQC85OeI2m"
    "SqhWY1X13B7gEmj35Mnv0rq7NGDOhTq9cTdXCCz3ypnHa3e9ttIvkxYMLxvr3rN1H4RedS"
    "Oj8iScJoY3OCpoR3vDFBnhh1MLOCCByZ2YsmsrGsENQIyIZIBKYaCPPBazrzvQaaEfeFwA"
    "GFcfr8aLiRO+w4bP6j5jGCsnLMdxdCLaFGkizVJgpKnDS4crEn2KqRsqUKqY8esYf+mFvc"
    "MECqjQI3cYNd831EZQ3+JhTRPAuoPimpg0u7n5XJup8VJ93Pcjn3ALBwoMkjvYJUlRU8AL"
    "C3zfCJhusKWa+kyPayXq8qDngfnEfEHZkF+sO5X05KwcakzoPYndQlpuNaYTU46YPkB7V1"
    "L7KleiFQdeCQV6NrVXVA03jKQSjamrtBBHiqGIZ/tR1cMBBn5DJaHgnBTWl2U5WVVqj16v"
    "bu4mMbfeq2Lzu9TmjuLfUoT4pD/ACNomWtjyoCMfMrbxaQldPa0e99aL04eX0eG9/MYdTE"
    "NhI2rjj6KMJcwtoOZi9ubx95hIRBHFEO+1j8Tq4mBd+j7ovDFi26jKhAAQEKCFBANMEUKC"
    "A1g7kGAyQjtt3kipagAv0D6B97BTDQP3ZB/6hCTsiP0nn8bxnpO/xPefTXJYnoMC6Xwr8i"
    "Q+RZrI8Wcak5MRR0j/BMYxXPA8dtnmJ3FCNVM4+iMLStnOkVQe1QLdq+SvUEnIsJE4Wrj4"
    "pDKMXLj7SKnqyZFTt5/bpEqIK3Kt4pRpzL5GZmlfbpDZsfILqbKdgdxPTyCBdTARIi26cC"
    "7MYjqC2xnvMdtklh/Ps/hhaUbg=="
)
