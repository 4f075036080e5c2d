from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "scim_groups" (
    "id" UUID NOT NULL PRIMARY KEY,
    "display_name" VARCHAR(200) NOT NULL,
    "external_id" VARCHAR(255),
    "role" VARCHAR(16) NOT NULL,
    "project_ids" JSONB NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_scim_groups_organiz_8722eb" UNIQUE ("organization_id", "display_name")
);
CREATE INDEX IF NOT EXISTS "idx_scim_groups_organiz_e40db0" ON "scim_groups" ("organization_id");
COMMENT ON COLUMN "scim_groups"."role" IS 'OWNER: OWNER\nADMIN: ADMIN\nMEMBER: MEMBER\nVIEWER: VIEWER';
COMMENT ON COLUMN "scim_groups"."project_ids" IS 'Project ids (strings) the group narrows its members to; empty = every project.';
COMMENT ON TABLE "scim_groups" IS 'A group of the identity provider, and the access it gives its members in Assay.';
        CREATE TABLE IF NOT EXISTS "scim_group_members" (
    "id" UUID NOT NULL PRIMARY KEY,
    "group_id" UUID NOT NULL REFERENCES "scim_groups" ("id") ON DELETE CASCADE,
    "membership_id" UUID NOT NULL REFERENCES "memberships" ("id") ON DELETE CASCADE,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_scim_group__group_i_97bf3e" UNIQUE ("group_id", "membership_id")
);
CREATE INDEX IF NOT EXISTS "idx_scim_group__members_a099dd" ON "scim_group_members" ("membership_id");
CREATE INDEX IF NOT EXISTS "idx_scim_group__organiz_5468f5" ON "scim_group_members" ("organization_id");
COMMENT ON COLUMN "scim_group_members"."membership_id" IS 'Indexed: a user''s groups are looked up by membership.';
COMMENT ON TABLE "scim_group_members" IS 'One membership in one SCIM group.';
        CREATE TABLE IF NOT EXISTS "scim_tokens" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "prefix" VARCHAR(24) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "last_used_at" TIMESTAMPTZ,
    "created_by_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_scim_tokens_organiz_cfe3fd" ON "scim_tokens" ("organization_id");
