/** npm run verify:pdf -- <file.pdf>: checks it against its manifest (verify/pdf.ts); exits 1 on a problem, 2 without a manifest. */
import process from 'node:process'
import { parseArgs } from 'node:util'
import { usage, UsageError } from './lib/args.ts'
import { verifyPdf } from './verify/pdf.ts'

const USAGE = 'usage: npm run verify:pdf -- <file.pdf>   (reads <file.pdf>.json, written by npm run export)'

async function main(): Promise<number> {
  const { positionals } = usage(() => parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: {} }))
  if (positionals.length !== 1)
    throw new UsageError(positionals.length ? `one PDF at a time, got ${positionals.join(', ')}` : 'name the PDF to check')
  const { problems, summary } = await verifyPdf(positionals[0]!)
  for (const p of problems)
    console.log(p)
  console.log(`verify:pdf: ${positionals[0]}: ${summary}, ${problems.length} problem${problems.length === 1 ? '' : 's'}`)
  return problems.length ? 1 : 0
}

main().then(code => process.exit(code), (err: unknown) => {
  console.error(err instanceof UsageError ? `${err.message}\n${USAGE}` : `verify:pdf failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(2)
})
