# Copyright workos-cpp authors. Handwritten.
"""Interop peer for tests/interop/auth_session_interop_test.cc: Fernet tokens with Python's
`cryptography` (the primitive the official Python SDK seals sessions with).

    auth_fernet.py encrypt KEY   < plaintext   -> prints the token
    auth_fernet.py decrypt KEY   < token       -> prints the plaintext
    auth_fernet.py seal-session KEY < json     -> json.dumps(session) sealed like the Python SDK
                                                  (session = {"access_token", "refresh_token",
                                                  "user", "impersonator"} from the input JSON)

Run with /usr/bin/python3 (Debian's python3-cryptography).
"""

import json
import sys

from cryptography.fernet import Fernet


def main() -> int:
    command, key = sys.argv[1], sys.argv[2]
    data = sys.stdin.buffer.read()
    fernet = Fernet(key)
    if command == "encrypt":
        sys.stdout.write(fernet.encrypt(data).decode("utf-8"))
    elif command == "decrypt":
        sys.stdout.buffer.write(fernet.decrypt(data.strip()))
    elif command == "seal-session":
        src = json.loads(data)
        session = {"access_token": src["access_token"], "refresh_token": src["refresh_token"]}
        if src.get("user") is not None:
            session["user"] = src["user"]
        if src.get("impersonator") is not None:
            session["impersonator"] = src["impersonator"]
        sys.stdout.write(fernet.encrypt(json.dumps(session).encode()).decode("utf-8"))
    else:
        sys.stderr.write("unknown command: %s\n" % command)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
