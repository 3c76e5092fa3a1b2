# Copyright workos-cpp authors. Handwritten.
"""The `workos` tool's local helpers against vectors made here, independently of the SDK
(hashlib, hmac and Debian's python3-cryptography), its help, and its exit codes.

    /usr/bin/python3 cli/tests/cli_test.py WORKOS_BINARY
"""

import base64
import hashlib
import hmac
import json
import os
import re
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from operations import OPERATIONS  # noqa: E402  (generated)

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

WORKOS = None
SECRET = "whsec_cli_test_0123456789abcdef"


def run(*args, env=None, stdin=None):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("WORKOS_")}
    full_env.update(env or {})
    p = subprocess.run([WORKOS, *args], capture_output=True, text=True, env=full_env,
                       input=stdin, timeout=30)
    return p.returncode, p.stdout, p.stderr


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Help(unittest.TestCase):
    def test_help_lists_every_group_and_a_group_its_commands(self):
        code, out, _ = run("--help")
        self.assertEqual(code, 0)
        for group in ("pkce", "webhooks", "session", "vault", "jwt", "organizations",
                      "user-management"):
            self.assertIn("\n  %s " % group, out)
        code, out, _ = run("webhooks", "--help")
        self.assertEqual(code, 0)
        for command in ("sign", "verify", "create-webhook-endpoint"):
            self.assertIn(" %s " % command, out)

    def test_help_json_is_machine_readable(self):
        code, out, _ = run("--help", "--json")
        self.assertEqual(code, 0)
        data = json.loads(out)
        names = {(c["group"], c["name"]) for c in data["commands"]}
        local = {("pkce", "generate"), ("webhooks", "sign"), ("webhooks", "verify"),
                 ("session", "seal"), ("session", "unseal"), ("vault", "encrypt"),
                 ("vault", "decrypt"), ("jwt", "verify")}
        workflows = {("seed", ""), ("setup-org", ""), ("onboard-user", ""), ("debug-sso", ""),
                     ("debug-sync", ""), ("man", ""), ("completion", "bash"),
                     ("completion", "zsh")}
        self.assertLessEqual(local | workflows, names)
        # The local helpers, the workflows, the manual and one command per operation.
        self.assertEqual(len(data["commands"]), len(local) + len(workflows) + len(OPERATIONS))
        self.assertEqual(len(names), len(data["commands"]))
        self.assertEqual(set(data["exit_codes"]), {str(n) for n in range(9)})

    def test_one_command_help(self):
        code, out, _ = run("webhooks", "verify", "--help")
        self.assertEqual(code, 0)
        self.assertIn("--signature", out)
        self.assertIn("WORKOS_WEBHOOK_SECRET", out)
        code, out, _ = run("webhooks", "verify", "--help", "--json")
        self.assertEqual(len(json.loads(out)["commands"]), 1)


class Usage(unittest.TestCase):
    def assert_usage(self, *args):
        code, out, err = run(*args)
        self.assertEqual(code, 2, err)
        self.assertEqual(out, "")
        self.assertEqual(json.loads(err)["error"]["kind"], "usage")

    def test_unknown_command_flag_and_missing_values(self):
        self.assert_usage("nope", "nothing")
        self.assert_usage("pkce", "generate", "--colour", "red")
        self.assert_usage("webhooks", "verify", "--payload", "{}")
        self.assert_usage("webhooks", "sign", "--payload")
        self.assert_usage("webhooks", "sign", "--payload", "x", "--secret", "s", "--timestamp", "1e3")
        self.assert_usage("session", "seal", "--data", "{}", "--password", "p" * 40, "--format", "xml")
        self.assert_usage("pkce", "generate", "--length", "20")
        self.assert_usage("pkce")


