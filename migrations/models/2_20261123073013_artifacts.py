from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "run_case_artifacts" (
    "id" UUID NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "media_type" VARCHAR(100) NOT NULL,
    "content" BYTEA,
    "text" TEXT,
    "size" INT NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "page_url" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "project_id" UUID NOT NULL REFERENCES "projects" ("id") ON DELETE RESTRICT,
    "run_id" UUID NOT NULL REFERENCES "runs" ("id") ON DELETE RESTRICT,
    "run_case_id" UUID NOT NULL REFERENCES "run_cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_run_case_ar_run_cas_504897" UNIQUE ("run_case_id", "kind")
);
CREATE INDEX IF NOT EXISTS "idx_run_case_ar_organiz_14bbd4" ON "run_case_artifacts" ("organization_id");
CREATE INDEX IF NOT EXISTS "idx_run_case_ar_project_560e69" ON "run_case_artifacts" ("project_id");
COMMENT ON COLUMN "run_case_artifacts"."kind" IS 'SCREENSHOT: SCREENSHOT\nCONSOLE_LOG: CONSOLE_LOG';
COMMENT ON COLUMN "run_case_artifacts"."content" IS 'The bytes of a binary artifact (a PNG); null for text.';
COMMENT ON COLUMN "run_case_artifacts"."text" IS 'The text of a text artifact (the console log); null for binary ones.';
COMMENT ON COLUMN "run_case_artifacts"."size" IS 'Bytes stored (text counted as UTF-8).';
COMMENT ON COLUMN "run_case_artifacts"."sha256" IS 'SHA-256 of those bytes, hex.';
COMMENT ON COLUMN "run_case_artifacts"."page_url" IS 'The page''s address when the evidence was taken (credentials redacted).';
COMMENT ON TABLE "run_case_artifacts" IS 'Evidence of a case that failed, errored or timed out (a screenshot of the page, the';
        ALTER TABLE "run_case_results" ADD "evidence_note" TEXT NOT NULL DEFAULT '';
        COMMENT ON COLUMN "run_case_results"."content_hash" IS 'SHA-256 of the canonical JSON of what was recorded, artifact digests included.';
        ALTER TABLE "run_case_results" ALTER COLUMN "content_hash" TYPE VARCHAR(64) USING "content_hash"::VARCHAR(64);
        COMMENT ON COLUMN run_case_results."evidence_note" IS 'Why the evidence of a failed case is missing or was cut (empty when nothing is).';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "run_case_results" DROP COLUMN "evidence_note";
        COMMENT ON COLUMN "run_case_results"."content_hash" IS 'SHA-256 of the canonical JSON of what was recorded (see assay.runs.hashing).';
        ALTER TABLE "run_case_results" ALTER COLUMN "content_hash" TYPE VARCHAR(64) USING "content_hash"::VARCHAR(64);
        DROP TABLE IF EXISTS "run_case_artifacts";"""


MODELS_STATE = (
    "eJztXW132ri2/itafGm6Fu20SZrppXfdtUhCW84koTeQdnpOzmIptgBNjMxYpgln7vz3K8"
    "k2+EUmNjEg6P4SiK1tm2db0n55tPVXbezaxOGvL8n4jnh8RCe1BvqrxvCYiC+as3VUw5PJ"
    "4pw84OM7J2g+b6eO4zvue9jyxakBdjgRh2zCLY9OfOoyKdBEU068Fxx5rkMQZQgz5HpDzO"
    "h/sGxTR65qix1nhhj2PPeB2Mh3kTVyOWFo4rl/EMvnr+XtbNcS96NsWPmVp4z+OSV93x0S"
    "f0Q8cf1//asWv5pqJO5X+/e/xTfKbPJIuGwm/53c9weUOHYCWWpLGXW8788m6tjNTfv8o2"
    "opf81d33Kd6ZgtWk9m/shl8+bTKbVfSxl5bkgY8bBP7BjYbOo4oWqiQ8EvEQd8b0rmj2ov"
    "DthkgKeOVFntvwdTZslfhzDnePaa2vw1Iw99av9P+ICxxv3+VafX77Z6/X4to2f5ICkFhY"
    "csl8l3hDJfwvXX38F1F7CoozV5g7PPzeuDo5OXCgiX+0NPnVSg1f5WgtjHgaiCfoG1fAWy"
    "aJ+NsNdi07FCvC0eAzOLZJCPZFPYi4deBfXowAL2RceIoIzAKg5vrfPtqnXdQOrjljXPL9"
    "tXDaQ+btll6/JUngw+b9nXduub/D/4TPcbvVpqY/zYdwgb+iPx79uTJWr62rxWmnobaMoV"
    "/T8YG67CM4fqlFTYQkFR/8sq6dQV+GOm7xVxsZR+7oTcuhQ0P1JCQ99GYkwJupgYQVAwUC"
    "KPYGtEOHKZGITk8WjUQQ7l4qHluLUYU/v5o131ly/eMU87nQspMeb8T0cdaPdSqr+Rr97B"
    "W/VGiEbUV4fbV73Ue2CJJxbP1cd+9k04F2d8Oib6VyEpmXoZ7FD0dfTFnK5beGSsiR9od4"
    "Qiw6F6iUJ67ctWt9e8/JLQynmz15JnDtXRWeroQbq7zi+CvrV7n5H8F/2zc9VKD7/zdr1/"
    "1uQz4anv9pn70Md2bFaJjkaoJbQen0j75eZFjWiVk2RW55lZco0qf85kuEBXmiUlUY2JrB"
    "fNjfag1eGURtzgXmtapI3AJMQfXY/QIfuNzDJGRgrY0NDupC63ky/s4uji/h5+mBvBul4r"
    "vggASDAxXIsR5bp91qtlXuQKIL4JL7Obb++T2Mb6bgLTs2b3rHneqqmX+Q5b9w/Ys/uJt1"
    "qecQ/d1JF52+yp8eE4fQQzPFTgyF8hnznjQX4JrIzaUjczalQv5m3OTZdiXmeHzU0hhBfO"
    "3+J6aIxngfWUNbXKCmt9x3HCoQ4vB86jic5j7C0rB3tGEObSlGkCht860Q1HlZLAJqXglQ"
    "XzzxDzLzllPhPoZEB7N9/kJ3HOTEB6g1AzZlSAcMyC21N4kyOlScZ2YhjR2NnpYSbfxI53"
    "1YLGdW9EkE8YZv5rdO0+vHLID+IgTqypR/0ZEhBxYTeLizCOAwORExKEKKk45T4k8zRZA3"
    "wdN9AY6WCLm2eLq88M2jKRk5cgGBufvCkeAU4kYQ7fvCmQhRGtctMw6hzE33/O+HvGpt3O"
    "TNWcUGFS6Oao8MzS2QlPaP+ezApzDURbNHA9FBwWswSz0Vm7ju7cKVO5f3cR2/mwmDG6n5"
    "uvDt+dIMoR94UdZOvYBpVeG6YjmI6MHxDXPx1NPDKgj2UQXkiYjLEyYQfU4z6yxE8Ro5Zw"
    "05A7UDl6MZDUER9JM1WMGiPiTNCEuBOHII9Y7pBRTsTIoTeLK7jmhpkf4sn6I8xHZZQcl6"
    "lGzU8PWhvrSCfHBSA+Oc6FWJ5KQswtd7Iy/WkubHR/um41zxtI/r1l367bvVYDqY90Jymi"
    "gPcF8H+fC/97MKl/VpM6rnXyOKHiaitoPSm5h1rfES1HmCxVs0d+uPcrde6kZAVqDt9K0H"
    "L1WnYw9/tTvpKe07KgaZM1HU25d7OSWdOMICROIde/QXTNz/XvBqaQ6jch1W9oFtpEgJck"
    "ofXYLmaqCuDdcy5tZlbPwXc7uZMu4TwnwR+dqi/LnvCgUeHsidD1D+K94tQmKJT9oKKLlu"
    "veU/GBPY8SrhZaTrBQNPKFi8OCFUnqrvGMhy6HsoY7QCbFmLm1viSTovRYOhCclIJQ8JOh"
    "YAhG5kO/v8FIFYPgRHSVFeMXMVnQ/C5pHsLQq8xjJmkZwtCg5cge1RDf822jcGXZxrK2tX"
    "UZnOu2idSCSeFhMU3nyYc3KbV3MB8XovMcL6HzHGfpPLASfZ3xSVgevcPLoxXqmkBOpI38"
    "KI78QYVDOBPR1mWvkbwsR9gjaOi4d9j5gB5G2JdhlHDlsuSj2sSiNrHRnaodQ73YEmdtva"
    "1qLw6BG2MGnfqSwA0ZY+qUmTjnAnsXrjk6LDJnila5c6Y6l5wzbconDp71y1KN03J7Z6Gs"
    "hXBMhcMruuUPDdRLC5El5DZYiSx62Tc7XEDBLwhL7eqCoyXVZwrVnClVaCZf14UKiqrng5"
    "owBlo9sPBnvfNw/MkyMPfIo59j9CTF9sDmWTbot37vJcb7CNGDy+bvLxNj/kXn6lPUPKaB"
    "s4vOKczHP+l8DNxM4BEag3CFPMLtmJVnmJP2eOJ6WssydnapcWmJdn2qGpaoZGi544nEwU"
    "aBaF0u95yH1pDlUML8FxxRm4jzPmHWTLbQVzZ8zsW0Rm2MyxmTkcv2wbQ10bRNK6mElasR"
    "BYO3mME7cL2xzubKB3shsYcYV70G12XirfRL8wvTciYjXYsqiYRL/oPhW4zcAvvpWPyKBs"
    "LII3IpmqpV8kD9EcLMlSP1vI3MzHhkIBtlp4d13GDDuX6fcL8fzLI2z74J/+h2rnKYpmnB"
    "tINDLR/9n9pWYW0+5mKKuZtSx6eMv5b328b8IoFa7num3czURCQvAL4n+J7ge8K6wF3AFP"
    "x5WBe4UwAXWhe4pRScg7WL1tTx+tLkm2ixlsxb7MWCpJupkQlIukHSbS+TbmKy8qcad7Rg"
    "hba59AahP79ufuyVxD8QaiD1cctktbbvQdG277dMotj+2jpvoOhbOv5QpF9UX58QnNJ86P"
    "fXKZ1O7BW1npQErZuidc0Kq/DpIRQBoYhdwhRCERCK2CmADQ9FdKcBO10bjwhO1p8KSvS5"
    "bFe8ko5sLTffxkhK1+VX17OJpy2Ks7SxPpwRRlKUKAQzTAxmiOZUP0y3WY6jHRdJwU7ZLm"
    "60JZ5XfLw6fHv86/H7o5Pj96KJetD5kV+XgJ9dTAL221rtNznOlTTeFiKwehvM4bVjqua7"
    "kojGZeAlBf8C/ItdA7h0CdTIPH4usOFldnNkeBrWxeT99L6xPPKTnonp3N/aU1Djs41Rnn"
    "CuF1zAAy7h/EJefv9cWcjLQ15+L/PyPh6WI4mH7YEbvlwVwA2HhCxww7ceLYEIFARMTPTn"
    "IWBiQsBki25oj3BfLpmv5bmj8wb1J93S/nzlXuHsrJRAUiJIugb51wMcHLKwMLHUGfEbZs"
    "FJ/lKXt131MlpHeB5fmf8c8IVN9IXBTgU7FexUsFNNxxQypRUDGi8QUAbUtBwACx4VeFS7"
    "BnDpFDTkS5+ZL9VmoRfO0fORjfuYewpueu4xaUOMZTGAYu5/Wce/J8vbTT1PVimSayqJLH"
    "SEF278B0R+EG+GiE19JC7hogdPeu2iTfRAX4kn9yzNRgMqvjbsjWGMqVJfEgyQL2UW7WKr"
    "eiNZk5PktW778stFq4GCz1t21rn62rruNnvtzlXzooGS/6d7RZGEevULen3qO6XoCnMBk1"
    "WxIl/hqBBf4WgJX+FIs4kGm0w1VmM+U2EuAByF8hyFqcfKkRQiAWApLFfGCiwF8jgRXgAR"
    "ps/UL9kHNKLQG8qXr5cFOx9LAR8TAcCBIrW7g48lABu6XqmKzXGZPXj7U7ZjIePm7RLj5q"
    "2GjEkHA2qJp87B+WnLPnmFDaJ+2Tpv31yWxL7Wana/N5D8e8uCKzRQ8HnLBEjnDST/3rLW"
    "+adW/6zZFe7A/KsZFr+D2XCKh6WM/rjMBlVE2Ia6RuUgC1edhLsWFJ0LYiIwHVQ+HexgUb"
    "HmWa/9tVV2gEpWFQuu0UDBp7l1xX4E4bysfnKX/8ckNrf6/+26hqOKl/4D7yYf6v3l3UCZ"
    "tn3TeoQRlGkDttVuYwocFuCw7BTABq8KSOXAa0s4AV8XVnIBakA/NKqLrg1giI7HU3UdxB"
    "me8JHry1S+ywgKL5XK7KMDuVeSTBHfyf+CvY84skaYDfULB9ZzD+2qggRfJvIvYF0BUAmA"
    "SgBUAqAS/Gy5PKASmBO+BSoBUAl+LsCBSmDM4ANUAqASAJUAqARAJYDpoLEzuep1urqQrt"
    "4Y1LuZuCySro50d1fOsEpIgWlVxLSCFDGkiHcLU6gfAbl3Y1PDkHs3IfcOlQ7WU+lg2+yG"
    "pgDdP3MZI5afw25IN6kvYzdg2VhiEraGyvz1n5Q1AJX511uZ/178tFVjt5GsyVjXPvd6Xx"
    "pI/r1lp9edb93WdQOFX8yIyIrbDeiwTKxwIWFGqFDetuy4ogrKyDfoBUc/sEMVmR0Fv2zq"
    "KTsNHXBCwgEsNhe8Dhq9/ICYLDmDOLE84nN9yZrK77DtvJbLgio8liYCkxvMTEmZHNCsfX"
    "YfgorC4qFlEFYpiotDM+RNxXw2FNhzH/kjypGyExD2kfh9JPsCPO9SEECFACqs9wGtw3of"
    "A+NjEMyFmKPpITGIOZoQc9xORGwR6TrziC1MS4qdmiYspm1XXxYbW/gpfWsuUnD1T4cR4c"
    "xgR/hBgU8TLMNZXBIdNFvdV5/OLuvozp0yG/kuEq9xHanb15EnLGosDisUNEt/1nEDbfDO"
    "SkQSIX4H8TsTLdr10wQsOhF9Qk/zPqUMe7McHzIhl0L7bhZuhrtjeC+B9zSMr8ydBQHqaf"
    "uqef1dT/g+1cRjTr/3Ws0U/swNp+Di0M9FAPVVUb8ns355Sl9KyuQo2NZofaMQhqLjddTe"
    "5PG61kR85Hp+HYmu9yq0SzwylnfxEJ9aIzHLotva7fTwzeEJfnt3eFvTbYe22kU2nE2AAF"
    "N+X9nfAFPMKShn3WYEgX0FRMwNoguxO4jdmRhagtidCbE7/RRXAbwaNtpuTm5P4pyZ4E3a"
    "IkmMJcImxUJvNU1sNHa2viwiKvpqXwWghIO3FqZgegSFOkNbtyDyI46w1K/qmMCDJ/qecA"
    "zviYZztCzSlRI0O95VCxMTB7+1fqurUmRIPPdL9ED9EVIxOzTxyICKO35AzeY5uhP354j6"
    "MoUhq5fFRwlN+KDqq5sQhbvX2u350aKFhMnxohXj+yfHBWI5J8e5sRx5Cihi+x3LKUIR80"
    "g0bpbXe1q2As2Hj2yK4ndE0ZqgXVbTEFqCMIjZXnrxMMiWFp5Nbeq3fhD1A7JrzhZn60uX"
    "m8l2fSIbbsR/5ORP8B1N9B2lYjQezjDXdQwFTHYba19cTpVyKMt4Ei9UjWXK6mjguWP0Nu"
    "u3lJbWO6P/dXh4dPTr4Zujk/fvjn/99d37N3OvNHtqmXt62v4kPdTEnJ11WUXndb1AHyXc"
    "k6TUHrooa6h0pSAr5wXGZfYQ5Or9QJwT9l4KsT6itQ8Ar4VI52NPTNmlh4yU2N7VNqr+ZQ"
    "4RKzdkJIQA5CdB9oj4kbwsykkpgPlJmOmkDLxBa4AV4p5r8Xt2LvxlEx9Tp1SV1JjI7pY+"
    "qELZaykuMPHIj/4I81GZUS0htIfWZvXDW1mEAdwS4EJMHWLqEFN/Tkz9eqot4CYP15dF0b"
    "1p0U3o5CpRoSBrquZStUJ04uBFQZb4gtEPiPp8sYtcUJBn5IofIpvNF8Dql6Ku4yZP1ZKj"
    "NhlPXF/W2lHEFwj0mxjo372t5f/3pnUTbv1eIvgfSDVQ8HnLrm+urtpXnxoo/CK3qZPb1f"
    "Vko/nXW/ax2b6Qh4JP0ap5dda6UIfmX9NdbjsR6HR/K2FYaURXUuhmKBKqnpnlUDEWveCS"
    "PdZA4kX0hBsyDAa1gEwmkzRcYCNbII+oHc6CEldigNYXSaviopsvXRgN12X8x7jM7jqQtS"
    "9yIpM41BGfUp/wuZaoF+ynKkbmutLaYpIT+pUiv8iSeL8EFe5+iRWG06T+1nWXLbu5vusH"
    "RTYK8oPn7TeX5n2zLu+rYmrwRG5bo7FbcrFcCACYaTAHmDqlwFwIAJhpMInnCfezDJoxCY"
    "AzDacMl6vtOMuMm3EZgDRTAFT6Fk65Hp+QAUjTkCrTtfT2REkpc/NztW8jF4UPi6hfDwpO"
    "yAdtUPu2hg6mnHji6IRKb0ZTnWsF+S1UNILk30+46CHqg+W1npSEBQ8mZ3wHlFE+WknNKV"
    "HQs8l6hnI0UI6mtiv5zUQ8w8FlUY2JwMsK1X0gBb99hKG6z7YBLl3dR46iVQAbXmY3R9un"
    "YV3MNVAxaTsVkwxg56idLvUMnWgTzKUsHbWNZAmqjkr1KQKNEG6ofB95FFIy6+fLXZPEOZ"
    "UElO3CYjp1cXJCiS13VFIeup6gU92ltbQcL+AsLbYaBTKOgWQc+Zbq47VPU3EiWZO5sbVu"
    "W/JqGij4lJSbq6+t626z1+5cNS8k7yb+f7qjbIdW41PfKbcSLhIwWRUr0pSPCgW6j5YEuo"
    "+ygW7KJrp0Wo885iR/5gLmpigqiXa1fu8lAl0ZzkeiWlXUPE0ESb3OkrGUBTufKTQXMIMm"
    "JO+3N+tMyONEGFhBbrhkH9CIQm8o3RuUdaXbMiQf+JgIAF5++MHDcqNP2B4Gn8oHH0sANn"
    "S9UgyBuMwevP0byOLbdDCglnjqHJyftuyTV9gg6pet8/bNZUnsa61m93sDyb+3LLhCAwWf"
    "t0yAdN5A8u8ta51/avXPml3hDsy/mmHxO5gNp3hYyuiPy2xQRYRtqGtUXy+Hc+L5peaCmA"
    "hMB5VPB1AuunJOeFgxrASkcRGTMa21fS5XEVokKocm95E/UOsKXc8mXiNaKUHDA3UVulT/"
    "qzPBUQ03r9Irw9b1QNGrnKIHzBOgSuwWpjLXVQ7PhQRwedIhjCiJVhLStBwAC4QeIPTsGs"
    "ClCT1h6v2ZuIZFR3ZzXHgS1MVsUwDQBYnh+bD2xLUiqsieYpuedkwk8TQ9nw4C+k0emWfe"
    "pF6E1NPHYfOC7J7WD2oTufeQouAoko0/wj4KFhbXUbgkVriWSC3mRO7URwcYiYsQwlStnJ"
    "CgMxE/VJUCyDi2a7jHLbvz3AdOPEkT4q5DkOMOX9bRg0d9n4QlK2RFHzHpipdPucxM3NbD"
    "jOOQMsPssMyPNcJMKGkpiWje72RVAyARmUgiUprJoF0s1RDJmsxcqXXPrlutq+7nTq+BFt"
    "8VmajbuWj1LzqfFJMo+seMpILo0BQHiGqVo+8KSSmT1WJSzi3kTGaBXrZHX0xoxf35Nlj9"
    "SD1SMJHcqd+EoglPzhhfrj69/KAujQZyNiGPGtbp6pfZ/oZ7ZTkbzyJsbFCt8jkDdahvC2"
    "WEpYXmU3xMLaHixLzO9Uqu4qJbZo1w+h/NsJm/GU3Y3OgMyqnqe9xXNt+BUo3lTpksSYA5"
    "uul9fPVekx0pLLXuAhMjfPjupMxUtpAweRqrdT83X4nnDExtl4djZB2NyGNWG0813nDJX+"
    "kX9KeepqRX/tAYlzGX0aMGMvmoLzjCti2mBo4eRiRIEJLIsXoQXcDH9+LwwaJWqXR+bCyp"
    "kpruVN1lt01khEwkZCIhEwmZSMMxhUxkxWCukIhMiQGskIeEPOSuAQx5yG3nIePpkOejuu"
    "dZyNScY2IS8lrlyGr5KciwQb1QAjLIuBVMP36TecCRuKpQvh14oKoQQJAl9DBrzFN6qiqA"
    "I0NzlriQSvDheZEAuUGSrtplxVfXZAchE2heJnD39vZYIV73pdntys04gs/sfh2t6+vOdQ"
    "Opj1smfe7OTa+Bwi8m7+fxM67UrrWwNUJjIjrekCAuRx1JUFDLAMjEmTWQg9U2JfWg4oli"
    "StQRFoPXeOLzOpoQ75XEAYWLhbKj4VrusOW1Oz/rYqpgbyvmezOpllAj8VI5DRTss1AXys"
    "VclsyJlK1USH0V3P1jag8l30azK8w6brDtogOSZyTehLxaM/r3JSllbqZgRR7CcREawnE+"
    "C+E4Q0IIAAsHmjIZmYzgHoC96XRINFxncc9NGsdFNpc4fltywPvsPiDhyMzQH+7dfFKSw4"
    "zvuvfijxiGLNezwy2plA+SHdRWvciGNi2A0uf7XBLbqNLnhoZT9kLR9tQLwr9jzTD80XFx"
    "zkCckktpeSAF16XZdW3vskSt552b04sW+nLdOmt326G5N9ejOikPiQM0ipY1L9KmRshUEK"
    "rwy5kaaUFzTY3at9EsSctQlLaAPB9uwsfRmHIud2x0PWV3W5JBL2e3WRD2Ej9zJE9Trt0U"
    "pvobbJsVEkTuSm9ln5YzOgKUIGFJr4y5jFrYQdL5kUcfZPxTaiswa6SzNidB2nRIuDR+mO"
    "VM7XD1Qz7Hq5LLb5gVBtSg3HEZqEFADQJqkCGYAjVor6lBT2fejAQViEFADNopgIEYtA1i"
    "UBnmShEKUYeRniv+rJ9AZMK4vA760LMoQU3iUWtU03CBwjP1ZSQgvGjzFPUnH6mKSTa5eQ"
    "/tTK/JeIRqMfZVqiYbkc+mya2PmR9GyS+QaVQEZcWU6eG7dwVCFaJVbqxCnUsl7kSnKoFw"
    "2HwP0d3swvh8nkj+svgN8ES24xFUxrrI+A6b5Lf+/f8xdYBA"
)
