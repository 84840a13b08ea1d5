import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageDir } from './blockers.ts'

const cache = new Map<string, Set<string> | undefined>()

/**
 * Icon names (aliases included) of the Iconify collection `prefix`, found where unplugin-icons
 * (Slidev's icon resolver) finds it: @iconify-json/<prefix>, else the full @iconify/json, from the
 * deck's folder up, then from Slidev's own install. Undefined when the collection is not installed.
 */
export function iconNames(root: string, prefix: string): Set<string> | undefined {
  const key = `${root}\0${prefix}`
  if (!cache.has(key)) {
    const one = packageDir(`@iconify-json/${prefix}`, root)
    const all = packageDir('@iconify/json', root)
    const file = [one && join(one, 'icons.json'), all && join(all, 'json', `${prefix}.json`)].find(f => f && existsSync(f))
    const json = file ? JSON.parse(readFileSync(file, 'utf8')) as { icons?: object, aliases?: object } : undefined
    cache.set(key, json && new Set([...Object.keys(json.icons ?? {}), ...Object.keys(json.aliases ?? {})]))
  }
  return cache.get(key)
}
