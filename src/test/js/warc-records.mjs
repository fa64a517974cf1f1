// Prints every record of a WARC file (plain or gzip) as warcio.js reads it: one JSON object per line with the
// record's type, target URI, record id, HTTP status, offset and length as warcio's parser reports them, the
// digests the record declares, and the digests recomputed here over the block and the payload (sha1, base32,
// as WARC-Block-Digest and WARC-Payload-Digest are written). Used by the Java tests to check that a reader
// other than jwarc parses warctrail's WARCs. Usage: node warc-records.mjs FILE
import { createReadStream } from "node:fs";
import { createHash } from "node:crypto";
import { WARCParser } from "warcio";

const file = process.argv[2];
if (!file) {
  console.error("usage: node warc-records.mjs FILE");
  process.exit(2);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function sha1Base32(bytes) {
  const digest = createHash("sha1").update(bytes).digest();
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return "sha1:" + out;
}

// The payload of an application/http block: what follows the header section's blank line.
function httpPayload(block) {
  for (let i = 0; i + 3 < block.length; i++) {
    if (block[i] === 13 && block[i + 1] === 10 && block[i + 2] === 13 && block[i + 3] === 10) {
      return block.subarray(i + 4);
    }
  }
  return null;
}

async function main() {
  // First pass as replay tools read: HTTP headers parsed.
  const parsed = [];
  const parser = new WARCParser(createReadStream(file), { parseHttp: true });
  for await (const record of parser) {
    await record.skipFully();
    parsed.push({
      type: record.warcType,
      targetUri: record.warcTargetURI ?? null,
      recordId: record.warcHeader("WARC-Record-ID") ?? null,
      concurrentTo: record.warcConcurrentTo ?? [],
      refersToTargetUri: record.warcRefersToTargetURI ?? null,
      status: record.httpHeaders ? Number(record.httpHeaders.statusCode) || null : null,
      offset: parser.offset,
      length: parser.recordLength,
      declaredBlockDigest: record.warcBlockDigest ?? null,
      declaredPayloadDigest: record.warcPayloadDigest ?? null,
    });
  }
  // Second pass over the raw blocks, to recompute the digests.
  let i = 0;
  for await (const record of WARCParser.iterRecords(createReadStream(file), { parseHttp: false })) {
    const block = await record.readFully(false);
    const entry = parsed[i++];
    if (!entry) throw new Error(`${file}: second pass found more records than the first`);
    entry.blockDigest = sha1Base32(block);
    const isHttp = (record.warcContentType || "").toLowerCase().startsWith("application/http");
    const payload = isHttp ? httpPayload(block) : block;
    entry.payloadDigest = payload ? sha1Base32(payload) : null;
    entry.payloadLength = payload ? payload.length : null;
  }
  if (i !== parsed.length) throw new Error(`${file}: second pass found ${i} records, first ${parsed.length}`);
  for (const entry of parsed) process.stdout.write(JSON.stringify(entry) + "\n");
}

main().catch((e) => {
  console.error(`${file}: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
