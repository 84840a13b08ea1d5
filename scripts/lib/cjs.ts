/**
 * Two CommonJS packages, loaded with require(): an ESM `import` of them makes Node scan every
 * file they re-export for named exports (perf stat: 3.2 G instructions to import playwright-core,
 * 1.8 G to require it; pdf-lib 0.87 G and 0.51 G), about half a second of each command's start.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export const playwright = (): typeof import('playwright-core') => require('playwright-core')
export const pdfLib = (): typeof import('pdf-lib') => require('pdf-lib')
