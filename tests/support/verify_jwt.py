"""Independent verification of a Trustbridge ID token, with code that is not ours.

usage: verify_jwt.py <pyjwt|joserfc> <discovery-url-or-@file> <audience> <token>
Fetches the discovery document (or reads it from @file, with the JWKS inline under "jwks"), then
the JWKS from its jwks_uri, and verifies signature, algorithm, issuer, audience and expiry.
Prints the verified claims as JSON; exits 1 with the reason on any failure."""
import json
import sys
import urllib.request


def load(source):
    if source.startswith("@"):
        with open(source[1:], encoding="utf-8") as f:
            doc = json.load(f)
        return doc, doc.pop("jwks")
    doc = json.load(urllib.request.urlopen(source, timeout=10))
    return doc, json.load(urllib.request.urlopen(doc["jwks_uri"], timeout=10))


def with_pyjwt(doc, jwks, audience, token):
    import jwt

    header = jwt.get_unverified_header(token)
    key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    public_key = jwt.PyJWK(key).key
    return jwt.decode(token, public_key, algorithms=doc["id_token_signing_alg_values_supported"], audience=audience, issuer=doc["issuer"], options={"require": ["exp", "iat", "iss", "sub", "aud"]})


def with_joserfc(doc, jwks, audience, token):
    from joserfc import jwt
    from joserfc.jwk import KeySet

    key_set = KeySet.import_key_set(jwks)
    decoded = jwt.decode(token, key_set, algorithms=doc["id_token_signing_alg_values_supported"])
    registry = jwt.JWTClaimsRegistry(iss={"essential": True, "value": doc["issuer"]}, aud={"essential": True, "value": audience}, exp={"essential": True}, sub={"essential": True})
    registry.validate(decoded.claims)
    return decoded.claims


def main():
    library, source, audience, token = sys.argv[1:5]
    try:
        doc, jwks = load(source)
        claims = (with_pyjwt if library == "pyjwt" else with_joserfc)(doc, jwks, audience, token)
    except Exception as error:  # noqa: BLE001 - report any refusal
        print(f"{type(error).__name__}: {error}")
        sys.exit(1)
    print(json.dumps(claims))


main()
