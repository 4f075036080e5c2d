from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "login_challenges" (
    "id" UUID NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "method" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "failed_attempts" INT NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "login_challenges"."method" IS 'How the first factor was passed: \"password\" (later \"oidc\").';
COMMENT ON COLUMN "login_challenges"."failed_attempts" IS 'Wrong codes tried against this challenge; it dies at a small limit.';
COMMENT ON TABLE "login_challenges" IS 'The short-lived, single-use proof that a first factor succeeded; TOTP completes it.';
        CREATE TABLE IF NOT EXISTS "recovery_codes" (
    "id" UUID NOT NULL PRIMARY KEY,
    "code_hash" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_recovery_co_user_id_ce49cb" UNIQUE ("user_id", "code_hash")
);
COMMENT ON TABLE "recovery_codes" IS 'One single-use recovery code; only its SHA-256 (bound to the user) is stored.';
        CREATE TABLE IF NOT EXISTS "totp_factors" (
    "id" UUID NOT NULL PRIMARY KEY,
    "ciphertext" BYTEA NOT NULL,
    "nonce" BYTEA NOT NULL,
    "key_version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "confirmed_at" TIMESTAMPTZ,
    "last_step" BIGINT NOT NULL,
    "user_id" UUID NOT NULL UNIQUE REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "totp_factors"."confirmed_at" IS 'None while enrollment is pending (the secret was shown, no code confirmed it yet).';
COMMENT ON TABLE "totp_factors" IS 'A user''s authenticator: the sealed secret and the last time step accepted.';
        CREATE TABLE IF NOT EXISTS "user_tokens" (
    "id" UUID NOT NULL PRIMARY KEY,
    "purpose" VARCHAR(32) NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "user_tokens"."purpose" IS 'VERIFY_EMAIL: VERIFY_EMAIL';
COMMENT ON COLUMN "user_tokens"."email" IS 'The address the link was sent to: a token proves nothing about any other address.';
COMMENT ON TABLE "user_tokens" IS 'A single-use link token mailed to a user (email verification; later password reset).';
        CREATE TABLE IF NOT EXISTS "user_data_keys" (
    "id" UUID NOT NULL PRIMARY KEY,
    "version" INT NOT NULL,
    "wrapped_key" BYTEA NOT NULL,
    "kek_id" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "rewrapped_at" TIMESTAMPTZ,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_user_data_k_user_id_2b79d6" UNIQUE ("user_id", "version")
);
COMMENT ON COLUMN "user_data_keys"."wrapped_key" IS 'AES-GCM(KEK, data key) with nonce prefixed; AAD binds it to the user and version.';
COMMENT ON TABLE "user_data_keys" IS 'A person''s own data key, wrapped by a KEK: it seals what belongs to the user, not to';
        ALTER TABLE "users" ADD "password_hash" VARCHAR(255);
        ALTER TABLE "users" ADD "email_verified_at" TIMESTAMPTZ;
        COMMENT ON COLUMN users."password_hash" IS 'argon2id PHC string; None for people who have not set a password (yet).';
COMMENT ON COLUMN users."email_verified_at" IS 'When the person proved they read mail at ``email``; no session before that.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "users" DROP COLUMN "password_hash";
        ALTER TABLE "users" DROP COLUMN "email_verified_at";
        DROP TABLE IF EXISTS "user_tokens";
        DROP TABLE IF EXISTS "login_challenges";
        DROP TABLE IF EXISTS "recovery_codes";
        DROP TABLE IF EXISTS "totp_factors";
        DROP TABLE IF EXISTS "user_data_keys";"""


MODELS_STATE = (
    "eJztXVtz27Cx/isYvsSZUdLEdi5VOp2RbSXRqS85tpw0rToyTMISagpUScqO2tP/frAgKf"
    "ECyqRMSZSyL5ZMYkFqF1js5cPiP8bIsZjtvT5jo1vmekM+NprkP4agIya/aO42iEHH4/k9"
    "uODTWztoPmunrtNbz3ep6ctbd9T2mLxkMc90+djnjgCCFpl4zH3hEdexGeGCUEEcd0AF/z"
    "eFNg3iqLbUtqdEUNd1HplFfIeYQ8djgoxd55/M9L3X8DjLMeXzuBhU3vNE8H9NWN93Bswf"
    "Mlf2//e/G/HeVCP5POMf/5DfuLDYL+ZBM/h3fN+/48y2EpzlFtCo631/OlbXrq87J59VS/"
    "g1t33TsScjMW89nvpDR8yaTybceg00cG/ABHOpz6wYs8XEtkPRRJeCXyIv+O6EzV7Vml+w"
    "2B2d2CAy4093E2HCryPU8+j0Nbe814I99rn15/AFY437/fOLbv+q3e33jYyc4UVSAgovmY"
    "6AMcKFD+z6z3+DfudsUVcNeMDx19bl3sH7l4oRjucPXHVTMc34ryKkPg1IFevnvIYhkOX2"
    "8ZC6bTEZKY535GtQYbIM5yPaFO/lSy/D9ejCnO3ziRGxMmJWcfYaFz/O25dNoj56onVy1j"
    "lvEvXRE2ftsyO4GXz2xPdO+wf8H3ym541eLMaI/urbTAz8ofz37fsFYvreulSSehtIypHz"
    "P9AN5+GdfXULBDYXUDT/skI6ciT/qdDPijhZSj63km5VAppdKSGhH0OpU4IpJjUICRQlcR"
    "k1h8wjjpBKCK5HWofY3JMvDXprrlP7+dqu+u6LT8yji4tToBh53r9sdaHTTYn+Gobe3ls1"
    "ImQj7qvLnfNuahyY8o3le/Wpnx0JJ/KOz0dMPxSSlKnBYIWkr6Mv9Zm6hTWjIX+gdSEFGa"
    "rqBQLpds7aV93W2beEVE5a3Tbc2VdXp6mre+npOuuE/Oh0vxL4l/zt4rydVr+zdt2/GfBO"
    "dOI7feE89qkVW1WiqxHXElKPL6T9cuuihrTKRTIr88wquUKRP2cxnHMXzJKSXI2RrJaba5"
    "1By7MTjLi7e61pkTYCkyz+7LiMD8Rf2DRjZKQYGxraF6nutnLAzq/On+/Sx5kRrJu18otk"
    "AAsWhkupUS47x10jM5ArYPF12M12jt4neRubuwmeHreujlsnbUMN5ltq3j9S1+onRjXccf"
    "ad1JVZ2+yt0f4ofYUKOlDMgV8B75zxIL8FVoax0M2MGjWKeZsz06WY13khZqYQoXPnb94f"
    "GdFpYD1lTa2yxFrfcZRwqMPu0Hmso/MYG2Xl2J4hxLU0ZZqg4bdK7oZapSRjk1Q4ZNH8q4"
    "n5l1wyn8noZEB7O0fyk3zOLEB6g1CjMyrgcMyC21H2JjVlnYzthBrR2NlpNZNvYsenakHj"
    "ujtkxGeCCv81uXQeX9nsgdnEY+bE5f6USBZ50m6WnQiPBgaix1gQouTylvOYzNNkDfBVPE"
    "BjpKMtXj9bXH1muA2JnLwEwaj2yZviEeBEEmb/zZsCWRjZKjcNo+5h/P33jL9nbNrNrFSt"
    "MZcmhW6NCu8sXJ3omPfv2bQw1kC2JXeOS4LLcpUQFjnuNMitMxEq9+/MYzuf5ivG1dfWq/"
    "137wn3iOdLO8jSoQ0q7RuXI1yOaq8QV78cjV12x3+V4fCcos48VibsHXc9n5jyp0itJd00"
    "4typHL1UJA3iDcFMlVpjyOwxGTNnbDPiMtMZCO4xqTn0ZnEFfa4Z+SHfrD+k3rCMkOM01Y"
    "j5aaW1ton0/rAAi98f5rIYbiVZ7JnOeGn404y41vPpst06aRL42xM/LjvddpOoj/QkKSKA"
    "jwX4/zGX/R/RpP5dTeq41NmvMZe9LSH1JOUOSn1LpBzxZKGYXfbg3C81uZOUFYg5HJUo5e"
    "qlbFPP70+8peScpkVJ11nS0ZJ7Oy2ZNc0QYuIUc/1r5G79c/3bwVNM9dch1V/TLHQdGbwg"
    "Ca3n7XylqoC9O46lzazqOfzdTO7k1BlwcTykNoQumKHJoaRaNBblUmxo2zejxiWS/d7Qcf"
    "1XNn9gVoN4ku82eyUtXkh2qPAjBZxsEJm8k51BjmRimoxZzPpEuhfdb8R0RmPgqpcb2FzB"
    "MzDHUptVt7Egx+JLN1mUDhEnqTBI/GSQeCQngaMZ1vksnlPUOjT81XlUKZCEcnikHhnLic"
    "GsJukZ8O3Rca2eQfZs+cauvOZwy+wZL7PaqIL+1pxiwQh0/qzCCDRGoOsq5UIRqyXDkhiR"
    "3BL53lFuK1H5bDQO9rcl5dwRvl7EGsqUqMHxWdHsfVNylf7hOmIgbXR5WY4mzixCB1Keco"
    "X1h9wjM7fkk7TeicVlK2XxeyN5ndh8pPMbKuozvWQoV+vV/tvDD4cfD94ffpRNFJ9mVz4s"
    "GH/Zkge67Qz5Rle4X3BtBpexKmdh1fYs7npfZSwUt2Jv8VbsS2Y6D8ydHst/DU3UKHG/sS"
    "hm5IYt+0rJFosYwfbpWAAn6kLpaQ0udm+GnwWnCzj6chEOt/Letbu3o+EPvQZBBty5XcPQ"
    "0Vw8JVbYBFGdIxu1WWoxvpDP+t2NL6DjWUqN1Um8RQMLaECjAY0GdNaAvmKel7OzOrq10G"
    "z2gkaFt61JLkgj9pXHLWncBrSflMFqOs49lx/UdVX4QhBnTKWEiUp/BaUg1VPjRq9u89oK"
    "noDp1drooUU2MqZX0UZGG3lFNrICf3tMTpUlgeMxWpT8Nkkes6/LrGN1kjLu/0EpY4pu5S"
    "k66WEJzeTJZ2+SaufYfFiojsLhgjoKh9k6ChjLwVgOxnK0sZyu448/KxCnoQnnxO42FkV0"
    "fNmuH2BByx58JFeeoVRm3KSSuKkCKh6jNrOgop3LfFVICK6CQ0DAGCCez8aEmiYb+/paRF"
    "V13RM9cXMTeCLyxs0NJEep9QAD2QqyqbdTcnNz/Q3WafL69Wvy42v7sk1mJORPJKBsEM8h"
    "VOVhyZ58bk9QMSWMujZnLtRGUonX6MmAxBnJSShvmJJ5Q+eRPchmI6BxmRz3nu8RyWBGHr"
    "k/RER/7dRlY1Falo+ldHz2S7PuH3FB3WlOJCRBlz7vZ+oHCITtVJ86Fh+dXhwlTGS5xB91"
    "zluXP/fOWn99mbCTTy/Ov0Tt4+I4+tltt9KHLTnhOlSc9TMS5PqyXIeiRVKHRdmBgiDOFN"
    "X6AJyrDPtUjKDE2Go+q3c3wiZ/6R13R8vJPUW7NeEX4xyqSD4Ouc0IE65j2yNp4IHlNGbC"
    "kiOB7AVWnjLvYFeSKvrWIMIJTK/ZLwfM85T5mg1Oq3nEDoeHZsaubk0d5Kr2BFltkflltf"
    "of9/cPDj7svzl4//Hd4YcP7z6+man37K1Fev6o8wVUfUKqWd1fn8jGRtOXFcY1yrjhT8VA"
    "LgTrOvLPiiMgdWB9xfGPZ8U0FB810YyIv/lxDHjJwgGMsWzriNcEupWuu8vIwHZuqf1Jrh"
    "4UNtmw8BgsWDwsZnJLrgm36iBS7sbOy9Ie3lxt5xgZqI3CaSyIDLAR5XaZZMCMYOcgKAf7"
    "RfIAslVuHkDdS66WFvfGNp32y9atTtPtXNZlJdWrudeH80cedLGWRadaJ+jWeKx1NNjXHG"
    "/B06MxEPCcQEBUbaM0iDFDuJRaW5PjT92BI/a5Rb59PSaBsD8R5arDoRNhMffHoUOG9IFJ"
    "X9yXHjrsZo5+JNnTe/sV9rtYw757V0TDvnuXr2HhXnLCq+Uf4qNcdrrMvNd2sD3RoB9DJl"
    "QCL7CWoRrWA7NmxrFF4OdBLu3mRv3Sm5tPEKYJEd7klkkZM1U9S7N7vtq+dyz+8yy3uVpP"
    "rwtYbCPH3QtuPunz9RWgu/iGhPkOW5uL+2AzgBoQTG2mpSoDTfbUwCDB9DJVDchPJCiINF"
    "MfUg5avbSKh0A6+1iOw8ko8BVBy8lxaXEgojYJ09h7NzfhLjXSuSLn16enpHV+QubATPJn"
    "OdIfb25eBkntngheTT7q3lMZa8Ie4H+YQWN4toCUtv/I5Z3AdyWeFBUZORBaRQd1exzU8c"
    "SVFEsfphEjr/POYuN7+7Lz+We/fdbqnDZJ/L/0PC3myhbyZBc4stp1f4NxghWxHQpdynVH"
    "DkcvgOWA2lMZFsjA+E4TjrVUqkYtxh6YY0PIyNBbZwJoHqnSQHtEnehLaVb+hPXHMXDTEm"
    "5aQn8at66sW+pbIuVCWWus37Dz8q1JZry+QkXMf51y3muLmkSHQmhiJrHzIvIjJuGZC8XC"
    "JflM1ZYWS58yot4Pq4vVMBaAh/+uNn0af7MMm7vsVw6sLkW2A6nqRVZJ+6/dhEEScVSPVY"
    "+axyRwDPB1dPvQ7cPz2dZoPuJZYis9S2wzZuUx9VhnNHZcrWUZu7vQuDRluz5XDUtU1I1O"
    "N7JIQNqAI99niEhi2pwJ/4VHuMXkfZ8Jcwot9AV0n9OZ1qiNnecWo+lLGjRt62japoVUws"
    "rVkKLBW8zgvXPckc7mymf2nGIHefyxAIc/5vL3YyaZ4Qg5Kv0l6kEn6erMaSOqa67OxGOh"
    "+paaW/J+AlgDyO+5DGK4oLCDzfNUBCm9qA0A6l12B42yy8MqHrDmrJbPPL8frLKW5jyV/7"
    "m6OM/JH6YJ0w4ON33yf8Tm3so2b8WWmNsJt30uvNfwvE2sL8Coxb5n2s1MLUTQAfqe6Hui"
    "77kK6w7PBkd/flf8eTwbfHVng28oBWdTLWZZXW8sTL7JFivJvMUGFibd6hqZwKQbJt12Mu"
    "kmFyt/onFHiwHL59RrZP3JZetztyT/A6ImUR89cdlunfxsEvXRE8DFzvf2SZNE39LxhyLz"
    "Ag/QRqe0kgOuxtaSUk9SotTrInUNbjJ8ewxFYChim3iKoQgMRWwVg2seiriaBEVFtPGI4G"
    "bjqaBE34N2xfdQQ2vCBdRSkNQN+Oq4FnO1e6EXNtaHM8JIiiLFYEYdgxmyOder6dyikXES"
    "LAasqQGE9ttK7TfQcyWNtzkJbipCc3jlPFXrXUmOxmlwkKJ/gf7FtjG4kH+RXsmqYGzYzX"
    "ZqhqfZOl+89Rs4M5q3Ap7O/K0dZWp8tamVJ5zrBRfwgEs4v5iX3z1XFvPymJffyby8Twfl"
    "QOJhe8SGLxYFYsMxIYvY8I1HSzAChQGTOvrzGDCpQ8Bkg25ol3k+bJk38tzRWYPGk25pf7"
    "Zzr3B2FigIUARJ1yD/ukeDSyaF+uZwRx1IHLi+2hrWy3ajdYRn8ZXZz0FfuI6+MNqpaKei"
    "nYp2at15ipnSihkaLxBQhqlpOmQselToUW0bg0unoDFf+sx8qTYLPXeOns/ZuI+5o8xNrz"
    "11qtO8KAZQzP0v6/jD+SjmxHWhShHsqWRQ6IjO3fhPcLKTOyXM4j6RXTjk0QWvXbaJXug7"
    "c+EANP3ZKxX2jSdG1cZUaSwIBsCgzHK72K7eiLbOSXLjqnP27bTdJMFnTxxfnH9vX161up"
    "2L89ZpkyT/T8+KIgn16jf0+ty3S8EVZgR1FsWSeIWDQniFgwV4hQPN2cdiPNFYjflIhRkB"
    "YhTKYxQmrigHUogIEKWwWBhLoBTYr7H0Apg0fSZ+yTmgIcXZUL58PRTs/FWK8TESZDhCpL"
    "ZX+ZiSYQPHLVWxOU6zA6M/ZTsWMm7eLjBu3mrAmPzujpvyrXP4/LRln+xhjVw/a590rs9K"
    "8t5ot65+Ngn87YmghyYJPntCMumkSeBvT7RPvrT7x60r6Q7MvtbD4repGEzooJTRH6dZo4"
    "iC87rXMDUqZ7J01Vl4akHRtSBGgstB5cvBFhYVax13O9/bZRVUsqpY0EeTBJ/1rSv2EITz"
    "svLJ3f4fo1jf7v+3q1JHFW/9R9xNPqt3F3eDZdp2TeoRj7BMG6KttpuniGFBDMtWMbjGuw"
    "JSOXBjASbg+9xKLgAN6IdGddG9AYLw0Wii+iGeoGNv6PiQyncEI2FXqcw+2YOzkiBFfAv/"
    "BWcfecQcUjHQbxxYzTO0uwoSeJnIv8B9BQglQCgBQgkQSvC75fIQSlCf8C1CCRBK8HsxHK"
    "EEtVE+CCVAKAFCCRBKgFACXA6aW5OrXqWri+nqtbF6OxOXRdLVkexuyxlWCSo0rYqYVpgi"
    "xhTxdvEU60dg7r22qWHMvdch946VDlZT6WDT6IaWZLp/7AjBTD8H3ZBu0liEbqDQGHgSts"
    "bK/I3fFDWAlflXW5n/Xv60ZWO3EW2deW187Xa/NQn87Ymjy4sfV+3LJgm/1CMiKx93xwdl"
    "YoVzinqECuGxZfWKKigDI+iFRx6ozRWYnQS/bOIqO43seYyFCiy2FrwOGr38RASUnCEeM1"
    "3me/qSNZU/YdN5LUcEVXhMTQQmN5iZoqpzQNP46jwGFYXlS0MQVgnKk5emxJ3I9Wwgee/5"
    "xB9yjyg7gVCfyN/HsgPgeV1hABUDqLjfB6WO+31qGB/DYC7GHOseEsOYYx1ijpuJiM0jXc"
    "cus6RpyaltaMJi2naNRbGxuZ/SN2ckBXf/XAgmnRlqSz8o8GmCbTjzLsleq3316svxWYPc"
    "OhNhEd8hchg3iHp8g7jSoqbysuKCZuvPKh6gDd6ZiUgixu8wfldHi3b1MAGTj+Wc0MO8j7"
    "ig7jTHh0zQpbh9Ow0Pw90yfi9g71EYX5k5C5KpR53z1uVPPeD7SBOPOfrZbbdS/BdOuAQX"
    "Z/2MBLm+LNfv2bRfHtKXoqpzFGxjsL5hyIai+jpqX2d9bbSIN3Rcv0Hk1HsV2iUuG8FTXO"
    "JNzKFcZUnP6E323+y/p29v93uG7ji05TpZczYBA0z5c2V3A0wxp6CcdZshRPQVAjHXyF2M"
    "3WHsro6hJYzd1SF2p1/iKmCvBo22nYvbk3zOLPB1OiJJ6hJpk1IpN0MTG43dbSyKiMq52l"
    "cBKOngrQQpmNagWGdo4xZEfsQRt/pVHRN4dOXck47hPdNgjhZFulKE9Y53GWFiYu8v7b80"
    "VCkyIt/7JXnk/pComB0Zu+yOyyd+Iq3WCbmVz/cI9yGFAdXL4lpCEz6ouvc6ROHutXZ7fr"
    "RoTlHneNGS8f33hwViOe8Pc2M5cAshYrsdyykCEXNZpDfLyz1NW4Hkw1eui+C3RNCaoF1W"
    "0hhawjBIvb304mGQzTiQ1x5zF3iQ8duNRS7kRDYs6UMaLTKWjoMjXnjEeRQzm65BQhVMbq"
    "eEEmnvNcGMA1SMRx6H1Ce3zHbEwIssO3g2ZJXA1NNknap/SE8AJh6K8cbFq0rwcpd0L7rf"
    "QvDOywbxHNXvxH3gD8wjNqMP8s2I6iBtkWp9Z3gw+sw1UI0N9JnRZ66bzwzaQeH9HvLOHV"
    "/JE9B33vyEQ98ZfWf0ndF3zgq6kO+sLPZyNmKMBFEui53lyGp/ppN8HXaznSx90juODag6"
    "ZVVbE4v77Qem3jtbiGV+t7GwBgu06zNouJakqsf+hc5hHZ1DEIzGhRnk+oYhQZ39QuOb43"
    "ElHC4y6bUX6uAhLhrkznVG5G3WKSlNrfc2/7i/f3DwYf/NwfuP7w4/fHj38c3M7czeWuR/"
    "HnW+gAuaWIyzPqmcvI4byKOE35Gk2kHfYwXlnxXLyrl3cZodZHL1Dh7NwYItZLE+ZLULDF"
    "7J7jKfunLJLq0yUmQ7V/C3+sEccqycykgQIZOfZLLL5I/0ynI5SYVsfpLNfFyGvUFrZCsG"
    "NFfi92xdXMtiPuV2qaNDYiTbWw+wCmGvpOLe2GUP/SH1hmW0WoJoB63N6tVbWQ4jc0swF4"
    "FmCDRDoNlzYuqXE21Vc7jcWBRFdydFT2aH0klSQOZEraWqbNLYpvMqpfEqSp8I97350epB"
    "ldqhI38INJtVhdLXZ1rFQ54qsM4tNho7PhSgVcgWDPTXMdDvU3+isTyLVQOfU6/Rmfvf6/"
    "Z1+6Qkm0OqJgk+e+Ly+vy8c/6lScIvcHY7nOHehUazrz3xudU5hUvBp2zVOj9un6pLs6/p"
    "KbeZCHR6vpUwrDSkSwl0PdgHVeTbtLnURS88gIY1iRyIrq9AqqDUAqQYJGk8yRtoQVymjv"
    "0O6j5LBa2vHF5Fp+uv5x+p6zL+Y5xmex1I4xssZMCHBvEm3GfeTErcJXByCpGauaGkNl/k"
    "pHyB5A9QJ/4PQdn3P8SqpWtSf6t6yobdXN/xg8qTBQHAs/brS/O+WZX3VTH2dwxnuWrsll"
    "xezgmQmWlm3lFul2LmnACZmWYmc13pfpbhZowC2ZlmJ4TLpV850ay2+XozToMszZyKAb6F"
    "XW7GJ2iQpWmWKtO19Jm9Sar65ueMH0OHhC9LuN8IqjDCiza51TPIXrDzjY45eDOaktVL0G"
    "+gzC8m/37D3QzRHCwv9SQl7mSoc8b3jgvuDZcSc4oU5VxnOWONVqzRamxLfjMRz7BpWa7G"
    "SHCwYslbTMFvnsNY8nbTDC5d8ha0aBWMDbvZTm37NFvnaw2WEd5MGeEaoHOOqccMPUJH3W"
    "o8gdLpQ+6uBFRHpfoUgEYSN1W+j/2SVJD18+EoYXlPJQGhXVh7pCFvjjmz4Jhh5aHrATrV"
    "da2F5bgBZsmHTQ3QBYJx6gjGgVGqj9c+DcWJaOuMjTWuOoCraZLgEyA359/bl1etbufivH"
    "UKuJv4/+mJshlYjc99u9xOuIigzqJYEqZ8UCjQfbAg0H2QDXRzMdal07rsV07yZ0ZQ3xRF"
    "JdGu9l+7iUBXBvORKEMVNU8DQVLDGRBLWWbnI4VmBPWACcHzdmafCfs1lgZWkBsuOQc0pD"
    "gbSs8GZV3pztHMZ3yMBBleXv3QQTntE7ZH5VO58jElwwaOWwohEKfZgdG/hiy+xe/uuCnf"
    "OofPT1v2yR7WyPWz9knn+qwk74126+pnk8Dfngh6aJLgsyckk06aBP72RPvkS7t/3LqS7s"
    "Dsaz0sfpuKwYQOShn9cZo1ioiJNU2N6uvleB5z/VJrQYwEl4PKlwOsB105JjysGFaCpXGS"
    "OvPU6Pge7CI0WVQOzZ0Isqf2FTquxdxmtFOChxcaKnSp/ld3gqsabF6lPa8auYoQvd8Qoo"
    "fIE4RKbBdPIddVjp9zCsTypEMYURKtJEvTdMhYBPQgoGfbGFwa0BOm3p/J17DoyHbqhSeZ"
    "Ol9tCjB0DmJ4Plu7sq8IKrKjvE0vO3UE8bRcn98F8Js8MM+sSaMIqKdPw+YF0T3tB24xOF"
    "hIQXAUyMaHE9WCjcUNEm6Jla4lUZs5iTPxyR4lshPGhKqVEwJ0xvKHqlIAGcd2Bc/oiVvX"
    "eYTTjmAYODYjtjN4CQfFcd9nYckKqOgjF105+JTLLORjXSo8GkJmhBWW+TGHVEghLQQRze"
    "YdVDVAEFEdQURKMhluF0s1RLR1Rq4YV8eX7fb51deLbpPMvysw0dXFabt/evFFIYmif+qR"
    "VJATmtOAo1rh6KdCkqrOYqlTzi3ETGYZvegQvhjRkgfwrbH6kXqlYCG5Vb+JRAserBjfzr"
    "+8/KS6JnewmrBfGtTp8t1s/iS9spiNZwE21ihWeM9AHOrbXBhhaaHZEh8TSyg4ua57eiFX"
    "0emGUSMe/7dGbeYfRhM2r3UG5UjNPc9XNt+eEo3pTASUJKAeue5+fvVRkx0pTLXqAhNDuv"
    "/ufZmlbE5R52XMuPraeiXfMzC1HS/UkQ0yZL+y0niq8ZpL/oJf0J+4mpJe+aoxTlNfRI9S"
    "ZPCqLzxCLUsuDXDkNQsShCxyrB7lFPDpvby8N69VCs6PRQEqqZlO1XW7aSAjZiIxE4mZSM"
    "xE1pynmImsmJlLJCJTZMhWzENiHnLbGIx5yE3nIePpkOdzdcezkKk1p45JyEuVIzPyU5Bh"
    "g0ahBGSQcSuYfvwBecCh7FUK3wo8UFUIIMgSulQ0Zyk9VRXAhtCcKTtSCT46KxIAByTpql"
    "1W3LsmO4iZwPplArfvbI8l4nXfWldXcBhH8Jk9r6N9eXlx2STqoyfA57647jZJ+KXO53n8"
    "jju1jTY1h2TE5MQbMOKB1gGAgtoGwMb2tElsqo4paQQVTxRSokGoVF6jse81yJi5r4APJN"
    "wslNWGK3nChvfu/K6bqYKzrYTvTkEsoUTipXKaJDhnoSGFSz0omRMJW4mQ+yq4+8+JNQC8"
    "jeZUmFU8YNNFBwBnJEdCXq0Z/XhJUtU3U7AkDuGwCAzhMB+FcJgBIQQMCxVNmYxMhnAHmL"
    "3udEikrrN8z00ax0nWlzh+W1LhfXUeiXRkpuSfzu1sUQI14zvOvfwj1ZDpuFZ4JJXyQbJK"
    "bdlO1nRoAZY+3+WS2LUqfV7TcMpOCNqauEH4d6RRw59th+Yo4hRdSsp3QLgqya7qeJcFYj"
    "25uD46bZNvl+3jzlUnNPdmclQ34ZK8wKNoWes0bWqESAUpCr+cqZEmrK+pYfwYTpOwDAVp"
    "C8Dz4SF8Hhlxz4MTGx1X2d0mIOhhdZsGYS/5M4dwm3vaQ2Gqf8CmUSFB5K70UfZpulpHgB"
    "IgLPDKhCO4SW0Czg9cfYT4J0grMGvAWZuBIC0+YB4YP8K0J1a4+yEf41VJ92tGhSE0KFcv"
    "IzQIoUEIDaoJTxEatNPQoKczb7VkKgKDEBi0VQxGYNAmgEFlkCtFIEQXgnUd+Wf1AKI66O"
    "VVwIeeBQlqMZebQ0ODBQrvNBaBgOi8zVPQn3xOVQyyyc17aFd6TcYjFEtth1I12Yh8NE1u"
    "fcz8MEp+gcxaRVCWTJnuv3tXIFQhW+XGKtS9VOJOTqoSHA6b7yB317sxPh8nkr8tfg04kc"
    "14BJWhLjK+wzrxrf/9f8O0XS8="
)
