from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "oidc_logins" (
    "id" UUID NOT NULL PRIMARY KEY,
    "state_hash" VARCHAR(64) NOT NULL UNIQUE,
    "browser_hash" VARCHAR(64) NOT NULL,
    "nonce" VARCHAR(64) NOT NULL,
    "intent" VARCHAR(16) NOT NULL,
    "organization_name" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ
);
COMMENT ON COLUMN "oidc_logins"."nonce" IS 'Not secret (it travels through the browser and back inside the ID token).';
COMMENT ON COLUMN "oidc_logins"."intent" IS '\"login\", or \"signup\" (create an account and this organization if none matches).';
COMMENT ON TABLE "oidc_logins" IS 'A sign-in sent to the provider and not back yet: its ``state``, bound to the browser.';
        CREATE TABLE IF NOT EXISTS "invitations" (
    "id" UUID NOT NULL PRIMARY KEY,
    "email" VARCHAR(320) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "project_ids" JSONB NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "accepted_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "accepted_by_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL,
    "invited_by_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_invitations_organiz_67f1e0" ON "invitations" ("organization_id");
COMMENT ON COLUMN "invitations"."role" IS 'OWNER: OWNER\nADMIN: ADMIN\nMEMBER: MEMBER\nVIEWER: VIEWER';
COMMENT ON COLUMN "invitations"."project_ids" IS 'Project ids (strings) the membership is narrowed to; empty = every project.';
COMMENT ON TABLE "invitations" IS 'A single-use invitation to join an organization, mailed to one address.';
        CREATE TABLE IF NOT EXISTS "oidc_identities" (
    "id" UUID NOT NULL PRIMARY KEY,
    "issuer" VARCHAR(255) NOT NULL,
    "subject" VARCHAR(255) NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_login_at" TIMESTAMPTZ,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_oidc_identi_issuer_54c013" UNIQUE ("issuer", "subject")
);
COMMENT ON COLUMN "oidc_identities"."email" IS 'The address the provider last reported (informational).';
COMMENT ON TABLE "oidc_identities" IS 'A person''s account at an OpenID Connect provider (Google), keyed on issuer + subject.';
        COMMENT ON COLUMN "user_tokens"."purpose" IS 'VERIFY_EMAIL: VERIFY_EMAIL\nRESET_PASSWORD: RESET_PASSWORD';
        COMMENT ON COLUMN "run_case_results"."run_id" IS 'Indexed: a run''s results are read by run (pages, progress, reports).';
        CREATE INDEX IF NOT EXISTS "idx_runs_plan_id_d1ca4f" ON "runs" ("plan_id");
        CREATE INDEX IF NOT EXISTS "idx_run_case_re_run_id_fc40a2" ON "run_case_results" ("run_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_run_case_re_run_id_fc40a2";
        DROP INDEX IF EXISTS "idx_runs_plan_id_d1ca4f";
        COMMENT ON COLUMN "user_tokens"."purpose" IS 'VERIFY_EMAIL: VERIFY_EMAIL';
        COMMENT ON COLUMN "run_case_results"."run_id" IS NULL;
        DROP TABLE IF EXISTS "invitations";
        DROP TABLE IF EXISTS "oidc_logins";
        DROP TABLE IF EXISTS "oidc_identities";"""


MODELS_STATE = (
    "eJztXe132jyy/1d0+NL0XJpt09ele/ccktCWfdKQm5B2u8seYmwF/MTIrG2Ssi//+52RbP"
    "CLTGxiQFB9aCGWRjYz1mhefhr9uzZ2Ler4h1/peEA9f2RPag3y7xozxhS+SFrrpGZMJos2"
    "vBAYA0d0n/fj142BH3iGGUDTreH4FC5Z1Dc9exLYLkOCJpn61HvmE891KLEZMRhxvaHB7H"
    "8Z2KdOXN7XcJwZYYbnuQ/UIoFLzJHrU0Ymnvs7NQP/EG9nuSbcz2bDykeeMvufU9oP3CEN"
    "RtSD8f/+91p8NN4J7lf7xz/gm80s+pP62A3/nNz1b23qWAnO2hbS8Ov9YDbh166v26efeE"
    "/8NYO+6TrTMVv0nsyCkcvm3adT2zpEGmwbUkY9I6BWjNls6jihaKJL4pfAhcCb0vmjWosL"
    "Fr01pg6KrPan2ykz8dcRw/eN2aFt+YeMPvRt68/hA8Y69/vnnW7/qtXt92sZOeODpAQUXj"
    "Jdhu+IzQJk17//K8ZdsIVfreENTr40Lw9ev3vOGeH6wdDjjZxptf9yQiMwBCln/YLX+Apk"
    "uX0yMrwWm445x9vwGAYzaYbzEW2K9/DQq3A9urBg+2JiRKyMmFWcvbXO9/PWZYPwjx5rnn"
    "5tnzcI/+ixr62vx9goPnvsW7v1Hf8Wn+l5IxdLbWz87DuUDYMR/Pnq3RIxfWteckm9EpJy"
    "Yf4L3XAethzxJhTYQkDR/MsK6dgF/htMPiviZCn5DIBuXQKaXykhoe8j0CliioEGIUJREo"
    "8a5oj6xGWghPB6pHWIY/vw0Ki3Fjq1n6/tqh+++MQ87nTOkGLs+/90+IV2NyX6a3z1Dl7x"
    "NwI62QG/3D7vpt4DE54YnqtvBNk34RRaAntM5a9CkjL1Mlgh6WH0RZ2pW1gz1uAHWh0QZK"
    "iqlwik2/7auuo2v14kpHLa7Law5YhfnaWuHqSn63wQ8r3d/ULwT/K3znkrrX7n/bp/q+Ez"
    "GdPA7TP3oW9YsVUluhpxLSH1+ELaL7cuSkirXCSzMs+skmsU+VMWwwV30SwpydUYyXq5ud"
    "EZtDo70Yi7vZOaFmkjMMniT65H7SH7jc4yRkaKsaGh3UkNt5Mv7OLq4v6e8TA3gmWzFr4A"
    "A6hYGC5Bo1y2T7q1zItcAYuvw2F28+19lLexuZvg6Unz6qR52qrxl3lgmHcPhmf1E281tr"
    "hHburKvG+2aXw0Tl8xmDHkzMFfgc+c8SAvhJVRW+pmRp3qxbzNuelSzOvssLkpRIyF87cY"
    "j4yNmbCesqZWWWKp7zhOONThcNp5VNF5jL1l5dieIdRraco00YbfOrkbapWSjE1S6VdWm3"
    "+KmH/JJfOJjE4GtHfzTX6Uz5kFSG4QSnRGBRyOWXB7yt6kplTJ2E6oEYmdnVYz+SZ2fKoW"
    "NK67I0oCygwWHJJL9+GFQ++pQ3xqTj07mBFgkQ92MwzCfEMYiD6lIkRpQ5P7kMzTZA3wdd"
    "xAYqRrW1w9W5x/ZriNiZy8BMFY+eRN8QhwIglz9PJlgSwM9MpNw/A2HX//NePvGZt2OytV"
    "c2KDSSFbo8KWpauTMbH7d3RWGGsAfcmt6xFxGVYJZpGTdp0M3CnjuX93Edv5uFgxrr40Xx"
    "y9fUdsn/gB2EGWDG1Q6dh6OdLLkfIKcf3L0cSjt/bPMhxeUKjMY27C3tqeHxATfgpoLXDT"
    "iHvLc/SgSOrEH6GZClpjRJ0JmVB34lDiUdMdMtunoDnkZnEFY24Y+QFP1h8Z/qiMkOM01Y"
    "j5caW1sYn07k0BFr97k8tibEqy2Dfdycrwpzmx0vPpstU8bRD8v8e+X7a7rQbhH+lJUkQA"
    "Hwrw/0Mu+z9ok/pXNanjUqc/JzaMtoLUk5R7KPUdkXLEk6Vi9ui9e7fS5E5SViDm8K3UUq"
    "5eyo7hB/2pv5Kc07Ra0ipLOlpyB7OSWdMMoU6c6lz/Brmrfq5/N3iqU/0qpPoVzUKryOAl"
    "SWg5bxcrVQXs3XMsbWZVz+HvdnInbXZvB7k5/lhrfVkOxZ73K5xG8YG3Dn0xxaDhnBoDi7"
    "+7sn2WY8N26DwFAtYYqFzphs1Kxu2xHuMIAXCv2CKtQgw/nm/5CH9Ai+HBpQc7GPEoaXz4"
    "Z9DdIr6LDT0WexwY8ZandOAfbrHKAhAG9BbuCM87w+eyEYwgkDg6taPWYl9fktqh+HaVCU"
    "rPCVQOlK4Yk359VCS5A71yw6K8LWmy6k25im/KXZgWflZOf7nqnD/mVPiygIdtBuQ/fP/p"
    "ukQVU0KDqe0ENvMP8X5lNVAtNB5hIfDJgRCG/zy2v5Zv9gD9Hqse8JHQ8QTWgP8lsCZ4sy"
    "jhn13tKh67uE5EwSXCMdErcPC1+df023Fy1jlOK08c4Dj1qvDFtnQeL0mlM3mPZvJ0Limf"
    "9TqXpHNJqkq5UOzZME06WW12p0h1jkFlOeuc4a8g5fmULJ1KylI+wYffHQmXSHbwaMwqrM"
    "0Q6iydztKtmbs6o6RCRmkx83XW4zEOZ7Tk49tGY2vW5vir5tr2KHuz63uCv/AY5Pz67Gxb"
    "WaUzd2izk5HhYByD1iSZpVSP+rLskoN9+2bUucQWUn/kesELx76nVj2eGZp4Lge1G1h9Re"
    "Ddb2Ew3HkzBc5Si1ofSbfTvSCmO54gV/1cuPwa7qHTO8qsvPUl6R0dsNxIwHIMk8CVvNb5"
    "LF5QKJ3b+eI+8GB9Qjk8GD6ZwMSgVoP0avjtwfWsXo0cOPDEHlxzbcvs1Z5ntVEF4204O6"
    "Rj0fmzSseidSxaVSkXil6tCHbXOPcdke8th06BqAJMKUvS+20WyEUsoUyJGj2fNc3elyVX"
    "6e+ey4Zgo8NleJtsRIENQZ6wwgYj2ydzt4SjwSwbenGL3x/DdeLYY5nfUNGY6SWDu1ovjl"
    "69ef/mw+t3bz5AF86n+ZX3S96/bCFtWZGsfKMrrEK5MYOrti5nYd32rK6lvM54qC7wWyR+"
    "pGiB3w64Im2LssAOpPVcEu31pTXHoCf8QN7VLhoyapIJ9XyO2zVM052ygOtdRjoTytqn5M"
    "RlDPFWE8+9txG4e/DZdYcOfV7H4gigxTm0159Cy/8QfzqQo7bWcpcIsRz+TQ5ubuDrzc1z"
    "xH+Fpzbw0Z4hmBm5hNBkrDXDG/kDfeTfOQYV1x2PTlwv8HvMhGeDJQnWIwL9B1jvAY20Oi"
    "KboR/c4I5OAlGOBrzNBwx5oduJ2xaxbBqrE4ZoM2w08DfklzQWvwubwx+iyxmrGPlaiKmw"
    "dTCnUDkks6KNcPT2bZG6NW/f5tetwbZUxY1wApRgcoxEc7kYl3cBol/W0uVpiXArS0L3C4"
    "0s9DqsIwc2gwVgbIgTzCQBxSeMs/mtADqWmD+P9jeWyEsjiAThinUV4sQ64KRywEk7ztpx"
    "1o5zruPMIRW1HK9ZNNYfdZm5NiyxiXfIXthYGxuc2MBNGglYvJS5AcFfSGY0aPC9s+CXBv"
    "Ba3NzEqpoi2cBzH/xwe2tmS2/ld0F3GRdEgnl4Oi9xyIn4kOGFsD84zabr3tnQ5tFwM7Dw"
    "li9+O2kR8G1tEJQHrnAPN/QiFoTceu5YwD8iUhg23EcMGg5cXnqIvr4/HXOf3oS7gf8MvZ"
    "llC1OKXF+g4tWYELWUaH2JZ8zfoNKYkCSVxoQ8GkMP52VpRqfp9tBNrp7ZzA1X/KJcnhOo"
    "zN7auYvRSXD+AvBgAzzr4R6WRFDZnjsdjuLqn6tuvsDA2girDm9rn4ryEBK/udKRNyxsuA"
    "9lpaJOCwqlxd0TONIeNLkIe0KrYjpBIJTw/zECP4/Ho8WAmdg4UJzYt7BwM0rGRoAnIksE"
    "v6Z7bBiVlUDHly1PLiVWN1a2aixSH5yhI1jVRLA0Gm4VE10lKWs03C8q30w0bTvBn0tqul"
    "jM5QT+rEniP4n2+rIQkBf27HNoWrEoEB5lHNv2Eg3B0W2SM2oOEvEYDKc9X3YmTuWjS2EH"
    "UewTRxW+oYYdKBhcWYinhEGaIFLZQ1HG39d26K9oh2oDZf8MFJ091dlTnT191IC+or6fUw"
    "E5alpqNvuiU/G0KfXAiH3BA74hrcgmhplC0/A8vumDEXdigIRFPLjO+4Tg3YXRK02ZVn8H"
    "nYBURg8ts5H1pnRtI2sbeZ1oQ9zRsCrYMEarJb9LktdR+lXWMZWkXMhJ0nU1fwUp643Na7"
    "GJuHcHHlY5+EiSau/Y/KYQUuDNEqTAmyxSQMdydCxHx3KksZyuG0w+8dJXNUk4J9ZaXxbR"
    "CaBfX1TQKhzVmQqgOKw8I9x2bhpA3BCwcmrgIVMhJFAAv6jYRIfGAPEDOiFRSUdZOKeqoR"
    "H2fnMjPBFouLnhJ0tZ9/giWyKbOpiRmxuBOyeHh4fk+5fWZYvMScifiKDku78NnoclB3Df"
    "HjPYjFDDcxAI7zLKE6/RnXGH+xgmIce518nIfeAbwsdI41F47/3AJ8BgKg7S0nUQVVOX9W"
    "VpWXsC0gnoT8m6f2wzw5vlREISdCnuD2aBQCDspvqUsfg4PAhnbiLDEn/cPm9e/pgfmzO3"
    "k88655+PJQfnHP/otprF8NnLWJ+H0NZcL8z1Ozrrgw6LsgNJ3ueWvkpRba7s1TrDPhXXnd"
    "Kx1XxW72+EDX7pre2NV5N7inZnwi+1cwT7P4xshxLKPNdxxrjJESynCWUWvAnkQFh53LzD"
    "ojo+2E5YUMcVptf8l2MlnhkNpLtR1nGLPQ4PzY1d2Zo6zFXtCTJl6xmW1ep/PDp6/fr90c"
    "vX7z68ffP+/dsPL+fqPdu0TM8ftz+jqk9INav71YlsbDV9WWFco4wb/lgMpMNo14X/1hwB"
    "UYH1Fcc/nhTT4HyURDMi/ubHMfAhSxa/OyQ4rM93ug8dd2A4H0VJN1gl0Fk3zBEuHhY1bQ"
    "vWhMEMG2wvduSo9FzuagfXkQFlFE59SWRg29W1FIKgrKXmlWX7E8eYld6kmabbu6zLWvZn"
    "2n4fNKh9L4u1uK5DDZajQ+J06YALEK6L19HLvuF4S6dzlrD0j9spq+/8Gs8rP3jFeQ+d7C"
    "DHGNSBgPzXfX8DAdEZJaVBjBnCldTahhx/wxu67Mi2yMWXEyKE/ZFwVx2L8k6oO3HQa3fJ"
    "yLinvMKRjwkeEv1IciD39iscd0vVOPthOaVV5r10gN2JBn0fURYryMyrXFFrbhxbhNdmBn"
    "P55ob/0pubjximCRHeZEBBxpQXnZKcOVDt2HsW/1FkKy96R13EYtdy3D3R+KjP1+eA7hJ1"
    "3OY7bB2b3YnNAPyFoHwzrcEz0ORA1AYX08vkJT7qC8UBEpBqpGqHxxT2vGoa+Ieo2bIl07"
    "D+ebgzjbSv+FmIpHl+ShZgTPJnrMJ2c/NcJLJ7TDwU3OrOF9XY6D3+jbNmgvdmmMYOHmxo"
    "Ef4q8UE8ZOxiOFU7pbvjlE6mHlDk+EstNh1noltJK2NBrvJu4tq31mX7049+62uzfdYg8b"
    "967LKFVBfNq6vvncvTBkn+nZ7BxdzbQt7tEud2FytzryCWdE1trhB51kVUt2yANhSqiC/Q"
    "PppoI8zSGAN3iggfUHmoXaJBHq/aXckdNh/b0BuZ9EYm7WPr7SyblvqOSLlQJlvXdNh7+S"
    "qSLVdXqHofgEp58I1FUi48l5+FJImjRE31ZVGUiehULISSz1RpubF4jVQcnz+frjimYKyg"
    "bGJ18wnVjbkea0mpxp8sw+Yu/ZkDtUuR7UH6eplV0vprN2GQRByV49ej7jEJnCCkXbt92u"
    "1LFOcut45ISNdrP+4o3FLO7ArMyE5quJ3k8KPWpOQ1S1iVlzAFLtsn3W2ZlSeGT9tjPPhQ"
    "ZlnGWpcalyb069u8Y4kqu6Y7niAfLCJIo/OABUqSmI5NWfDMJ7ZFoT2gzJzNT9vNFNV9ym"
    "BSo3aysKpjNH2g0aatiqZtWkglrFwJqTZ4ixm84qDUMsxeUOwhjz8U4PCHXP5+yCQzXH4W"
    "zQo1opN0KnO6FtU6D4+oE+obNDfwfopYBMzviRPaUWGLDfUGEym9qA+C7D16i52yy8M6br"
    "DhrFZA/aAvVlnLz74Jf7nqnOfkD9OEaQfHNgPyH+LY/to2dMWWmMHUdgKb+Yd4v22sL8io"
    "5b5n2s1MLUQ4gPY9te+pfc91WHcxUJOwvksyNkmlear9+e3585K3uQIux3I9+8ng5BRWKl"
    "Zy4RhSHDO/Xl+afIMea8m8xV4snXRTNTKhk2466baXSTc85nsqcUeLAc8X1Btk/ell81O3"
    "JP8FUYPwDwSbN09/IMYcPnoMudj+1jptkOhbOv5QZF5Uf+itdkrzWb+/Tul0Yq0o9SSllr"
    "oqUpfgJsOn16EIHYrYJZ7qUIQORewUgxUPRVxNRaERaTxCNNYfC0r0fexXfF819iY2w/oK"
    "QF3Hr65nUU+6S3ppZ3k4I4ykcFIdzFAxmAHdbbmazi0kGSfRBYIldYG0/bZW+w31XEnjbU"
    "GiNxVpc3jtPOXrXUmOxmn0S6r9C+1f7BqDC/kX6ZWsCsaGw+ymZnicrYvFW76BM6N5K+Dp"
    "3N/aU6bGVxulPOFcL7iAB1zC+dV5+f1zZXVeXufl9zIvHxjDciDxsL/Ghi8XhcaG64Ssxo"
    "ZvPVqiI1A6YKKiP68DJioETLbohnapH+CW+VqeOzrvUH/ULe3Pd+4Vzs4iBUEKkXQV+dcD"
    "Q1wyDax5ji38kGLh+kqrW686jNQRnsdX5j9H+8Iq+sLaTtV2qrZTtZ2qOk91prRihsYLBJ"
    "RhappOM1Z7VNqj2jUGl05B63zpE/Ol0iz0wjl6OmfjPuaeMje99qhUp3lZDKCY+1/W8cfz"
    "Ucyp52GVItxTSbHQkbFw4z/iyU/ejFDLDggM4ZIHD7126BM90Dfq4aFo8rNXKhxbnyiljK"
    "lSXxIMwJcyy+1iu3ojWpWT5LWr9teLs1aDiM8eO+mcf2tdXjW77c5586xBkn+nZ0WRhHr1"
    "G3oDO3BKwRXmBCqLYkW8wutCeIXXS/AKryXnIbPJVGI15iMV5gQao1AeozD1WDmQQkSgUQ"
    "rLhbECSoH+nIAXQMH0mQYl54CEVM+G8uXrsWDnz1KMj5FohmuI1O4qHxMYNnS9UhWb4zR7"
    "8PanbMdCxs2rJcbNKwkY0769tU146hw+P27ZJ0fYINe/tk7b119L8r7Wal79aBD8v8fECA"
    "0iPnsMmHTaIPh/j7VOP7f6J80rcAfmX9Ww+B2DDafGsJTRH6fZoIjEGd4bmBqVMxlcdRqe"
    "WlB0LYiR6OWg8uVgB4uKNU+67W+tsgoqWVVMjNEg4lPdumL3IpyXlU/u9v8YxeZ2/79alz"
    "qqeOu/xt3ks3p/cTe6TNu+ST3ikS7TptFWu81TjWHRGJadYrDCuwJSOfDaEkzAt4WVXAAa"
    "0A+N6qJ7Axixx+MpH4f4zJj4IzfAVL7LKAmHSmX2yQGelYQp4gH+Jc4+8ok5MthQvnFgPf"
    "eQ7ipI4GUi/0LvK9BQAg0l0FACDSX41XJ5GkqgTvhWQwk0lODXYriGEiijfDSUQEMJNJRA"
    "Qwk0lEAvB42dyVWv09XV6eqNsXo3E5dF0tWR7AblDKsElTatiphWOkWsU8S7xVNdP0Ln3p"
    "VNDevcuwq5d13pYD2VDraNbmgC04MTlzFqBjnohnSX+jJ0g4GdkSdhb12Zv/6LogZ0Zf71"
    "Vua/g5+2auw2olWZ17Uv3e5Fg+D/PXZ82fl+1bpskPCLGhFZuN2tPSwTK1xQqBEqxNuW1S"
    "u8oAy+Qc98cm84NgezE/HLph6308iBT2mowGJrwaHo9PwjYVhyhvjU9Gjgy0vWVH6Hbee1"
    "XCaq8JiSCExuMDNFpXJAs/bFfRAVheGhMQjLBeXDpRnxprCeDYH3fkCCke0TbicQIyDw+2"
    "j2BXjaUDqAqgOoer+Plrre76NgfEwHc3XMUfWQmI45qhBz3E5EbBHpOvGoBaalbTg1SVhM"
    "2q++LDa28FP65pyk4O6fDqPgzBgO+EHCpxHbcBZDkoNm6+rF55OvdTJwp8wigUvgNa4Tfv"
    "s68cCiNuAy54Jk6886biAN3pmJSKKO3+n4nYoW7fphAqY9gTkhh3kf28zwZjk+ZIIuxe3B"
    "LDwMd8f4vYS9x2F8Ze4sAFOP2+fNyx9ywPexJB5z/KPbaqb4z9xwCS7O+jmJ5vqqXL+js3"
    "55SF+KSuUo2NZgfaOQDUX1ddRfZX1daxJ/5HpBncDUexHaJR4d41084k/NEayypFfrTY9e"
    "Hr0zXg2OejXZcWirDbLhbIIOMOXPlf0NMMWcgnLWbYZQo680EHOD3NWxOx27UzG0pGN3Ks"
    "Tu5EtcBeyVoNF2c3F7lM+ZBV6lI5JAl4BNaoDcapLYaKy1viwiCnO1zwNQ4OCtBSmY1qC6"
    "ztDWLYj8iKPe6ld1TODBg7kHjuEdlWCOlkW6UoRqx7tqYWLi4LfWb3VeiozAcz8nD3YwIj"
    "xmRyYevbXhjh9Js3lKBnB/n9gBpjCwellcS0jCB1WPrkIU7k5qt+dHixYUKseLVozvv3tT"
    "IJbz7k1uLAebNERsv2M5RSBiHo30Znm5p2krkHz4yKoIfkcELQnaZSWtQ0s6DKK2l148DL"
    "IdB/Lap94SDzLeXF/mQk6hY0kfstYkE3AcXPbMJ+4Dm9t0dRKqYDKYEYOAvddAMw5RMT55"
    "GBkBGVDHZUM/suzw3phVQlNPknWq/iY9hph4LMYbFy8vwWt7pNvpXoTgned14rt83Kl3b9"
    "9TnzjUuIcnI3yAtEUq9Z3xxtpnVkA11rXPrH1m1Xxm1A4c73efd+74Wu6gfeftTzjtO2vf"
    "WfvO2nfOCrqQ78wt9nI2YoxEo1yWO8uR1f5EJ/k6HGY3Wfqodxx7oVTKqjanlh207il/7m"
    "whlkVrfWkNFuzXp9hxI0lVn/5TO4cqOocoGIkLM8z1DUMClf3C2oXr21w4Nsuk157xg4ds"
    "Vie3njsmr7JOSWlqubf5x6Oj16/fH718/e7D2zfv37/98HLudmablvmfx+3P6IImFuOsTw"
    "qT1/WEPEr4HUmqPfQ91lD+mbOsnHsXp9lDJlfv4Bk5WLClLJaHrPaBwWvZXRYYHizZpVVG"
    "imzvCv5W/zKHHCunMhJEmsmPMtmj8CP9slxOUmk2P8pme1KGvaK3ZqsOaK7F79m5uJZFA8"
    "N2Sh0dEiPZ3XqAVQh7LRX3Jh69748Mf1RGqyWI9tDarF69leWwZm4J5mqgmQaaaaDZU2Lq"
    "l1NpVXO8XF8WRfemRU9mx9JJICBzytdSXjZp4hiLKqXxKkofiR34i6PVRZXakQs/BLvNq0"
    "LJ6zOt4yaPFVi3LTqeuAEWoOXIFh3oVzHQHxjBVGJ5FqsGvqDeoDP3f9et69ZpSTaHVA0i"
    "Pnvs8vr8vH3+uUHCL3h2O57h3sVO86899qnZPsNL4hN6Nc9PWmf80vxresptJwKdnm8lDC"
    "sJ6UoC3Qz2gRf5Nh0bdNEzH6FhDQIvohdwkCoqNYEUwySND7zBHsSj/NhvUfcZFLS8cngV"
    "g26+nn+krsv4j3Ga3XUgaxe4kCEf6sSf2gH151KyPYInpxDQzHUutcUiB/JFkj9gnfg/iL"
    "Lvf4hVS5ek/tZ1ly27uYEbiMqTBQHA8/6bS/O+XJf3VTH2d4JnuUrsllxeLgg0M9PMvDVs"
    "pxQzFwSamWlmUs8D97MMN2MUmp1pdmK4HPzKqWS1zdebcRrN0sypGOhbOOVmfIJGszTNUm"
    "66lj6zN0mlbn6u9n3kkvBhiR3URRVGfNCGbfVq5EDsfDMmNnozkpLVK9BvocyvTv79grsZ"
    "ojlYXupJSr2TQeWM763NbH+0kphTpFrOKstZ12jVNVpru5LfTMQzHKMsV2Mkmpu64q3OwG"
    "+dw7ri7bYZXLriLSrRKhgbDrOnXF2sNLqI8HaKCCuAzTkxfFqT43N4U/0RjE4fM3clgDo8"
    "0cfhM0Dc4Nk++hOoMOcX4EHC0MZTgNgvrDxSh8aJTS08ZJj753J4TnVDS0E5nkAsBbilAY"
    "fQUBwVoTj4lsqjtY8DcSJalZGxtas2omoaRHwi4Ob8W+vyqtltd86bZ4i6if+dnijbAdUE"
    "duCU2wcXEagsihVByq8LhblfLwlzv86GuW02kSXTuvRnTupnTqBugqKSWFfrr91EmCuD+E"
    "gUoYq6p2EgqdcZ8UpZZufjhOYEaoCE8H57s8uE/pyAgSUywyXngIRUz4bSs4FbV7JTNPMZ"
    "HyPRDC+vfoxhOe0T9tfKp3LlYwLDhq5XCh8Qp9mDt38DOXzLvr21TXjqHD4/btknR9gg17"
    "+2TtvXX0vyvtZqXv1oEPy/x8QIDSI+ewyYdNog+H+PtU4/t/onzStwB+Zf1bD4HYMNp8aw"
    "lNEfp9mgiCjb0NSovlqO71MvKLUWxEj0clD5cqCrQVeOCA/rhZVgaZxEZZ7W2oGPewhNGh"
    "VD86aMHPBdha5nUa8R7ZOwwwt1Hrrkf/MWcVWCzKt05HXjVjVA7xcE6GnciUZK7BZPMddV"
    "jp8LCg07S4cwoiRaSZam6TRjNZ5H43l2jcGl8Txh6v2JfA1LjuymXniUqYvVpgBDFyCGp7"
    "O1C2NFUJE95W162VERxNP0AvtWwG/ywDzzLvUioJ6+EXYviO5p3dsWxWOFOASHg2wCPE9N"
    "bCuuk3BDLLiWhG/lJO40IAcGgUEoZbxSTgjQmcAP5YUAMo7tGu7RYwPPfcCzjvA1cB1KHH"
    "f4HI+Js4OAhgUrsJ4PLLrw8nGXmcFtPYP5RgiZYVZY5MccGQyEtBRENJ93WNNAg4hUBBFx"
    "yWS4XSzVENGqjFypXZ1ctlrnV1863QZZfOdgoqvOWat/1vnMkUTRH2okFWBC24bgqFQ48q"
    "mQpFJZLCrl3ELMZJbRy47gixGtePzeBmsf8UcSC8mA/yYSLXi4Ylycf37+kQ9NbnE1oT8l"
    "qNPVh9n+OXplMRtPAmxsUKz4nEIc/NtCGGFhofkSHxNLKDhY1325kKsYdMuoEd/+l0Rt5h"
    "9FE3ZXOoNyzOeeH3Cb74CLxnSnDAsSGD657n568UGSHSlMte7yEiPj6O27MkvZgkLlZax2"
    "9aX5Ap5TmNquH+rIOhnRn1lpPNZ5wwV/0S/oTz1JQa981RinURfRwxUZPuoznxiWBUsDHn"
    "hNRYKQRo7VA0yBwLiDyweLSqXo/FgGQiUl06m6YbcNZNSZSJ2J1JlInYlUnKc6E1kxM1dI"
    "RKbINFt1HlLnIXeNwToPue08ZDwd8nSu7nkWMrXmqJiEvOQ5slp+CjLsUC+UgBQZt4Lpx+"
    "+YBxzBqCB8S3igvBCAyBJ6BmvMU3q8KoCDoTkTBuIJPmNeJACPR5LVuqx4dEl2UGcC1csE"
    "7t7JHivE6y6aV1d4FIf4zJ7W0bq87Fw2CP/oMfS5O9fdBgm/qHyax6+4U7vWMswRGVOYeE"
    "NKfNQ6CFDg2wDoxJk1iGPwQ0rqouIJR0rUiQHKazwJ/DqZUO8F8oGEm4Wy2nAtd9jy3p1f"
    "dTOVONmKBd4MxRJKJF4qp0HEKQt1EK7hY8mcSNhchHbAg7u/T60h4m0kZ8Ks4wbbLjqAOC"
    "N4E/JqzcjflySVupmCFXEIb4rAEN7koxDeZEAIgmGhoimTkckQ7gGzN50OidR1lu+5SeM4"
    "yeYSx69KKrwv7gMBR2ZGfncH80UJ1UzgunfwH6gh0/Ws8EAq7oNkldqqg2zoyAJd+HyfC2"
    "IrVfhc0XDKXgjamnoi/DuWqOFPjmvkKOIUXUrKt0i4Lsmu63CXJWI97Vwfn7XIxWXrpH3V"
    "Ds29uRx5I16CC3YULWuepU2NEKkAogjKmRppQnVNjdr30SwJy+CQNgGeD4/g88nY9n08r9"
    "H1uN1tIoIeV7eZCHvBzxxhs+1Lj4Sp/gbbRoWIyF3pg+zTdEpHgBIgLPTKmMts03AIOj94"
    "9QHjnygtYdagszYHQVr2kPpo/DDTmVrh7od8jFclw28YFaahQbl6WUODNDRIQ4MU4am60K"
    "AKeFlri9EaIvX2LPKrfVgrMPJsWGQwC0vdGEPEEMPLgszyMbI4cb1AYrL8Wtiix1N3Sr7i"
    "GlmkkUU7xeBdRxapqq0rG3Rd4KYy6JsiMKgOo10X/ls/CEqFpWEdEKgnwZqa1LPNUU2CZw"
    "pb6suATMaiz2PwpXxOVQwUys3dSI0NSdYmFIuyr1I1GZV8RFBujc/8UFB+kU+lokArpn2P"
    "3r4tEG6BXrnxFt6WSj7CpCrB4bD7HnJ3s5v787Eu+Vv7N4B12Y5TUhlyJOO+bBKj+9//Bw"
    "fj9Wo="
)
