import { mkdirSync, writeFileSync } from 'node:fs'
import { formatBytes } from '../export/sizes.ts'
import { median, table } from '../export/stats.ts'
import type { DeckFigures } from './measure.ts'

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const perSlide = (ms: number, slides: number) => `${s(ms)}, ${(ms / slides / 1000).toFixed(2)} s/slide`

/** Prints the medians against the targets of issue #10 and writes them with the samples to bench/results/latest.json. */
export function report(machine: string, [talk, ref]: readonly [DeckFigures, DeckFigures], scale?: { slides: number, cold: number, warm: number }): void {
  const rows = [['figure (median)', `talk (${talk.slides} slides)`, `reference (${ref.slides})`, 'target (talk)']]
  const row = (label: string, cell: (d: DeckFigures) => string, target = '') => rows.push([label, cell(talk), cell(ref), target])
  row('build (site)', d => s(median(d.build)), '≤ 15 s')
  row('PDF export, cold (lint + build + render)', d => perSlide(median(d.cold), d.slides), '≤ 0.50 s/slide')
  row('PDF re-export, warm (build reused)', d => perSlide(median(d.warm), d.slides), '≤ 6 s')
  row('first slide painted (built site, loopback)', d => `${Math.round(median(d.paint))} ms`, '≤ 1500 ms')
  if (talk.dev.length)
    row('dev server to first slide', d => s(median(d.dev)))
  row('JS gzip shipped in all (raw)', d => `${formatBytes(d.js!.shipped.gzip)} (${formatBytes(d.js!.shipped.raw)})`, '≤ 1.5 MB')
  row('JS gzip loaded: every slide / first slide', d => `${formatBytes(d.js!.loaded.gzip)} / ${formatBytes(d.js!.first.gzip)}`)
  const talkPerSlide = (samples: number[]) => median(samples) / talk.slides
  rows.push(['cold per slide, talk ÷ reference', (talkPerSlide(talk.cold) / (median(ref.cold) / ref.slides)).toFixed(2), '', '≤ 0.50'])
  if (scale) {
    const vsTalk = (ms: number, samples: number[]) => (ms / scale.slides / talkPerSlide(samples)).toFixed(2)
    rows.push([`${scale.slides}-slide deck: cold / warm`, `${perSlide(scale.cold, scale.slides)} / ${perSlide(scale.warm, scale.slides)}`, '', ''])
    rows.push([`${scale.slides}-slide deck per slide ÷ talk's: cold / warm`, `${vsTalk(scale.cold, talk.cold)} / ${vsTalk(scale.warm, talk.warm)}`, '', '≤ 1.50'])
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/latest.json', `${JSON.stringify({ date: new Date().toISOString(), machine, decks: [talk, ref], scale }, null, 2)}\n`)
  console.log(`\nMachine: ${machine}\nMedian of ${talk.build.length} run(s):\n\n${table(rows)}\n\nWritten: bench/results/latest.json`)
}