class Pkce(unittest.TestCase):
    def test_challenge_is_the_s256_of_the_verifier(self):
        for length in ("43", "128"):
            code, out, _ = run("pkce", "generate", "--length", length)
            self.assertEqual(code, 0)
            pair = json.loads(out)
            self.assertEqual(len(pair["code_verifier"]), int(length))
            self.assertEqual(pair["code_challenge"],
                             b64url(hashlib.sha256(pair["code_verifier"].encode()).digest()))
            self.assertEqual(pair["code_challenge_method"], "S256")


class Webhooks(unittest.TestCase):
    payload = '{"id":"event_01","event":"user.created","data":{"id":"user_01"}}'

    def expected(self, t):
        mac = hmac.new(SECRET.encode(), ("%d.%s" % (t, self.payload)).encode(), hashlib.sha256)
        return "t=%d, v1=%s" % (t, mac.hexdigest())

    def test_sign_matches_hmac_sha256(self):
        code, out, err = run("webhooks", "sign", "--payload", self.payload,
                             "--timestamp", "1700000000000", env={"WORKOS_WEBHOOK_SECRET": SECRET})
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["header"], self.expected(1700000000000))
        self.assertNotIn(SECRET, out + err)

    def test_verify_accepts_a_good_signature_and_rejects_a_bad_one(self):
        t = 1700000000000
        header = self.expected(t)
        day_ago = str(10 ** 10)  # seconds: the vector's timestamp is in the past
        code, out, err = run("webhooks", "verify", "--payload", self.payload, "--signature",
                             header, "--secret", SECRET, "--tolerance", day_ago)
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out), {"valid": True, "timestamp_ms": t})

        code, out, err = run("webhooks", "verify", "--payload", self.payload + " ", "--signature",
                             header, "--secret", SECRET, "--tolerance", day_ago)
        self.assertEqual(code, 1)
        self.assertEqual(out, "")
        error = json.loads(err)["error"]
        self.assertEqual(error["kind"], "rejected")
        self.assertIn("signature", error["code"])
        self.assertNotIn(SECRET, err)

        code, _, err = run("webhooks", "verify", "--payload", self.payload, "--signature", header,
                           "--secret", SECRET)
        self.assertEqual(code, 1)
        self.assertIn("timestamp", json.loads(err)["error"]["code"])

    def test_payload_and_secret_from_files_and_stdin(self):
        path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "workos-cli-test-secret-%d" % os.getpid())
        with open(path, "w") as f:
            f.write(SECRET)
        try:
            code, out, err = run("webhooks", "sign", "--payload", "-", "--secret", "@" + path,
                                 "--timestamp", "1700000000000", stdin=self.payload)
        finally:
            os.unlink(path)
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["header"], self.expected(1700000000000))


class Sessions(unittest.TestCase):
    data = '{"accessToken":"at","refreshToken":"rt","user":{"id":"user_01"}}'
    password = "a-cookie-password-of-at-least-32-characters"

    def test_iron_round_trip_and_wrong_password(self):
        code, out, err = run("session", "seal", "--data", self.data,
                             env={"WORKOS_COOKIE_PASSWORD": self.password})
        self.assertEqual(code, 0, err)
        cookie = json.loads(out)["cookie"]
        self.assertTrue(cookie.startswith("Fe26.2*"))
        code, out, err = run("session", "unseal", "--cookie", cookie, "--password", self.password)
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out), json.loads(self.data))
        code, out, err = run("session", "unseal", "--cookie", cookie, "--password", "x" * 40)
        self.assertEqual(code, 1)
        self.assertNotIn("x" * 40, err)

    def test_fernet_cookie_made_by_python(self):
        key = Fernet.generate_key().decode()
        token = Fernet(key.encode()).encrypt(self.data.encode()).decode()
        code, out, err = run("session", "unseal", "--format", "fernet", "--cookie", token,
                             "--password", key)
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out), json.loads(self.data))


