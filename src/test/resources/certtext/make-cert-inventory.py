#!/usr/bin/env python3
"""Writes cert-inventory.json: what pyca/cryptography reads from every certificate in the corpus.

The decoder test compares CertificateDecoder against this independent parser. Run from the
repository root with the corpus at $CORPUS (default /work/shared/corpus):
    python3 src/test/resources/certtext/make-cert-inventory.py > src/test/resources/certtext/cert-inventory.json
Generated with Python 3 and cryptography 48. Certificates come from every PEM CERTIFICATE block of
every file (prose .md files, JSON and YAML excepted) and from every PEM in x509-limbo's limbo.json.
"""
import base64, binascii, hashlib, json, os, re, sys, warnings
from cryptography import x509
from cryptography.x509.oid import ExtensionOID

CORPUS = os.environ.get("CORPUS", "/work/shared/corpus")
LIMBO = "x509-limbo/limbo.ddc40b4-2023-12-02.json"
PEM = re.compile(r"-----BEGIN ((?:X509 |TRUSTED )?CERTIFICATE)-----(.*?)-----END \1-----", re.S)
KU = [("digital_signature", "DIGITAL_SIGNATURE"), ("content_commitment", "NON_REPUDIATION"),
      ("key_encipherment", "KEY_ENCIPHERMENT"), ("data_encipherment", "DATA_ENCIPHERMENT"),
      ("key_agreement", "KEY_AGREEMENT"), ("key_cert_sign", "KEY_CERT_SIGN"),
      ("crl_sign", "CRL_SIGN")]


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def ext(c, oid):
    try:
        return c.extensions.get_extension_for_oid(oid).value
    except x509.ExtensionNotFound:
        return None


def facts(der):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = x509.load_der_x509_certificate(der)
        serial = c.serial_number
    f = {
        "sha256": hashlib.sha256(der).hexdigest(),
        "version": c.version.value + 1,
        "serialHex": ("-" if serial < 0 else "") + format(abs(serial), "x"),
        "subject": c.subject.rfc4514_string(),
        "issuer": c.issuer.rfc4514_string(),
        "notBefore": iso(c.not_valid_before_utc),
        "notAfter": iso(c.not_valid_after_utc),
        "signatureAlgorithmOid": c.signature_algorithm_oid.dotted_string,
    }
    try:
        f.update(extension_facts(c))
    except Exception as ex:  # pyca is stricter about extension contents than a viewer must be
        f["extensionError"] = str(ex)
    return f


def extension_facts(c):
    san = ext(c, ExtensionOID.SUBJECT_ALTERNATIVE_NAME)
    bc = ext(c, ExtensionOID.BASIC_CONSTRAINTS)
    ku = ext(c, ExtensionOID.KEY_USAGE)
    ski = ext(c, ExtensionOID.SUBJECT_KEY_IDENTIFIER)
    aki = ext(c, ExtensionOID.AUTHORITY_KEY_IDENTIFIER)
    bits = None
    if ku is not None:
        bits = [name for attr, name in KU if getattr(ku, attr)]
        if ku.key_agreement:
            bits += [n for a, n in (("encipher_only", "ENCIPHER_ONLY"), ("decipher_only", "DECIPHER_ONLY")) if getattr(ku, a)]
    return {
        "uriSans": san.get_values_for_type(x509.UniformResourceIdentifier) if san else [],
        "dnsSans": san.get_values_for_type(x509.DNSName) if san else [],
        "ipSans": [str(i) for i in san.get_values_for_type(x509.IPAddress)] if san else [],
        "ca": bool(bc.ca) if bc else False,
        "pathLength": bc.path_length if bc else None,
        "keyUsage": bits,
        "subjectKeyId": ski.digest.hex() if ski else None,
        "authorityKeyId": aki.key_identifier.hex() if aki and aki.key_identifier is not None else None,
        "extensionOids": [e.oid.dotted_string for e in c.extensions],
    }


def entry(source, der, **where):
    e = {"file": source, **where}
    e["status"] = "parsed"
    if der is None:
        e["status"] = "bad-base64"
        return e
    try:
        e.update(facts(der))
    except Exception as ex:  # what pyca refuses, the decoder must refuse with a message
        e["status"] = "unparseable"
        e["sha256"] = hashlib.sha256(der).hexdigest()
        e["pycaError"] = str(ex)
    return e


def blocks(text):
    for m in PEM.finditer(text):
        try:
            yield base64.b64decode(re.sub(r"\s", "", m.group(2)), validate=True)
        except binascii.Error:
            yield None


out = []
for dirpath, _, files in sorted(os.walk(CORPUS)):
    for name in sorted(files):
        rel = os.path.relpath(os.path.join(dirpath, name), CORPUS)
        if rel.endswith((".md", ".json", ".yaml", ".yml", ".golden")):
            continue
        text = open(os.path.join(CORPUS, rel), "rb").read().decode("latin-1")
        for i, der in enumerate(blocks(text)):
            out.append(entry(rel, der, block=i))
limbo = json.load(open(os.path.join(CORPUS, LIMBO)))
seen = set()
for tc in limbo["testcases"]:
    pems = [("trusted_certs", p) for p in tc["trusted_certs"]] + \
           [("untrusted_intermediates", p) for p in tc["untrusted_intermediates"]] + \
           [("peer_certificate", tc["peer_certificate"])]
    for role, pem in pems:
        for der in blocks(pem):
            h = hashlib.sha256(der).hexdigest()
            if h not in seen:
                seen.add(h)
                out.append(entry(LIMBO, der, testcase=tc["id"], role=role))
# One certificate a line, so that diffs of a regenerated inventory stay readable.
print('{"generator": "make-cert-inventory.py, pyca/cryptography 48", "certificates": [')
print(",\n".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in out))
print("]}")
