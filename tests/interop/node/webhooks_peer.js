// Copyright workos-cpp authors. Handwritten.
// Interop peer for tests/interop/webhooks_node_interop_test.cc: runs one operation of the official Node SDK
// (@workos-inc/node) and prints the outcome as one JSON line.
//
//   node webhooks_peer.js <input.json>
//
// The input file holds {"op": "...", ...}. Network-backed vault calls (createDataKey,
// decryptDataKey) are replaced on the SDK instance by stubs that hand out the data key given in
// the input, so the SDK's own local encrypt/decrypt code runs unchanged and offline.
'use strict';

const fs = require('fs');
const { WorkOS } = require('@workos-inc/node');

async function run(input) {
  const workos = new WorkOS('sk_test_webhooks_interop');
  switch (input.op) {
    case 'webhook_sign': {
      const signature = await workos.webhooks.computeSignature(
          input.timestamp, input.payload, input.secret);
      return { header: `t=${input.timestamp}, v1=${signature}`, signature };
    }
    case 'webhook_verify': {
      try {
        const event = await workos.webhooks.constructEvent({
          payload: input.payload,
          sigHeader: input.sig_header,
          secret: input.secret,
          ...(input.tolerance_ms !== undefined && { tolerance: input.tolerance_ms }),
        });
        return { ok: true, event_id: event.id, event: event.event };
      } catch (e) {
        return { ok: false, error: e.name };
      }
    }
    case 'actions_verify': {
      try {
        const action = await workos.actions.constructAction({
          payload: input.payload,
          sigHeader: input.sig_header,
          secret: input.secret,
        });
        return { ok: true, id: action.id, object: action.object };
      } catch (e) {
        return { ok: false, error: e.name };
      }
    }
    case 'actions_sign': {
      // signResponse timestamps with Date.now(): pin it to the input's timestamp.
      const realNow = Date.now;
      Date.now = () => input.timestamp;
      try {
        const response = await workos.actions.signResponse(
            {
              type: input.type,
              verdict: input.verdict,
              ...(input.error_message !== undefined && { errorMessage: input.error_message }),
            },
            input.secret);
        return { json: JSON.stringify(response) };
      } finally {
        Date.now = realNow;
      }
    }
    case 'vault_encrypt': {
      let contextSeen = null;
      workos.vault.createDataKey = async ({ context }) => {
        contextSeen = context;
        return {
          context,
          dataKey: { key: input.data_key, id: 'dk_interop' },
          encryptedKeys: input.encrypted_keys,
        };
      };
      const encrypted = await workos.vault.encrypt(input.data, input.context || {},
                                                   input.associated_data);
      return { encrypted, context: contextSeen };
    }
    case 'vault_decrypt': {
      let keysSeen = null;
      workos.vault.decryptDataKey = async ({ keys }) => {
        keysSeen = keys;
        return { key: input.data_key, id: 'dk_interop' };
      };
      try {
        const data = await workos.vault.decrypt(input.encrypted, input.associated_data);
        return { ok: true, data, keys: keysSeen };
      } catch (e) {
        return { ok: false, error: e.name, keys: keysSeen };
      }
    }
    default:
      throw new Error(`unknown op ${input.op}`);
  }
}

run(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')))
    .then((out) => process.stdout.write(JSON.stringify(out) + '\n'))
    .catch((e) => {
      process.stderr.write(`webhooks_peer: ${e && e.stack ? e.stack : e}\n`);
      process.exit(2);
    });
