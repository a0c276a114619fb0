// Documents fetched by URL for POST /v1/diff under --allow-fetch, guarded against server-side
// request forgery: http(s) only; every address a name resolves to must be public (no loopback,
// private, link-local, CGNAT, multicast or reserved range) unless an operator allowed its range;
// the connection goes to the address that was checked (no second lookup to rebind); each
// redirect is checked again; the body is bounded in bytes and the whole fetch in time.

import { lookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP } from "node:net";
import { HttpProblem } from "./problem.js";

/** What a fetch may reach and how much it may take. */
export interface FetchPolicy {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** Ranges (CIDR) that are refused by default but allowed here, e.g. an intranet's `10.1.0.0/16`. */
  readonly allow: readonly string[];
}

const MAX_REDIRECTS = 5;

/** Ranges no fetch may reach: special-purpose address blocks (RFC 6890 and its updates). */
const REFUSED: readonly (readonly [string, number, "ipv4" | "ipv6"])[] = [
  ["0.0.0.0", 8, "ipv4"],
  ["10.0.0.0", 8, "ipv4"],
  ["100.64.0.0", 10, "ipv4"],
  ["127.0.0.0", 8, "ipv4"],
  ["169.254.0.0", 16, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.0.0.0", 24, "ipv4"],
  ["192.0.2.0", 24, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  ["198.18.0.0", 15, "ipv4"],
  ["198.51.100.0", 24, "ipv4"],
  ["203.0.113.0", 24, "ipv4"],
  ["224.0.0.0", 3, "ipv4"],
  ["::", 128, "ipv6"],
  ["::1", 128, "ipv6"],
  ["64:ff9b::", 96, "ipv6"],
  ["100::", 64, "ipv6"],
  ["2001:db8::", 32, "ipv6"],
  ["fc00::", 7, "ipv6"],
  ["fe80::", 10, "ipv6"],
  ["ff00::", 8, "ipv6"],
];

const refused = new BlockList();
for (const [network, prefix, family] of REFUSED) refused.addSubnet(network, prefix, family);

/**
 * Whether `address` (an IP literal) may be fetched from under `allow` (CIDR ranges).
 * An IPv4-mapped IPv6 address is judged as the IPv4 address it maps.
 *
 * @example isAllowedAddress("169.254.169.254", []) // false
 * @example isAllowedAddress("127.0.0.1", ["127.0.0.0/8"]) // true
 */
export function isAllowedAddress(address: string, allow: readonly string[]): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  const allowed = new BlockList();
  for (const range of allow) {
    const [network, prefix] = range.split("/");
    allowed.addSubnet(network!, Number(prefix), isIP(network!) === 6 ? "ipv6" : "ipv4");
  }
  return allowed.check(ip, family) || !refused.check(ip, family);
}

/**
 * The body of `url`, following up to five redirects, each target checked as the first;
 * throws an {@link HttpProblem}: 400 for a URL that is not http(s), 422 for a refused address,
 * 413 past the size limit, 502 when the fetch fails or answers other than 200, 504 past the time.
 *
 * @example await fetchDocument("https://example.org/", policy) // <Buffer 3c 21 64 6f …>
 */
export async function fetchDocument(url: string, policy: FetchPolicy): Promise<Buffer> {
  const deadline = AbortSignal.timeout(policy.timeoutMs);
  let target = parseTarget(url);
  for (let redirects = 0; ; redirects++) {
    const address = await checkedAddress(target, policy);
    const response = await get(target, address, deadline);
    const location = response.headers.location;
    if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && location) {
      response.resume();
      if (redirects === MAX_REDIRECTS) throw new HttpProblem(502, `${url}: more than ${MAX_REDIRECTS} redirects`);
      target = parseTarget(new URL(location, target).href);
      continue;
    }
    if (response.statusCode !== 200) {
      response.resume();
      throw new HttpProblem(502, `${target.href} answered ${response.statusCode}`);
    }
    return readLimited(response, policy.maxBytes, target.href, deadline);
  }
}

function parseTarget(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new HttpProblem(400, `not a URL: ${url}`);
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") throw new HttpProblem(400, `only http and https URLs are fetched, not ${target.protocol}`);
  return target;
}

/** The address to connect to: the first one the host resolves to, after checking them all. */
async function checkedAddress(target: URL, policy: FetchPolicy): Promise<{ address: string; family: number }> {
  const host = target.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch {
    throw new HttpProblem(502, `${target.hostname}: the name does not resolve`);
  }
  const bad = addresses.find(({ address }) => !isAllowedAddress(address, policy.allow));
  if (bad || !addresses.length) throw new HttpProblem(422, `refusing to fetch ${target.href}: ${target.hostname} is ${bad?.address ?? "nowhere"}, a loopback, private, link-local or reserved address`);
  return addresses[0]!;
}

function get(target: URL, resolved: { address: string; family: number }, signal: AbortSignal): Promise<IncomingMessage> {
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(target, {
      signal,
      // The connection goes to the address checked above, never to a second answer of the resolver.
      lookup: (_host, options, callback) => {
        if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [resolved]);
        else (callback as (e: null, a: string, f: number) => void)(null, resolved.address, resolved.family);
      },
      headers: { Accept: "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.1", "User-Agent": "htmldiff-serve" },
    });
    req.on("response", resolve);
    req.on("error", (error) => reject(signal.aborted ? new HttpProblem(504, `${target.href}: the fetch ran past its time limit`) : new HttpProblem(502, `${target.href}: ${error.message}`)));
    req.end();
  });
}

async function readLimited(response: IncomingMessage, maxBytes: number, href: string, signal: AbortSignal): Promise<Buffer> {
  if (Number(response.headers["content-length"] ?? 0) > maxBytes) {
    response.destroy();
    throw new HttpProblem(413, `${href} is over the limit of ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > maxBytes) {
        response.destroy();
        throw new HttpProblem(413, `${href} is over the limit of ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw signal.aborted ? new HttpProblem(504, `${href}: the fetch ran past its time limit`) : new HttpProblem(502, `${href}: ${(error as Error).message}`);
  }
  return Buffer.concat(chunks, length);
}