class Vault(unittest.TestCase):
    def test_decrypts_a_value_made_by_python(self):
        key = os.urandom(32)
        keys = b"encrypted-data-key-blob"
        iv = os.urandom(12)
        sealed = AESGCM(key).encrypt(iv, b"4111 1111 1111 1111", b"user_123")
        ciphertext, tag = sealed[:-16], sealed[-16:]
        blob = base64.b64encode(iv + tag + bytes([len(keys)]) + keys + ciphertext).decode()
        data_key = base64.b64encode(key).decode()
        code, out, err = run("vault", "decrypt", "--ciphertext", blob, "--context", "user_123",
                             env={"WORKOS_VAULT_DATA_KEY": data_key})
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out), {"plaintext": "4111 1111 1111 1111"})
        code, _, err = run("vault", "decrypt", "--ciphertext", blob, "--context", "user_124",
                           "--data-key", data_key)
        self.assertEqual(code, 1)
        self.assertEqual(json.loads(err)["error"]["code"], "vault_authentication_failed")

    def test_round_trip(self):
        data_key = base64.b64encode(os.urandom(32)).decode()
        keys = base64.b64encode(b"keys").decode()
        code, out, err = run("vault", "encrypt", "--data", "secret value", "--data-key", data_key,
                             "--encrypted-keys", keys)
        self.assertEqual(code, 0, err)
        blob = json.loads(out)["ciphertext"]
        code, out, err = run("vault", "decrypt", "--ciphertext", blob, "--data-key", data_key)
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["plaintext"], "secret value")


class Jwt(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from cryptography.hazmat.primitives.asymmetric import rsa
        cls.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        numbers = cls.key.public_key().public_numbers()

        def b64int(n):
            return b64url(n.to_bytes((n.bit_length() + 7) // 8, "big"))
        cls.jwks = json.dumps({"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256",
                                         "kid": "key_cli_test", "n": b64int(numbers.n),
                                         "e": b64int(numbers.e)}]})
        cls.path = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                "workos-cli-test-jwks-%d.json" % os.getpid())
        with open(cls.path, "w") as f:
            f.write(cls.jwks)

    @classmethod
    def tearDownClass(cls):
        os.unlink(cls.path)

    def token(self, claims, kid="key_cli_test"):
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding
        header = b64url(json.dumps({"alg": "RS256", "kid": kid, "typ": "JWT"}).encode())
        payload = b64url(json.dumps(claims).encode())
        signing_input = ("%s.%s" % (header, payload)).encode()
        signature = self.key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
        return "%s.%s" % (signing_input.decode(), b64url(signature))

    def claims(self, **extra):
        now = int(time.time())
        claims = {"iss": "https://api.workos.com/user_management/client_cli", "sub": "user_01",
                  "sid": "session_01", "jti": "jti_01", "iat": now, "exp": now + 600}
        claims.update(extra)
        return claims

    def test_verifies_a_token_signed_by_python(self):
        code, out, err = run("jwt", "verify", "--token", self.token(self.claims()),
                             "--jwks", "@" + self.path)
        self.assertEqual(code, 0, err)
        result = json.loads(out)
        self.assertTrue(result["valid"])
        self.assertEqual(result["kid"], "key_cli_test")
        self.assertEqual(result["claims"]["sub"], "user_01")

    def test_rejections_name_their_reason(self):
        good = self.token(self.claims())
        head, payload, sig = good.split(".")
        forged = "%s.%s.%s" % (head, b64url(json.dumps(self.claims(sub="user_02")).encode()), sig)
        cases = [
            (forged, [], "invalid_signature"),
            (self.token(self.claims(exp=int(time.time()) - 3600)), [], "token_expired"),
            (self.token(self.claims(), kid="key_other"), [], "unknown_kid"),
            (good, ["--issuer", "https://evil.example"], "invalid_issuer"),
            ("not-a-token", [], "malformed_token"),
        ]
        for token, flags, expected in cases:
            code, out, err = run("jwt", "verify", "--token", token, "--jwks", "@" + self.path,
                                 *flags)
            self.assertEqual(code, 1, (expected, err))
            self.assertEqual(out, "")
            self.assertEqual(json.loads(err)["error"]["code"], expected)

    def test_key_set_location_is_checked(self):
        code, _, err = run("jwt", "verify", "--token", "a.b.c", "--jwks", "keys.json")
        self.assertEqual(code, 2, err)
        # A key set that cannot be fetched is a network failure (exit 7), not a rejection: a
        # loopback port nothing listens on refuses the connection at once.
        import socket
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        code, _, err = run("jwt", "verify", "--token", self.token(self.claims()), "--jwks",
                           "http://127.0.0.1:%d/jwks" % port)
        self.assertEqual(code, 7, err)
        self.assertEqual(json.loads(err)["error"]["kind"], "network")


