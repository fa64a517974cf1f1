// Checks a WACZ signature (WACZ Signing and Verification, anonymous profile) with node's WebCrypto, an ECDSA
// implementation that is not the one that signed: the hash must be the sha256 of datapackage.json, and the
// signature (r||s, base64) must verify over the hash string with the public key (DER SubjectPublicKeyInfo, base64).
// Prints {"hashMatches", "signatureValid", "tamperedValid"}; tamperedValid checks another hash string against the
// same signature, which must fail. Usage: node verify-wacz-signature.mjs DATAPACKAGE.json DATAPACKAGE-DIGEST.json
import { readFileSync } from "node:fs";
import { createHash, webcrypto } from "node:crypto";

const [datapackageFile, digestFile] = process.argv.slice(2);
if (!datapackageFile || !digestFile) {
  console.error("usage: node verify-wacz-signature.mjs DATAPACKAGE.json DATAPACKAGE-DIGEST.json");
  process.exit(2);
}

const datapackage = readFileSync(datapackageFile);
const digest = JSON.parse(readFileSync(digestFile, "utf8"));
const signed = digest.signedData;
const hash = "sha256:" + createHash("sha256").update(datapackage).digest("hex");

const key = await webcrypto.subtle.importKey("spki", Buffer.from(signed.publicKey, "base64"),
  { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
const algorithm = { name: "ECDSA", hash: "SHA-256" };
const signature = Buffer.from(signed.signature, "base64");
const signatureValid = await webcrypto.subtle.verify(algorithm, key, signature, new TextEncoder().encode(signed.hash));
const tamperedValid = await webcrypto.subtle.verify(algorithm, key, signature,
  new TextEncoder().encode(signed.hash.replace(/.$/, c => (c === "0" ? "1" : "0"))));

console.log(JSON.stringify({
  hashMatches: hash === digest.hash && hash === signed.hash,
  signatureValid,
  tamperedValid,
}));
