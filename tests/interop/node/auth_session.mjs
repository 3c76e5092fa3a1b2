// Copyright workos-cpp authors. Handwritten.
// Interop peer for tests/interop/auth_session_interop_test.cc: the official Node SDK
// (@workos-inc/node, pinned in package.json) seals and reads AuthKit session cookies.
//
//   node auth_session.mjs seal         < request.json   -> prints the sealed cookie
//   node auth_session.mjs unseal       < request.json   -> prints the unsealed session JSON
//   node auth_session.mjs authenticate < request.json   -> prints loadSealedSession().authenticate()
//   node auth_session.mjs authenticate-with-code < request.json
//                                        -> authenticateWithCode({code, session: {sealSession}})
//                                           against baseUrl; prints the sealed session
//
// request.json: {"baseUrl": "http://127.0.0.1:PORT", "clientId": "...", "cookiePassword": "...",
//                "sessionData": "...", "authenticationResponse": {...}, "code": "..."}
// Only talks to the loopback server named by baseUrl (the JWKS, /user_management/authenticate).

import { webcrypto } from 'node:crypto';

// The SDK's iron code uses the global Web Crypto API (global by default from Node 19 on).
if (!globalThis.crypto) globalThis.crypto = webcrypto;

const { WorkOS } = await import('@workos-inc/node');

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function client(req) {
  const url = new URL(req.baseUrl);
  return new WorkOS('sk_test_interop_not_a_secret', {
    clientId: req.clientId,
    apiHostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    https: url.protocol === 'https:',
  });
}

const command = process.argv[2];
const req = await readStdin();
const workos = client(req);

if (command === 'seal') {
  const sealed = await workos.userManagement.sealSessionDataFromAuthenticationResponse({
    authenticationResponse: req.authenticationResponse,
    cookiePassword: req.cookiePassword,
  });
  process.stdout.write(sealed);
} else if (command === 'unseal') {
  const data = await workos.userManagement.getSessionFromCookie({
    sessionData: req.sessionData,
    cookiePassword: req.cookiePassword,
  });
  process.stdout.write(JSON.stringify(data ?? null));
} else if (command === 'authenticate') {
  const session = workos.userManagement.loadSealedSession({
    sessionData: req.sessionData,
    cookiePassword: req.cookiePassword,
  });
  const result = await session.authenticate();
  process.stdout.write(JSON.stringify(result));
} else if (command === 'authenticate-with-code') {
  const response = await workos.userManagement.authenticateWithCode({
    code: req.code,
    clientId: req.clientId,
    session: { sealSession: true, cookiePassword: req.cookiePassword },
  });
  process.stdout.write(response.sealedSession);
} else {
  process.stderr.write(`unknown command: ${command}\n`);
  process.exit(2);
}
