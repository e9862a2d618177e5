"""A relying party that is not ours: verifies Trustbridge ID tokens the way AWS STS would, with
PyJWT (Debian's /usr/bin/python3) or joserfc (the machine's default python3).

usage:
  oidc_relying_party.py discover <pyjwt|joserfc> <discovery-url> <audience> <token>
      Fetches the discovery document over HTTP, then the keys from its jwks_uri (PyJWT through
      jwt.PyJWKClient), and verifies the token. Prints {"claims": ..., "discovery": ...}.
  oidc_relying_party.py batch <pyjwt|joserfc>   (JSON on stdin)
      {"issuer", "audience", "tokens": [jwt...], "jwks": [jwks...], "cases": [[token_i, jwks_i]...]}
      Verifies every case: the token against that JWKS (key chosen by kid, algorithms = those of
      the published keys, as the discovery document lists them). Prints
      {"ok": n, "failures": [{"case": i, "reason": "..."}]}.
Exits 1 (printing the reason) when a discover-mode verification fails.
"""
import json
import sys
import urllib.request

REQUIRED = ["exp", "iat", "iss", "sub", "aud", "nbf", "jti"]


def algorithms_of(jwks):
    return sorted({k["alg"] for k in jwks["keys"]})


def pyjwt_verify(token, jwks, issuer, audience, algorithms):
    import jwt

    kid = jwt.get_unverified_header(token).get("kid")
    matching = [k for k in jwks["keys"] if k.get("kid") == kid]
    if not matching:
        raise LookupError(f"no key with kid {kid} in the JWKS")
    key = jwt.PyJWK(matching[0]).key
    return jwt.decode(token, key, algorithms=algorithms, audience=audience, issuer=issuer, options={"require": REQUIRED})


def joserfc_verify(token, jwks, issuer, audience, algorithms):
    from joserfc import jwt
    from joserfc.jwk import KeySet

    decoded = jwt.decode(token, KeySet.import_key_set(jwks), algorithms=algorithms)
    if decoded.header.get("typ") != "JWT":
        raise ValueError("typ is not JWT")
    registry = jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": audience},
        sub={"essential": True},
        exp={"essential": True},
        nbf={"essential": True},
        iat={"essential": True},
        jti={"essential": True},
    )
    registry.validate(decoded.claims)
    return decoded.claims


VERIFY = {"pyjwt": pyjwt_verify, "joserfc": joserfc_verify}


def discover(library, url, audience, token):
    discovery = json.load(urllib.request.urlopen(url, timeout=10))
    algorithms = discovery["id_token_signing_alg_values_supported"]
    if library == "pyjwt":
        import jwt

        client = jwt.PyJWKClient(discovery["jwks_uri"], cache_keys=False)
        signing_key = client.get_signing_key_from_jwt(token)
        claims = jwt.decode(token, signing_key.key, algorithms=algorithms, audience=audience, issuer=discovery["issuer"], options={"require": REQUIRED})
    else:
        jwks = json.load(urllib.request.urlopen(discovery["jwks_uri"], timeout=10))
        claims = joserfc_verify(token, jwks, discovery["issuer"], audience, algorithms)
    return {"claims": claims, "discovery": discovery}


def batch(library, request):
    verify = VERIFY[library]
    ok = 0
    failures = []
    for i, (t, j) in enumerate(request["cases"]):
        jwks = request["jwks"][j]
        try:
            verify(request["tokens"][t], jwks, request["issuer"], request["audience"], algorithms_of(jwks))
            ok += 1
        except Exception as error:  # noqa: BLE001 - every refusal is a result
            failures.append({"case": i, "reason": f"{type(error).__name__}: {error}"})
    return {"ok": ok, "failures": failures}


def main():
    mode, library = sys.argv[1], sys.argv[2]
    if mode == "batch":
        print(json.dumps(batch(library, json.load(sys.stdin))))
        return
    try:
        print(json.dumps(discover(library, *sys.argv[3:6])))
    except Exception as error:  # noqa: BLE001
        print(f"{type(error).__name__}: {error}")
        sys.exit(1)


main()