COMMENT ON COLUMN "scim_tokens"."prefix" IS 'The first characters of the token, shown to help people recognise it.';
COMMENT ON TABLE "scim_tokens" IS 'The bearer token an identity provider calls /scim/v2 with; only its SHA-256 is stored.';
        CREATE TABLE IF NOT EXISTS "scim_users" (
    "id" UUID NOT NULL PRIMARY KEY,
    "external_id" VARCHAR(255),
    "active" BOOL NOT NULL,
    "user_name" VARCHAR(320) NOT NULL,
    "user_name_key" VARCHAR(320) NOT NULL,
    "given_name" VARCHAR(200) NOT NULL,
    "family_name" VARCHAR(200) NOT NULL,
    "formatted_name" VARCHAR(400) NOT NULL,
    "display_name" VARCHAR(200) NOT NULL,
    "emails" JSONB NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "membership_id" UUID NOT NULL UNIQUE REFERENCES "memberships" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_scim_users_organiz_4dcc1d" UNIQUE ("organization_id", "user_name_key")
);
CREATE INDEX IF NOT EXISTS "idx_scim_users_organiz_e96df5" ON "scim_users" ("organization_id");
COMMENT ON COLUMN "scim_users"."active" IS 'False = the membership is suspended (``Membership.suspended_at`` is set).';
COMMENT ON COLUMN "scim_users"."user_name" IS 'The SCIM ``userName`` as the provider sent it.';
COMMENT ON COLUMN "scim_users"."user_name_key" IS '``user_name`` case-folded: userName is unique per organization, case-insensitively.';
COMMENT ON COLUMN "scim_users"."emails" IS '[{\"value\": lower-cased address, \"type\": \"work\"|\"home\"|\"other\"|\"\", \"primary\": bool}]';
COMMENT ON COLUMN "scim_users"."version" IS 'Bumped on every change of the resource; ``meta.version`` is ``W/\"<version>\"``.';
COMMENT ON TABLE "scim_users" IS 'A membership managed by the organization''s identity provider (a SCIM User resource).';
        ALTER TABLE "memberships" ADD "suspended_at" TIMESTAMPTZ;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "memberships" DROP COLUMN "suspended_at";
        DROP TABLE IF EXISTS "scim_users";
        DROP TABLE IF EXISTS "scim_tokens";
        DROP TABLE IF EXISTS "scim_groups";
        DROP TABLE IF EXISTS "scim_group_members";"""


MODELS_STATE = (
    "eJztfWt32sqS9l/pxZc461W8E+eyM+TMWQvb7IQ5ju2xnZ3ZszkLy9AGHYsWoxZ2mDPnv7"
    "9V3ZLQpQUSFtCQ/pCApa6WqOpLXZ6q/mdj7A2oyw+/0vEd9fnImTSa5J8NZo8pfFHctUjD"
    "nkzm9/BCYN+5snncTly373jg2/0Abt3bLqdwaUB533cmgeMxJGiRKaf+C058z6XEYcRmxP"
    "OHNnP+18Y2FvFEW9t1Z4TZvu890QEJPNIfeZwyMvG9f9B+wA/xcQOvD89z2LD2nqfM+Z8p"
    "7QXekAYj6kP/f/7ZSPYmGsHzGn//O3xz2ID+oByb4Z+Th969Q91BirPOAGnE9V4wm4hr37"
    "51Tn8TLfHX3PX6njsds3nrySwYeSxuPp06g0OkwXtDyqhvB3SQYDabum4omuiS/CVwIfCn"
    "NH7VwfzCgN7bUxdF1vjL/ZT18dcRm3N7dugM+CGjTz1n8NfwBRONe73zi5vedfum12vk5I"
    "wvkhFQeKnvMRwjDguQXf/8l+x3zhZxtYEPOPnSujp4++GlYITHg6EvbgqmNf4lCO3AlqSC"
    "9XNe4xDIc/tkZPttNh0LjnfgNWzWpznOR7QZ3sNLr8L16MKc7fOJEbEyYlZ59jYuvp+3r5"
    "pEfHRZ6/Rr57xJxEeXfW1/Pcab8rPLfu+0v+Pf8jM7b9RiaYztHz2XsmEwgj/ffFggpt9b"
    "V0JSb6SkPJj/cm04D+8ciVsosLmAovmXF9KxB/y3mXpWJMky8rkDunUJKL5SQULfR7CmyC"
    "kGKwiRCyXxqd0fUU48BosQXo9WHeI6HF4a1635mtorXu3q7778xDy+uDhDijHn/+OKC52b"
    "jOi/4dA7eCNGBDRyAnG5c36TGQd9eGN4r54d5EfCKdwJnDFVD4U0ZWYwDELSw+iLPlO39M"
    "rYgB84uABBhkv1AoHcdL62r29aXy9TUjlt3bTxzpG4OstcPchO17gT8r1z84Xgn+S/L87b"
    "2eU3bnfz3w18J3saeD3mPfXsQWJXia5GXEtJnU/5hAJXV5F7lrYGyYevrIvgd0TQEU8WSj"
    "qpMvWqaUAK0jrVobyQc/rQdmS8VO2ZcxcV0IpcTZCsl5u6TJkl7ER1/f5BqURm1f00i3/z"
    "fOoM2d/oLKdOZhgbmlQXme52csDOr86f79tPsbmjmrXwBRhApQpwBUvKVefkppEbyDWw+F"
    "vYzW6O3qW8TczdFE9PWtcnrdN2QwzmO7v/8GT7g15qVOMd78jLXInb5m+Nj8bZKzazh4I5"
    "+CvwnXO+gkupTzYWOhSiRlY5v0KspJbzL1ywWOkl9tzMn/dHxvZM6sl5pboqsdJLME65Ts"
    "LujJtARzdBYpRVY3uO0OylGdXEKH7r5G64qlRkbJrKDFmj/mmi/qW3zGcyOh262M2RvJTP"
    "uQ1IrRAq1owaOJzQ4PaUvemVUidlO7WMKPTs7DJTrGInp2pJ5fpmRElAmc2CQ3LlPb1y6S"
    "N1Caf9qe8EMwIs4qA3QyeM21JB5JRKZ7QDt7yndEQur4Cv4wEKJd3o4vrp4uIzx20M2RWF"
    "gsbah+nK+/pT4baj169LxNugVWHATdwzkZafM9KS02m3s1O1Jg6oFKo9KryzcHeyJ07vgc"
    "5Ko0qgLbn3fCIvwy7BBuSkY5E7b8oEysOb+3Y+zXeM6y+tV0fvPxCHEx6AHjRQ4Upq7dts"
    "R2Y70n5BXP92NPHpvfOjCofnFDrzWKiw947PA9KHnwKrFphpxLsXaAxYSCzCR6imwqoxou"
    "6ETKg3cSnxad8bModTWDnUanENfW4Y4wNv1hvZfFRFyEmaesS8fNHa2ET68K4Eiz+8K2Qx"
    "3kqzmPe9ycpAt5hY6/l01W6dNgn+32Xfrzo37SYRH9lJUkYAH0vw/2Mh+z8alfpnVamTUq"
    "c/Jg70toLU05R7KPUdkXIp5JJPH72HlSZ3mtLg03SWsmvzoDflK8k5S2skrbOkoy33blYx"
    "apojNIFTE+vfIHf1j/XvBk9NqF+HUL+mUWgdGbwgCK3m7XynqoG9e46lze3qBfzdTuykwx"
    "6doDDGn7hrLYqhOHG70mEUDrx16aspOg1janQs/sNTZdSObcelcQgEtDFYcpWpubX022Vd"
    "JhACYF6xeViF2DwZb/kEf8Ad24dLT04wEl7SZPcvoPmAcA9vdFnidaDHexHSgX+YTJcHIN"
    "zRe3givO8M38tBMIJE4pjQjl6bvbUgtENxdFVxSscEOjtKV/RJvz0qE9yBVoVuUXEvrbKa"
    "9GvN06/nqgXPy+k/ri/OlxkVXOXwcPoB+T+RabwuUSUWobup4wYO44f4vKorUCNUHmEj4O"
    "RACoO/TGRSi2QPWN8TdSI+ETqewB7w7wT2BH8WBfzzu13NfZdfE1FwKXdMNAQOvrb+Kzs6"
    "Ts4ujrOLJ3ZwnBkqYrOtHMdLU5lI3tJInoklFbPexJJMLElXKZfyPdv9Pp2sNrszpCbGoL"
    "OcTczwZ5ByPCUrh5LylM+w4XdHwhWCHcIbswprc4QmSmeidGvmroko6RBRms98E/VYxuHc"
    "Krk8bTSxZ22Ov3rubUvZm9/fU/yF1yDn387OthVVOvOGDjsZ2S76MWhDEVnKtLAWRZdcbN"
    "vrR40rpJDykecHr1znkQ6sZGRo4nsC1G5j9RWJd7+HzjDzZgqcpQM6+ERuLm4uSd8bT5Cr"
    "vBAuv4ZnmPCONjuvtSC8YxyWG3FYjmESeIphXcziOYXWsZ0v3pNw1qcWhyebkwlMDDpokm"
    "4Dvz15/qDbIAcuvLEP1zxn0O82XuZXoxr623B0yPiii2eV8UUbX7SuUi7lvVoR7G5w7jsi"
    "33sBnQJRBRhSVoT3OyxQi1hBmRE1Wj5rmr2vK+7S332PDUFHh8swmhxEgQ1BnrDDBiOHk9"
    "gsEWiwgQOthMbPx3CduM5YZTfU1Gd2yxCm1qujN+9+fffx7Yd3H6GJ4FN85dcF4y9fMl1V"
    "JKtY6QqrUG5M4Wqsy1hYtz5raimv0x9qCvyW8R9pWuD3AkyRzoCywAmU9VxS962FNcegJf"
    "xA0dQp6zJqkQn1ucDt2v2+N2WBWHcZuZhQ1jklJx5jiLea+N6jg8Ddg8+eN3TpSwuLI8Aq"
    "LqC9fAp3/h/h0zs1amstT4kQy+Hf5OD2Fr7e3r5E/Fd4Pofo7QWCmZFLCE3GWjPipnihT+"
    "K7wKDivuPTiecHvMv68G6wJcF+RKD9HdZ7QCXNQmQztIMHPNBJIMvRgLX5hC4vNDsxbRHL"
    "pjGLMESb4U0bf0NxSWP5u/B2+ENMOWMdPV9zMZXWDmIKnV0yK+oIR+/fl6lb8/59cd0avJ"
    "epuBFOgApMTpAYLpfj8i5A9KtquiIsEaaypNZ+uSLLdR32kQOHwQYwtuVZdQqH4jP62Xwq"
    "gPElFs+j/fUlitIIMkC4Yl2FJLFxOOnscDKGszGcjeFcaDgLSEWjwGqWN62lJrNYDSsk8Q"
    "7ZKwdrY4MRG3hpJQGLlzIvIPgLyYwGTZE7C3ZpAMPi9jZR1RTJ7nzviYfprbmU3tqfguYy"
    "bogE4/A0LnEoiESX4YWwPRjNfc97cOCeT8NkYGktX/7tpE3AtnVAUD6Ywl1M6EUsCLn3vb"
    "GEf0Sk0G2YRwwrHJi89BBtfT4dC5u+D08D+xlas4EjVSny7RIXXoMJ0WsRtRZYxmIEVcaE"
    "pKkMJmSpDz2cl5UZnaXbQzO5fmYzL9zxy3I5JtCZvY1zD72TYPwFYMEGeNbDI2yJsGT73n"
    "Q4Si7/YukWGwzsjbDriHudU1keQmE319rzhoUNz6GsktdpTqG1uLsSR9qFWx7CnlCrmE4Q"
    "CCXtf/TAx/541BgwEpsEihPnHjZuRsnYDvDsa4Xg1/SMDaOyUuj4quXJlcT6+spW9UWagz"
    "OMB6seD5ZBw62iouskZYOG+0nlm/Ombcf5c0X7HhZzOYE/Gwr/T+q+tcgF5IctewKaVs4L"
    "hEcZJ9Jeoi4Euk1xRs1Byh+D7rSXi87Eqb13Jewg8n1ir9I2NLADDZ0rc/FUUEhTRDpbKN"
    "rY+0YP/Rn1UKOg7J+CYqKnJnpqoqdLFehrynlBBeTo1kK1mctG5cOm1Acl9pVw+Ia0MpoY"
    "Rgr7tu+LpA9GvIkNEpb+YEu0CcG7c6VXGTKt/wkmAKnNOrRIRzZJ6UZHNjryOtGGmNGwKt"
    "gwQWskv0uSN176VfYxnaRcykgydTV/BimbxOa16ETCugMLqxp8JE21d2x+Vwop8G4BUuBd"
    "HilgfDnGl2N8OUpfzo0XTH4Tpa8aCndO4q61yKMTQLuerKBV2qszlUBx2HlGmHbet4G4KW"
    "Hl1MZDpkJIoAR+UZlEh8oA4QGdkKiko8qdU1fXCHu/vZWWCNy4vRUnSw0ecSAPZDT1bkZu"
    "byXunBweHpLvX9pXbRKTkL8QSSmyv20RhyUH8Nwus9mMUNt3EQjvMSoCr9GTMcN9DJNQ4N"
    "wtMvKeREL4GGl8CuOeB5wAg6k8SMvUQdRtubQWhWWdCUgnoD8U+/6xw2x/VuAJSdFluH83"
    "CyQCYTeXTxWLj8ODcGIVGbb448556+qP+NicWE8+uzj/fKw4OOf4j5t2qxw+exHrixDahu"
    "uluf5AZz1Yw6LoQJr3haWvMlSbK3u1TrdPzXWnjG+1mNX762GDX3rv+OPV5J6h3Rn3S+Mc"
    "wf5PI8elhDLfc90xJjmC5jShbAAjgRxILU+od1hUh4PuhAV1PKl6xb8cK/HMaKDMRlnHI/"
    "bYPRQru6o9dVi4tKfItK1nWHVV/7ejo7dvfz16/fbDx/fvfv31/cfX8fKev7VonT/ufMal"
    "PiXV/Nqvj2djq+HLGv0aVczwZT6QC0ZvPPhvzR4QHVhfs//jWT4NwUeFNyPib7EfA1+yYv"
    "G7Q4LdcpHpPnS9O9v9JEu6wS6BxrrdH+HmMaB9ZwB7wt0Mbzh+4shR5bnc9XZuPAPaLDjW"
    "As/AtqtraQRBWUvNq4HDJ649q5ykmaXbu6jLWvIzHd6DFdR5VPlaPM+lNitYQ5J0WYcLEK"
    "6L19Fg37C/5eLiLKXpH3cyWt/5Nzyv/OCN4D00coICZdA4AoqH+/46AqIzSiqDGHOEKy1r"
    "GzL8bX/osSNnQC6/nBAp7E9EmOpYlHdCvYmLVrtHRvYjFRWOOAZ4SPQjyYHa2q+x3y1V4+"
    "yF5ZRWmffKDnbHG/R9RFmiILOockUHsXI8IKI2M6jLt7fil97efkI3TYjwJncUZExF0SnF"
    "mQP19r1n/h9NUnnROrpBLHajwNyTN5fafD0B6K5Qxy3OsHUd9iCTAcSAoCKZ1hYRaHIga4"
    "PL6dUXJT6s+cIBElCuSPV2jyHsuGoa2Ie4suVLpmH98zAzjXSuxVmIpHV+SuZgTPJXrMJ2"
    "e/tSBrK7TL4UPOqBy2ps9BH/xlkzwWczDGMHTw7ckfYq4SAeMvbQnWqM0t0xSidTHygK7K"
    "U2m45z3q20ljEn1zmbuPF7+6rz2x+99tdW56xJkn912VUbqS5b19ffL65OmyT9d3YGlzNv"
    "S1m3C4zbXazMvYJYsjW1xYIooi6yumUTVkO5FIkNmqOKNsIojX3nTRHhA0seri5RJ8urdt"
    "fyhM37Nkwik0lkMja2SWfZtNR3RMqlItmmpsPey1eTaLm+QjV5ADrFwTfmSbn0PXEWksKP"
    "Et2yFnlRJrJRORdKMVOV5caSNVKxf/F+puKYhr6CqoHVzQdUN2Z6rCWkmnyzHJtv6I8CqF"
    "2GbA/C14u0kvZ/3aQUkoijavx61DwhgROEtBuzz5h9qeLc1fYRBel69ccdhVuqmV2DGnmR"
    "6W4nObxUm1QMs5RWeQVT4KpzcrMttfLE5rQzxoMPVZpl4u5C5bIP7XqOaFihym7fG0+QDw"
    "MiSaPzgCVKkvRdh7LgBSfOgML9gLL+LD5tN1dU9zmdKZXayVyrTtD0gMaotjqqtlkhVdBy"
    "FaRG4S2n8MqDUqswe06xhzz+WILDHwv5+zEXzPDEWTQr1IhO0+nM6UZU6zw8ok4u37ByA+"
    "+niEXA+J48oR0XbJlQbzMZ0ovaIMjep/fYKL89rOMBG45qBZQHPbnLDnh+JPzH9cV5Qfww"
    "S5g1cJx+QP6PuA5fW0JXYou5mzpu4DB+iM/bxv6CjFpse2bNzMxGhB0Y29PYnsb2XId2lw"
    "A1Se27ImPTVIanxp7fnj2vGM01cDkR69lPBqensFa+kkvXVuKYxXVrYfANWqwl8pYYWCbo"
    "pqtnwgTdTNBtL4NueMz3VGGOlgOez6k3yPrTq9ZvNxX5L4maRHwg2Lx1+gdizOGjy5CLnd"
    "/bp00Sfcv6H8rMi/oPvTVGaTHr99conU4GK0o9TWmkrovUFbjJ8O2NK8K4InaJp8YVYVwR"
    "O8VgzV0R11NZaETpj5A3rWVOiR7HduXzqrE1cRjWVwBqC796/oD6yizphY3V7ozQkyJIjT"
    "NDR2cGNHfUy3RhIckkiSkQrKgLZPS3tepvuM5VVN7mJCapyKjDa+ep2O8qcjRJYwapsS+M"
    "fbFrDC5lX2R3sjoYG3azmyvDcrbON291Amdu5a2Bp7G9tadMTe42WlnChVZwCQu4gvFr4v"
    "L7Z8qauLyJy+9lXD6wh9VA4mF7gw1fLAqDDTcBWYMN37q3xHigjMNER3veOEx0cJhs0Qy9"
    "oTzAlPlGkTkaN7CWmqW9OHOvdHQWKQhSyKCrjL8e2PJS38aa53hHHFIsTV9ldetVu1Eawr"
    "F/Jf45xhbW0RY2eqrRU42eavRU3XlqIqU1MzRZIKAKU7N0hrHGojIW1a4xuHII2sRLnxkv"
    "VUah58bR8zmbtDH3lLnZvUenOs2LfADlzP+qhj+ej9Kf+j5WKcKcSoqFjuy5Gf8JT37yZ4"
    "QOnIBAFx558tFqhzbRC/1OfTwUTX32So19mxOltFFVrAXOAByUeW6Xy+qNaHUOkjeuO18v"
    "z9pNIj+77OTi/Pf21XXrpnNx3jprkvTf2VlRJqBef0Jv4ARuJbhCTKCzKFbEK7wthVd4uw"
    "Cv8FZxHjKbTBVaYzFSISYwGIXqGIWpz6qBFCICg1JYLIwVUAr0xwSsAAqqzzSoOAcUpGY2"
    "VC9fjwU7f1RifILEMNxApHZ38ekDw4aeX6lic5JmD0Z/Rncspdy8WaDcvFGAMZ37e6cPb1"
    "3A5+WafbqHDXL9a/u08+1rRd432q3rP5oE/+8y2UOTyM8uAyadNgn+32Xt08/t3knrGsyB"
    "+KseGr9rs+HUHlZS+pM0GxSRPMN7A1OjdiaDqU7DUwvK7gUJErMd1L4d7GBRsdbJTef3dt"
    "UFKl1VTPbRJPJT37pij9Kdl5dPYfp/gmJz2f9v1rUc1Zz6b3A3xazeX9yNKdO2b1KPeGTK"
    "tBm01W7z1GBYDIZlpxiscVZAJgbeWIAJ+H2uJZeABvRCpbpsbgAjzng8Ff0QzuwJH3kBhv"
    "I9RknYVSayTw7wrCQMEd/hX/LsI076I5sN1YkD63mGMqsghZeJ7AuTV2CgBAZKYKAEBkrw"
    "s8XyDJRAH/etgRIYKMHPxXADJdBm8TFQAgMlMFACAyUwUAKzHTR3Jla9TlPXhKs3xurdDF"
    "yWCVdHsrurplilqIxqVUa1MiFiEyLeLZ6a+hEm9q5taNjE3nWIvZtKB+updLBtdEMLmB6c"
    "eIzRflCAbsg2sRahG2xsjDwJW5vK/NZPihowlfnXW5n/AX7aqr7biFZnXje+3NxcNgn+32"
    "XHVxffr9tXTRJ+0cMjC4+7d4ZVfIVzCj1chfjYquuKKCiDI+gFJ4+26wgwO5G/bOoLPY0c"
    "cErDBSyxFxzKRi8/EYYlZwinfZ8GXF2ypvYnbDuu5TFZhaev8MAUOjMzVDo7NBtfvCdZUR"
    "heGp2wQlAcLs2IP4X9bAi85wEJRg4nQk8gdkDg99H8AHheV8aBahyoJt/HSN3k+2joHzPO"
    "XONz1N0lZnyOOvgct+MRm3u6Tnw6ANXSsd2Gwi2mbGct8o3N7ZRePyYpmf1zwSgYM7YLdp"
    "C0aWQazrxLctBqX7/6fPLVInfelA1I4BEYxhYRj7eIDxq1DZcFFxSpP+t4gNJ51095Eo3/"
    "zvjvdNRo1w8T6DsTmBNqmPexw2x/VmBDpugy3L6bhYfh7hi/F7D3OPSvxMYCMPW4c966+k"
    "MN+D5W+GOO/7hptzL8Z164BZdnfUxiuL4q1x/orFcd0peh0tkLtjVY3yhkQ9n1Omqv83rd"
    "aBE+8vzAIjD1XoV6iU/H+BSf8Gl/BLss6Ta606PXRx/sN3dH3YbqOLTVOtlwNME4mIrnyv"
    "46mBJGQTXtNkdo0FcGiLlB7hrfnfHd6ehaMr47HXx36i2uBvYq0Gi7ubkt5XNug9fpiCRY"
    "S0AntUFuDYVvNHHXWuQRhbnaEw4oMPDWghTMrqCmztDWNYhij6NJ9avbJ/Dkw9wDw/CBKj"
    "BHizxdGUK9/V2NMDBx8Lf23yxRiozAe78kT04wIsJnRyY+vXfgiZ9Iq3VK7uD5nDgBhjCw"
    "ellylVC4D+ruXQcv3INSby/2Fs0pdPYXrejf//CuhC/nw7tCXw7eMhCx/fbllIGI+TRaN6"
    "vLPUtbg+TDV9ZF8DsiaIXTLi9p41oybhC9rfTybpDtGJDfOPUXWJDJ29YiE3IKDSvakI0W"
    "mYDh4LEXnHhPLNbpLBIuweRuRmwC+l4T1ThExXDyNLIDckddjw15pNnhszGqhKqeIupU/0"
    "O6DDHxWIw3KV5Rgtfxyc3FzWUI3nlpEe6Jfqf+o/NIOXGp/QhvRkQHWY1UaTvjg43NrMHS"
    "aBmb2djMutnMuDoIvN9j0bnja3mCsZ23P+GM7WxsZ2M7G9s5L+hStrPQ2KvpiAkSg3JZbC"
    "xHWvszjeRvYTe7ydKl1nFiQOkUVW1NB07QfqTivfOFWOZ3rYU1WLBdj2LDjQRVOf0fYxzq"
    "aByiYBQmzLDQNgwJdLYLG5ced4RwHJYLr70QBw85zCL3vjcmb/JGSWVqtbX5b0dHb9/+ev"
    "T67YeP79/9+uv7j69jszN/a5H9edz5jCZoajPO26QweT1fyqOC3ZGm2kPbYw3lnwXLqpl3"
    "SZo9ZHL9Bp5dgAVbyGK1y2ofGLyW7LLA9mHLrrxkZMj2ruBv/YM55Fi1JSNFZJi8lMk+hR"
    "/Jq3I5TWXYvJTNzqQKe2Vrw1bj0FyL3bNzfq0BDWzHrXR0SIJkd+sB1iHstVTcm/j0sTey"
    "+ajKqpYi2kNts/7lrSqHDXMrMNcAzQzQzADNnuNTv5oqq5rjZWuRF92flj2ZHUsngYD6U7"
    "GXirJJE9eeVylNVlH6RJyAz49Wl1VqRx78EGwWV4VS12dax0OWFVh3BnQ88QIsQCuQLcbR"
    "r6OjP7CDqULzLFcNfE69QWPuP7+1v7VPK7I5pGoS+dllV9/Ozzvnn5sk/IJnt+MZ7jfYKP"
    "7aZb+1Omd4SX5Cq9b5SftMXIq/ZqfcdjzQ2flWQbFSkK4k0M1gH0SR777rwFr0giM0rElg"
    "IPqBAKnioiaRYhik4cAbbEF8Ko79lnWfYYFWVw6vo9PN1/OPlusq9mOSZncNyMYlbmTIB4"
    "vwqRNQHkvJ8QmenEJgZbaE1OabHMgXSX7BOvG/yLLvvySqpStCf+t6ypbN3MALZOXJkgDg"
    "uP3mwryv12V91Yz9neBZrgq9pZCXcwLDzCwz723HrcTMOYFhZpaZ1PfB/KzCzQSFYWeWne"
    "guB7tyqthti9fNJI1hae5UDLQt3GozPkVjWJplqVBdK5/Zm6bSNz7X+D7ySPiyxAksWYUR"
    "X7TpDLoNciAz3+yJg9aMomT1CvRbKPNrgn8/YTZDNAerSz1NaTIZdI743jvM4aOVxJwhNX"
    "LWWc6mRqup0drYlfhmyp/h2lW5miAx3DQVb00EfuscNhVvt83gyhVvcRGtg7FhN3vK1flO"
    "Y4oIb6eIsAbYnBOb04YanyNuWUswOj2M3FUA6ohAn4DPAHFTRPvoD6DCmF+ABwnDPRECxH"
    "Zh5RELbk4cOsBDhoV9robn1Ne1EpTjS8RSgCkN2IWB4ugIxcFRqvbWLgfiRLQ6I2Mb1x1E"
    "1TSJ/ETAzfnv7avr1k3n4rx1hqib5N/ZibIdUE3gBG61PLiIQGdRrAhSflvKzf12gZv7bd"
    "7N7bCJKph2Q38UhH5iAn0DFLX4utr/dZNyc+UQH6kiVFHzLAwkM5wRr5RndjFOKCbQAySE"
    "z9ubLBP6YwIKlowMV5wDClIzGyrPBqFdqU7RLGZ8gsQwvPryYw+rrT5he7P41L749IFhQ8"
    "+vhA9I0uzB6N9ADH/g3N87fXjrAj4v1+zTPWyQ61/bp51vXyvyvtFuXf/RJPh/l8kemkR+"
    "dhkw6bRJ8P8ua59+bvdOWtdgDsRf9dD4XZsNp/awktKfpNmgiCjb0NSov1oO59QPKu0FCR"
    "KzHdS+HZhq0LUjwsN6YRVYmiTRmaeNTsAxh7BPo2Jo/pSRA5FV6PkD6jejPAknvGAJ16X4"
    "W9yRVxXIvFp7Xjdu1QD0fkKAnsGdGKTEbvEUY13V+DmnMLCzrAsjCqJVZGmWzjDW4HkMnm"
    "fXGFwZzxOG3p/J17DkyG6uC0uZOt9tSjB0DmJ4PltvoK8IKrKnvM1uOzqCeFp+4NxL+E0R"
    "mCduYpUB9fTssHlJdE/70RlQPFZIQHAEyCbA89RkWrFFwoRYMC2JSOUk3jQgBzaBTihlol"
    "JOCNCZwA8VhQByhu0antFld773hGcd4TDwXEpcb/gSj4lzgoCGBSuwng9sujD4hMnM4LG+"
    "zbgdQmbYICzy0x/ZDIS0EEQUzzusaWBARDqCiIRkctwuF2qIaHVGrjSuT67a7fPrLxc3TT"
    "L/LsBE1xdn7d7ZxWeBJIr+0COoABPasSVHlcJRT4U0lc5i0SnmFmIm84xedARfgmjF4/c2"
    "WPtIvJLcSO7EbyLRhoc7xuX555efRNfkHncT+kOBOl29m+2fo1cVs/EswMYGxYrvKcUhvs"
    "2FERYWirf4hFhCwcG+ztVCrqPTLaNGuPO/imWz+CiasLnWEZRjMfd4IHS+AyGavjdlWJDA"
    "5uTbzW+vPiqiI6Wp1l1eYmQfvf9QZSubU+i8jTWuv7RewXtKVdvj4RppkRH9kZfGssYbLv"
    "iLdkFv6isKehUvjUkafRE9YiHDV33BiT0YwNaAB15TGSCkkWH1BFMgsB/g8sG8UikaPwMb"
    "oZKK6VRft9sGMppIpIlEmkikiURqzlMTiayZmSsEIjNkhq0mDmnikLvGYBOH3HYcMhkOeT"
    "5X9zwKmdlzdAxCXokYWaM4BBk2sEoFIGXErWT48TvGAUfQKwh/IC1QUQhARgl9mzXjkJ6o"
    "CuCia64PHYkAnx0XCcDjkVS1LmvuXREdNJFA/SKBu3eyxwr+usvW9TUexSE/86d1tK+uLq"
    "6aRHx0GdrcF99umiT8ovNpHj9jpnajbfdHZExh4g0p4bjqIEBBpAHQiTtrEtcWh5RYsuKJ"
    "QEpYxIbFazwJuEUm1H+FfCBhslB+NVzLE7acu/OzJlPJk61Y4M9QLKFEkqVymkSesmCBcG"
    "2OJXMiYQsROoFw7v5jOhgi3kZxJsw6HrDtogOIM4KRUFRrRj1e0lT6RgpWxCG8KwNDeFeM"
    "QniXAyFIhoULTZWITI5wD5i96XBItFzn+V4YNE6SbC5w/KbigvfFeyJgyMzIP7y7eFPCZS"
    "bwvAf4D5ahvucPwgOphA2SX9RW7WRDRxaYwuf7XBBbq8LnmrpT9kLQg6kv3b9jxTL8m+vZ"
    "BQtxhi4j5XskXJdk13W4ywKxnl58Oz5rk8ur9knnuhOqe7EcxU28BBecyFvWOssGKh0H+m"
    "YDeIVKNkCWbocNgUvqg/ZtuwS9IeTem4IWHuaP20N5oqPN+BO0ssij7U4phx2QP9ABrPXw"
    "cy2hrocmnwUa/8DK7Zr1P6LLOOyzcEe2Iwec0tDpBKKpiitZj7EQgmBglgfVtNgsob5abO"
    "P7aJZG/Ai0pMzLCE93BFk6nONRoJ4vTLo+Jmeg4jSTHlX4mSO87XDlaUP1P2DbgCPpFO6h"
    "U7iKHZml09q5mML3ocHPPOb0YQnAqYJXn9C1jtKSGjP6AWJ87cAZUo56Neu700GYWFMMH6"
    "yl+w0DDg3qrHDLN6gzgzozqDNNeKov6qwGXjY6sremjOq+iFw2oI76GNSwB+RuFlZRAkUV"
    "Qxi+h8zi6LSeeH6gUFl+Ltja8qiwlkPcgNYMaG2nGLzroDVdV+vaOl0Xbq4KsKsMwu6C0R"
    "sP/ls/vk6HrWEd6LpnIeZObNe5k17aKzF8GgrUXL6RtQg5158374VjUhAsBc9hNAurWlB0"
    "utmB50fn4xAbhjgi3qIqGCBkcWK48OBxGpApSNUXxCJCT8RrqeNltT6hy7rs3AtESi6z0X"
    "XYJN4Ex6XnczFPb4UbkERMobcSWICFOmYkuU+J2c1lMZCQbSKzd0ZGniuRCJPpnev0o1fi"
    "L6LFwYp9SuiOYrPwZV6WxPj92Yj5gQTxH71EXVjxoxvRwJEFQ3YfFyiehP+92zFEYEpgpZ"
    "EfSSKd3XUrQj/qd4spp0JldveK6yvvA9vfHpVg+9uj4oOEjrJsjxebsqyOCXRmr8hRlpvH"
    "xJ0OHdTuOHyJgWZiaUX0xpSrnMzVyTc8W+TWUEFsMYHOYltxVhyVqodztKAezpGiHk50zG"
    "FJKFTcXucCGuUZXDNMaUxt1gO1tCeAegrztBjakCfdJLphOz6sOgAOvs0egI2+T90ij1Yx"
    "01XEK7J9Q6WArifU9sH4QjseXp4kXp7c0eCJUkYEcoCLVVwYHaD145NkrBitjnuHKUte1N"
    "35hqEuYBf1hNU1Vlb4WjAO8qR6T77G9Qi9N2CbyfMNnkSFGfwVvyByAE99xf077A6+g8iE"
    "zSd+I5dGKbYQInyhSIVYxwM2OxzwFRyQoOeCwEIXUOkBoSLerSEh5ql0P0gkkuOT+Ocslf"
    "dy6s0KExWh52yuSnLNBXozSriVYEke0L5ro1TGtg/KejQHwyQkJtI30R8TJSx5fkDGlAr4"
    "tlr3r7X3DQ8ImJ3PWPDV5HoPCF00rnBtlOMkz/VjD9YJmy1cV+e02XqaQLxfHD++uBCnVc"
    "fgneNOFkL37etx++rgzcs05/PWxYA+OkIZq4TkTVPtNo43zKtzBhaJTtWzSHTcrUVCyGz8"
    "iy2S3cdFayCNtf0sjLfeJ3TZgefL6t1aQHaFs6fXt123is2fodqc5b8uzH3dZr84dByGwA"
    "NVTc1CvmbJDGOzjJUHWFfnbI7OsNacT/ez4nNzULDtlNJpR8ZGm6Hchc6tgAaomlmLwAHz"
    "oBiNKUrCA1pMFbdn6SA6bHveUxTIX4oHqKdL5RkbWdzeaiF2U4nHxN11XHNN3H37bDdx9x"
    "0b1SY+vu74uAcz3ncGWLQPa/jkeV2c5qog1TjRFf3B3hO8yAsel/yTLy5O/RC6FeIBUWfB"
    "08fsyAk8jxGErmO1r7nGvrec3irVzEHvblZpD0lRaTwQvo88Er4scQILzw7pNvBFm86g21"
    "AlMC9tv4Vjnox1+5NYt2kwUxYnXjGPrLCDZ1g3GzwjKlw1xdGRYxok1s3w/CZZ4JXJxZiI"
    "DQoUAtFuCL9go6l+JlXY5PzpnTqzWs5ffg2pgeHKhJk9Xnjq63VF2RfuBFqVJ/8PtJZP7P"
    "6ItrEQaUPhT802sRb5UqNIX1+eUVzCgypdl6DXA/MxmIxJg4gWn5+VxeF9VD5R/sDn9yXS"
    "XHU0cu1P6DLxt8xusod2aFSUcrk+0JnxouroRUXBVDDGwuY6O0HmFYDwAO54dFv5gW7JsS"
    "0Sd8cTWYvfIiK4HH6HAT9BA3tBmaGaH7It765xohsn+t450Y2Xd91eXrmoVS5YlyHbQ27X"
    "v4ZI0FNVTqepDKNLMFocWZHncTFQNCbYPEZ0RbNT2DZX+NrodcZfpjYkC9ptGYxpfNTFc2"
    "N/fdTG7Wncnvvi9tym08tj984wLAffKPR7pVpZJVxfSYLyKMKzs69oGGMJZz+L9nvBI2sa"
    "uyRjWbrH/SSAfw5P5lEq4YR19l3KySUYabxcGnq5xGcFrTlqv4f68lpQA9E0q2gDxjQ687"
    "mw2MtBt+FNKLOdLhB1GzYLRr43cfrdhqJCwKqdGFzcnnlM7rCk4NSvxOQkjcYAqLY4WAHT"
    "xeUGGs1wGOthuTzKBhMPmK04QbIa7UK5vS8lt/cL5PY+Lzc80AtZPPWrFUTI0G305J3DHT"
    "17R0REKlVXSlBoe87c9rIsefyOOY4uTDpPE24w4zy+srMp5w901us7E7AVAvpDxXeH2f6s"
    "MMiaoc2yfhbIsa4PkKV12SHw3hbh1EZA60Grff3q88lXcifOdAo8NL8sIqxGi/jek0UEQ1"
    "4mESnQAUxiRVGdtTyhwrgIHZPxuICN4rhz3rr6Qw2HPlY4Mo//uGm3FIOEecoSO8vGR0ym"
    "9dCoZVKukfmF0djCjSZDtdJmoxnv695ukEUjR1VXZiGuJKbRWMNtET7y8KQ5mH6vOO37NC"
    "A+HTuiIDWf9kcSxN+dHr0++mC/uTtS4f5X7WSxWf+hjFWfdd8njPoPJhPARFmAxZPBilJP"
    "Uxqp6yL1iEcJsYdvb2JrJramCYd3PrbWjqNJjeLaHEtjaYmYVLkQGhpGWForPHACo1fRgd"
    "7iyAtRKMMmfaxCyggengGtYkBhgaX13A6VwbLEiU7OgI4nXkBZf9YzwHBNQ2aw7ARThQsO"
    "dfg2m45zq1PaHxdTb1Cb/89v7W/t06o6vaRqEvnZZVffzs8755+bJPzSZScXXy/P2jfYKP"
    "7aZb+1Omd4SX5Cq9b5SftMXIq/ZqdXqQBd7Zp8dr5VsMsUpCsJdIOeqL7ryIPD4X2bmMsS"
    "p6vMiyuLRBa4D3YXHiCOIQcniQhQr4u19bz5qNN8hc5LvxjYmKba4QqYF3jQFGZxkUk6XQ"
    "PPBBdbWVOEY6151kbgBOhHjAt0W+QJ9LJRkD/Dvs7Ou2zKKe+JSHGUMiLQuzrgLgtq0hSP"
    "n6KaNFsaOvjYykNnHri3sWIznhzeJCm0E3EGos4zsslKIo4G4viyTB6QcmWp8wFdhuFi8u"
    "3qDAbYPPgY5hlRfkhkrFX4w5mXyFhilA44KHfibQ7JOR6MBn/CaqbD6Au8wFZEzQs9tXF7"
    "U8IyVw8Z1PoKnIyaa8vIxkmy9j73oEcfT+XkmO36/wgevCC+iHrCygM8VulgzUKST68gpj"
    "mBtoLa2oiXEqzAzDmBYWaWmeEsqMDNBIW27AzXANgWfYpw4fm+2Pem7gDP9ZQLBDmQ27Ws"
    "Ti53ZuEnEUOmaG2ppd91LzmOA3aI/VAFeZOi0V249649HMJKjsXT8KXRgAMFiXvMdsVZrk"
    "XSK0e47qLeoI/ZrtsTo0XhOS4GoeUo9T6r67swhvBIFYq4/XthWYvzdV6Ex2hZBPEPsWtS"
    "UVxtpS62cO4WcruSLFNUessxVKB+IUIXXyqz5c03DEOcjse2XykVNEGywzbvZdKPIZ0X5N"
    "VfyT9xLllEiskK9yWwKx+cyQS/hLv8v5YKeg396+AaMeeD1H7WAhZU6o2coNpJq0kiw1Rz"
    "6Io5dGXXWSuW/t6Ycm6rXNDFtaRzhPqiC+sI+K6lbnOE56tWtzlNpS/bRR1mmz+E1l2+Ej"
    "M5mHKK4ZyJgzFQhfdwpR5Mbef1WyD7ju0rg+jkge2vJvU0ZQ1S1wz4viNCVgA481KOjKEV"
    "xJwhNXLWWc4GqVs/CC5VxwBBihUZm6YyPM2UU5tWHahzCsNLgyTfHpJcsTLUwOXLeU/7ye"
    "D0cliCtzDfa+Dr1XSPB+18SdQ06wHDpFeUS+YsyH9ItLPKZUL0MGrX8wVNyayIL96TyFxA"
    "yij2h8kLEt/TjI/Soj+gG3cmwglWnNrgMbgni3PnTf16u1ZmStBUsghKHh9msiR0zJIoAm"
    "ktLKtRCNRaZ0mNFcK37UfqY+FXTv0gjspRcXEOYsHzRRCFmsAyS+QKuex0BFZCFQGst+ut"
    "VPiojsLYZfTFPBUgwk+Qg3lZDYFTkkugyj1aQ4ebjfzLgcl7K03vPLHe0/z7SGw+0Vb2go"
    "fzkuNx2+HkFI5tkcoiNr4DnIcRoob4NlM6xevqdivTO8K1VV3bE2R6F0wSiQc240/UD9fS"
    "NKKNHHBKCf6ee3gyCJUXlDVcoY+tSTR6jbxUizE9WTo9gD0r5UH9Fv6MOF/N8QmuwxRL4G"
    "IACzYZ+FkWwdw1i4gAgIWV9yy5GFths/xAqLXnLYN55HZUZYjMKXZ4cBTkseWS12RuLzm4"
    "Prm4ap9a5PpvnctL/NK+urq4ehkJNDdEau6/yyK9MZ9GB+bXxAWjNRAdDmhgOy63oqOTDx"
    "BRRvD8ZIG0DoFlIM7BopPvDJZstyEkBktmsGS7w1iDJVvfQiC9cJWPUsrS6Vzxen4+YZT5"
    "ABa1A7uDOMQHrz7h4bBPNodNEbbTgUqnW7GPDZcsN6im4pmzv6imRHygmr87R2hizOZ4eY"
    "Mw2WWeRiGyFWAmCbL1clUXwJsBmxiwyT4xuDLYJB1dfyZ703Ud95PDOYWpHKJHghaez+Kr"
    "qcCM7O4qXArbk9iHtAL4XNGJ5yshPeEdaxGIxxdtyp4GiPAY7rmOKCNNHh36lKgtKo7pCw"
    "uSomvXgtbjyRRbimRgAQwQBav6I5sNVeZs3Q/osi6TOAbRFTagP/AHo595wMntLWf2hI+8"
    "4PaW2C52LMJhEvIS8uYwatPj/REd2+je9ojdZfJ+2FVcWdC+D6gvQBGiloEVvuo8mI5ubd"
    "fGRjCsePiuh+RmRLsMI3KiNphP77HMHJElu7l4dTnmCgu4GvCRfuAjUUWwigcrJtDZdVXe"
    "u5FyLL0tlTH3dkHG3FvFoV9RZEmxkS048itJtckDv1bwE2IAH+NoBN+F2CRcdsZTLtae/g"
    "gP1hnTEIk19LAuh8PIn68t8ubvajzA87rbLNAnpdysUhs1QbnDod+bOSBL7IPJjVIICDcg"
    "9PD6ZOg8UkYOHKwUyYmUfBEy5PldbhsJEG7OVQZGkmbzQ2LFJeAJlisazlYMsKMqEp1zRN"
    "6opVuCZsvi+xkjPdHwe8EzAZul8Z3FlFuK6uxxzYGxPaArlxuoQmwqDeikte5vTA5tS9dh"
    "tLdycK64h2fYiLuTjW6idJpwF70qVUN0cxLDTRPzNMG5rXPYBOe2zeDKwTlcROtgbNjNnn"
    "J1vtOUYKlCpdp04FNPBWwpn4uVUQ1DdNdh4eHCSN31vDLxsoBdT1YxdmiFQwhbnVdR6ntY"
    "AxndCrED2GEisAYjdzi18WijqHEcW3ugk0AmDzlBwQHwtT9CmX7vx4HNqCuTeq9j9CuWTo"
    "7jxf6hJI3WTr1ug7JuA4O58I2rThFXttjwwYIB/VHJNR613wm3+KXt20PfnowELCBKABUL"
    "CcLdx2OKAXWMbciyBIFIhbXdGXd4OsNNUQC93r637GYXG0mVaRgTaOyhnR/LJt4WRIC5Dr"
    "4X0MINanHzzR/6aLywhVvSHnthjWfQ+LJ2i6eh1VERvZ8kMth94x407sFdY3D1QpGxaf5c"
    "UHnc0W6uDssx5cnVUSt31Xd6N/K8h1PqOoidbigcVtkm1iKX1ZNsjL8QW5d2WolqJI9YjR"
    "FrUHmiNslg4gFLmwKbOLFnrmcPBCINWkk7bOQ9iZt2gCcrw5cnuJU3Bmruezkc+89G9ABs"
    "LwuoSK+VcVNt2U0lxkHlHOU5jf6qTQj1hFd+wYmDBZ3A8KcDcjcT43k+MRH7G9Z4DEerGP"
    "jQDprHrZqirIDSwK77IZhl0ad4CXsYTCeu00fcMtYIQpdLC4feq3A5etWBOQpWI/WrQlMr"
    "qMJS8kLYufFS7E9JU+ns2FwR3F8/vjBcgqt4LxMkO+HAxBkjKnUAt6dj3I1w8MGcOcD5g+"
    "9ukbmjxxIF+15+CpOcbLw1ACLHdtXervq63jbIW26XyvnWZtNxTqdMw71j6g06My/b56ed"
    "889VfZohWZOEX7rs+tvJSbt92j5tkvhrl/3W6pzhJfmZlX6ZCVt/rCFSi/JyKqyFlCQxZZ"
    "CyZZBcmwc9OXpF6bsKjFWRrsTgDVU0xuXqy83NZVRaMAS848+I1O1Pot+o+HAwwgO+sbKR"
    "LG6qSietq9NNiFkUOMwLuPjYxDSVxmGa76NZju1EnhxMDrqNbiNMmbUJn/b7lPN4G8IEvT"
    "CzlsKGpDDjau57y6c4CpGGv2KFkJCC3JwUpvNJYQwm9zPkrSDfGXlj7XGZYIi/Ip66Dlh5"
    "U0oOQu0HzDxXnV5TjXiPx1BsMs963n3lAE2eVvssDrGrR+8tK9OLkwgow+TUIQiZHMQ/LH"
    "QMvLSIcw97+kytIzyrt7U4GQwuoFjJ3l9cQDjMVpJ7lnZndoKfcuePHJ9Vvc5pMoNSMBl3"
    "BrCgEYfXBFhIRg6fyeZQhWknetxPTmeWyhSXT1rXJ63T9pbj67EMiuPrSTEtj69HP7l0Nb"
    "dvV2dhjZf5qHzBZQwPtF+fRjGDwLMIh3EGX6PDY+LY3Qte6J1ZyxNM5TNtdgdrQVB96lfC"
    "m4fN9zAwevT63cdSwPF3Hxcgx/GmIg5dsR5WRLHzdbAwnin4SBzh9+HTO2x1F64k9HB4SP"
    "7sYt3Ow3uHOXxEB91GQTG0Z/W25cBokjkVZluGTN/gwYpz7n2pXI33C3I13udzNWAzBQs7"
    "z+bFJ03GRBs8ajDaVipMqxYjDpMvO0flhNAbHkfGYCdS7PKVSLdzEKxQH3p9ZwIagzol7h"
    "h+gz9TC1FJnpXnLJC4Rj02K7GyoUKFvJfvDwoWtUVgrNW+fvX55Cu586aYueahemYRoU9a"
    "xPeeLCJ48/KQXI+8J5memz8srvYndJkIw4q6WZ4PzQJkY9VRE66c8aiBKX3cOW9d/aGOzB"
    "0rVtrjP27aLfUQYl5oXlUePTGl3gOnDrVxzTIICxjmpVCIhsgTbg5ssk5Fs2YgQsimkdLV"
    "UKxNZMj01SbAIOUjUQoTJuMr+dqwU43xGT4iBEayVl93evT66IP95u5Ilda9aicbRmOZEF"
    "LxvNnfEJKsF7+K1NOURuq6SF0RTwrf3gQ+TOBDEw7XGPjYjk/+uu+MP/vedNJQeOPnN61F"
    "fngOzXpDbFfaAy9aR7hURyDugxmZ+N4j/OEnKosI8CK6p4bCqsaEmjEd32FajMNkFoxKU6"
    "m9f2U9puyMGDh84tqznmCjqcykoXc+JaEKqn6Wbi/99Wuo80J/BNRntqvcnBdkjaXJVuK2"
    "ZiieDLPfvy/D7Pfvi5mN9zLFKryiM3eW5wpFtBs0Yr+20YtZ1ZS9+H7evmoS8dFlrdOvnf"
    "MmER9dJntsEvnZZb932t/xb/mpdOTh7xY7gdwx5C5wIKHy4aOuTzpf8dgB5gVkbD9Q4j0B"
    "N9SngKzbuJ3XJagUAcuQ7XAYLKw8QfBElgMenseSECCzfd97Sm/kgfeJIFB6Rv49zL8N+a"
    "GoflZ791sOlFX3GW7FWfhmXatuzZ5C41wqZvVuuhmMc+lnlLpxLm3DMjPOpZ/UufRVqEqN"
    "RS6msIlVztHUC5Wvcv4mLHoUEoycSVSOW+j1ojd1maSlFEqf0DDyl83JjStIR1eQHEfVOJ"
    "6k0b/60YazUOYDviJXc4Ta75VgPYnemsQmeKrdCy6XBQntdj3vgQ4ImIt3s8QqkltlTEqQ"
    "UV6M8lItJSjeXp/J41RoazeX66UcTu5W6jwg9fJdA3u/pjrTYgDXs2av3suKQsxtjjpldO"
    "EsuoGfzIpUe3lzuVIfYLsKZ/rcUWC3TwQZsVk+xEv6tuty8gv2/svjkUiu+iQqYwjfbXS+"
    "MCY9BF5hEaX6H9NlXdYRB84POLm9FTp0T7DgL8kFUdSRHNEff+395d1b4tts4I1Jf2QjZ2"
    "A0/PX21hKdJkHEGNO23Sd7xgn9MXF8DGTYARnDVkaCJ4/M4MfwsC6QE4hqTwg5fmmyy/RS"
    "NBYZLVXj1iZeXS1ePfHpvfOjCofnFDrzWKxm944PS8F8FYnwMWJ5s8LFJPBg3XEnZEK9iU"
    "vFmT9D5vDio2Vq6XWxpMuUWD0qLrF6lCuxKt6tN7L5qIqo01T1iHv54rWxCVV/JVsTLStm"
    "/W7GTcpEy0LlYwWppyn3UOo7ImVFdCwvZp8+orGzgpjTlKZgk85SFrU1wdBdRc5ZWiNpnS"
    "Udbbl3s4r+4hyhiYwYZ/yauWuc8To44+czvwZGf+NUI4O5dg7nVkntkBpCAAV+3Eg4S9y4"
    "6BEvnQOUwFeE74Vec0XVrLzX9cCWWAx8LQIrgzf1+1RRL3ldDymVDYTMEAkjvQc6MxgQHd"
    "2pJj1lg+kpe11H6DfshPy7WFmSwDEsqsUnFB42IAe3t/O46GF8Hayj21vRkgaKNazWnrdS"
    "hSheCKvMsRSR9q51sVHc3uJLn8M7A9dtechGvJvgaYqFPvRq5Aun7tujMmERaFU4dcW9Ag"
    "mKrWwVKUaEWktSSkC8L4igb3P66t5zBxjtj0SDs0m+BpmAWJJ7viUpHAay4g4uW64iN3lN"
    "z9j8mMBUOVZ5Wqep9C2Zo1NQ8t4eO271nOUMmeF1KV57/hjPVRlUZ3eOcu84/q4Ux98t4P"
    "i7PMd3LyV/l8c3HduOW616bkyxw2nDf/6z23i03Sntwl+u90T9V7iRDog9GIC5yC3SbeDv"
    "wtvdxpPnP3Qb/9dtjLwxFV88NPPFt24D2058Z2z7M2yOhsi//p7b5zfyRJNcXGYUVUwubh"
    "xPxxMQFAw6mc7dH9lsSCNcS+QJ+gQK+5gG9mH4m6SldXv7/Zdu4y/htb92Qd/L64DreIBJ"
    "fDZQDpP4bKRuEp81DFfqnya3VRyiiQPrEqVcT0Z5uSSjC0ZvPPhvIylGOoz3teT+PCsM3K"
    "K+0x81FEHg8I61KARsz9ssC/8Ws6rmRJRCS0S5hCqMkFAu2o6lehT94hBpoY1X7JkpNvK0"
    "cvdrFRudKBbEYg6HzfeQu29KOb3eLHB6vck7veCJAVXV9i/2eiVINu/22o6qVZuLKKeUbR"
    "LT9K//D23fsUw="
)
