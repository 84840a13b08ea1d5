import { networkInterfaces } from 'node:os'

const VIRTUAL = /^(?:docker|br-|veth|virbr|vboxnet|vmnet|utun|tun|tap|zt|tailscale|wg)/i
const PRIVATE = /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/

/**
 * The laptop's non-loopback IPv4 addresses, best first (private ranges on physical-looking
 * interfaces), found locally: Slidev's own `--remote` asks an outside service for the public IP,
 * which a talk on a closed conference network must not do.
 */
export function lanAddresses(ifaces = networkInterfaces()): { name: string, address: string }[] {
  const rank = (a: { name: string, address: string }) => (VIRTUAL.test(a.name) ? 2 : 0) + (PRIVATE.test(a.address) ? 0 : 1)
  return Object.entries(ifaces)
    .flatMap(([name, infos]) => (infos ?? []).filter(i => i.family === 'IPv4' && !i.internal && !i.address.startsWith('169.254.')).map(i => ({ name, address: i.address })))
    .sort((a, b) => rank(a) - rank(b))
}
