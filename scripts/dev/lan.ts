/**
 * The laptop's LAN addresses, found locally (os.networkInterfaces), never by asking an outside
 * service: Slidev's own `--remote` looks the public IP up on the internet (the public-ip package),
 * which a talk on a closed conference network must not do.
 */
import type { NetworkInterfaceInfo } from 'node:os'
import { networkInterfaces } from 'node:os'

export interface LanAddress { name: string, address: string }

const VIRTUAL = /^(?:docker|br-|veth|virbr|vboxnet|vmnet|utun|tun|tap|zt|tailscale|wg)/i

function isPrivate(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number) as [number, number]
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
}

/** Non-loopback IPv4 addresses, best first: private ranges on physical-looking interfaces. */
export function lanAddresses(ifaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): LanAddress[] {
  const found: LanAddress[] = []
  for (const [name, infos] of Object.entries(ifaces)) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.'))
        found.push({ name, address: info.address })
    }
  }
  const rank = (a: LanAddress) => (VIRTUAL.test(a.name) ? 2 : 0) + (isPrivate(a.address) ? 0 : 1)
  return found.sort((x, y) => rank(x) - rank(y))
}