class Manual(unittest.TestCase):
    """The man page and shell completion, written by the tool from its command table."""

    @classmethod
    def setUpClass(cls):
        code, out, _ = run("--help", "--json")
        cls.commands = json.loads(out)["commands"]

    def test_the_man_page_is_clean_roff_with_every_command(self):
        code, page, _ = run("man")
        self.assertEqual(code, 0)
        lint = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z"], input=page,
                              capture_output=True, text=True, timeout=60)
        self.assertEqual((lint.returncode, lint.stderr), (0, ""))
        # One long line per paragraph (no break inside a command's name); overstriking removed.
        text = subprocess.run(["groff", "-man", "-Tutf8", "-rLL=2000n", "-P", "-c"],
                              input=page, capture_output=True, text=True, timeout=60).stdout
        text = re.sub(".\x08", "", text)
        text = " ".join(text.replace("\u2010", "-").replace("\u2212", "-").split())
        for c in self.commands:
            words = " ".join(w for w in ("workos", c["group"], c["name"]) if w)
            self.assertIn(words, text)
        self.assertIn("EXIT STATUS", text)

    def bash(self, *words):
        script = ('source <("$WORKOS" completion bash); COMP_WORDS=(%s); '
                  'COMP_CWORD=%d; _workos; printf "%%s\\n" "${COMPREPLY[@]}"' % (
                      " ".join("'%s'" % w for w in words), len(words) - 1))
        p = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60,
                           env=dict(os.environ, WORKOS=WORKOS))
        self.assertEqual((p.returncode, p.stderr), (0, ""))
        return p.stdout.split()

    def test_bash_completes_groups_commands_and_flags(self):
        self.assertEqual(self.bash("workos", "organization"),
                         ["organization-domains", "organizations", "organization-membership"])
        self.assertEqual(self.bash("workos", "organizations", "list-o"), ["list-organizations"])
        self.assertEqual(self.bash("workos", "organizations", "list-organizations", "--li"),
                         ["--limit"])
        self.assertEqual(self.bash("workos", "seed", "--f"), ["--file"])
        self.assertEqual(self.bash("workos", "pkce", "generate", "--"), ["--length", "--help"])

    def zsh(self, *words):
        script = ('compadd() { [[ $1 == -- ]] && shift; print -l -- "$@"; }; compdef() { :; }; '
                  'source <("$WORKOS" completion zsh); words=(%s); CURRENT=%d; _workos' % (
                      " ".join("'%s'" % w for w in words), len(words)))
        p = subprocess.run(["zsh", "-f", "-c", script], capture_output=True, text=True,
                           timeout=60, env=dict(os.environ, WORKOS=WORKOS))
        self.assertEqual((p.returncode, p.stderr), (0, ""))
        return p.stdout.split()

    def test_zsh_offers_the_words_of_each_position(self):
        self.assertIn("user-management", self.zsh("workos", "u"))
        self.assertIn("list-users", self.zsh("workos", "user-management", "l"))
        self.assertIn("--organization-id",
                      self.zsh("workos", "user-management", "list-users", "--o"))
        self.assertEqual(self.zsh("workos", "jwt", "verify", "--")[:2], ["--token", "--jwks"])


if __name__ == "__main__":
    WORKOS = sys.argv.pop(1)
    unittest.main()
