// Copyright workos-cpp authors. Handwritten.
// HTTPS server on 127.0.0.1 for tests/interop/http2_interop_test.cc: offers HTTP/2 by ALPN
// and also accepts HTTP/1.1 (allowHTTP1), and tells each client which one it got, in the
// `x-http-version` header and in the JSON body. Uses only Node's built-in `http2` module.
//
//   node h2_server.js <cert.pem> <key.pem>
//
// Prints the port on the first line of stdout; exits when stdin closes (or on SIGTERM).
'use strict';

const fs = require('fs');
const http2 = require('http2');

const [certPath, keyPath] = process.argv.slice(2);
const server = http2.createSecureServer({
  cert: fs.readFileSync(certPath),
  key: fs.readFileSync(keyPath),
  allowHTTP1: true,
});

let sessions = 0;
server.on('session', () => { sessions += 1; });

server.on('request', (req, res) => {
  const body = JSON.stringify({
    id: 'org_h2',
    name: `HTTP/${req.httpVersion} ${req.url}`,
    http_version: req.httpVersion,
    alpn: req.socket.alpnProtocol || '',
    h2_sessions: sessions,
  });
  res.writeHead(200, {
    'content-type': 'application/json',
    'x-http-version': req.httpVersion,
    'x-request-id': 'req_h2',
  });
  res.end(body);
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
