/**
 * What makes the exported PDFs navigable and readable by assistive technology, beyond Chromium's
 * tagged output: the document language, the title shown in the viewer's title bar, and bookmarks
 * built from the deck model (a chapter is the `src:` page file a slide comes from, named by its
 * chapter divider's title; the slides of that file are its children).
 */
import { relative } from 'node:path'
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, type PDFRef, PDFString } from 'pdf-lib'
import { type Deck, type DeckSlide, heading } from '../lib/deck.ts'
import { stripInlineMarkdown } from '../verify/pdf.ts'

export interface OutlineNode {
  title: string
  /** 0-based page index the bookmark opens. */
  page: number
  children?: OutlineNode[]
}

/** The deck's language: headmatter `htmlAttrs.lang`, else `lang`, else Slidev's default ("en"). */
export function deckLang(headmatter: Record<string, unknown>): string {
  const lang = [(headmatter.htmlAttrs as { lang?: unknown } | undefined)?.lang, headmatter.lang].find(v => typeof v === 'string' && v.trim())
  return typeof lang === 'string' ? lang.trim() : 'en'
}

/** A slide's title as a bookmark: its `# ` heading (markdown stripped), else Slidev's title, else "Slide N". */
export function slideLabel(s: Pick<DeckSlide, 'no' | 'title' | 'body' | 'contentLine'>): string {
  const t = stripInlineMarkdown(heading(s)?.text ?? s.title ?? '').replace(/\s+/g, ' ').trim()
  return t || `Slide ${s.no}`
}

/**
 * Bookmarks from the deck model. Slides written in the entry file itself (cover, map) are
 * top-level entries; each run of slides from one imported page file is a chapter, titled by its
 * divider (`layout: chapter`, "4. Title") or else its first slide's title, with one child per
 * slide. `firstPage[i]` is the 0-based page where slide i+1 begins (pages differ from slides in
 * the clicks PDF and the handout).
 */
export function deckOutline(deck: Pick<Deck, 'root' | 'entry' | 'slides'>, firstPage: readonly number[]): OutlineNode[] {
  const entryFile = relative(deck.root, deck.entry)
  const nodes: OutlineNode[] = []
  let group: { file: string, node: OutlineNode } | undefined
  deck.slides.forEach((s, i) => {
    const page = firstPage[i] ?? 0
    const label = slideLabel(s)
    if (s.file === entryFile || relative(deck.root, s.file) === entryFile) {
      group = undefined
      nodes.push({ title: label, page })
      return
    }
    if (!group || group.file !== s.file) {
      group = { file: s.file, node: { title: label, page, children: [] } }
      nodes.push(group.node)
    }
    if (s.frontmatter.layout === 'chapter' && group.node.children!.length === 0) {
      const n = s.frontmatter.chapter
      group.node.title = n !== undefined && n !== null && String(n).trim() ? `${String(n).trim()}. ${label}` : label
    }
    group.node.children!.push({ title: label, page })
  })
  return nodes
}

/** Replaces the document's bookmarks with `nodes` (chapters closed, so the panel lists the chapters). */
export function writeOutline(doc: PDFDocument, nodes: OutlineNode[]): void {
  const ctx = doc.context
  const pages = doc.getPages()
  const rootRef = ctx.nextRef()
  const level = (items: OutlineNode[], parent: PDFRef): { first: PDFRef, last: PDFRef } => {
    const refs = items.map(() => ctx.nextRef())
    items.forEach((it, i) => {
      const page = pages[Math.min(Math.max(it.page, 0), pages.length - 1)]!
      const dict = ctx.obj({ Title: PDFHexString.fromText(it.title), Parent: parent, Dest: [page.ref, 'Fit'] }) as PDFDict
      if (i > 0)
        dict.set(PDFName.of('Prev'), refs[i - 1]!)
      if (i < items.length - 1)
        dict.set(PDFName.of('Next'), refs[i + 1]!)
      if (it.children?.length) {
        const sub = level(it.children, refs[i]!)
        dict.set(PDFName.of('First'), sub.first)
        dict.set(PDFName.of('Last'), sub.last)
        dict.set(PDFName.of('Count'), PDFNumber.of(-it.children.length))
      }
      ctx.assign(refs[i]!, dict)
    })
    return { first: refs[0]!, last: refs[refs.length - 1]! }
  }
  if (nodes.length === 0) {
    doc.catalog.delete(PDFName.of('Outlines'))
    return
  }
  const root = ctx.obj({ Type: 'Outlines' }) as PDFDict
  const { first, last } = level(nodes, rootRef)
  root.set(PDFName.of('First'), first)
  root.set(PDFName.of('Last'), last)
  root.set(PDFName.of('Count'), PDFNumber.of(nodes.length))
  ctx.assign(rootRef, root)
  doc.catalog.set(PDFName.of('Outlines'), rootRef)
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

/** The text of a PDF string object (undefined for anything else). */
const text = (v: unknown) => v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined

/** Reads the bookmarks back: [{ title, page (0-based, -1 when it opens none), children }]. */
export function readOutline(doc: PDFDocument): OutlineNode[] {
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]))
  const walk = (item: PDFObject | undefined, depth: number): OutlineNode[] => {
    const out: OutlineNode[] = []
    for (let guard = 0; item && guard < 100_000 && depth < 16; guard++) {
      const dict = doc.context.lookup(item, PDFDict)
      const dest = dict.lookup(PDFName.of('Dest')) ?? dict.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('D'))
      const kids = dict.get(PDFName.of('First'))
      out.push({
        title: text(dict.lookup(PDFName.of('Title'))) ?? '',
        page: dest instanceof PDFArray ? pageIndex.get(String(dest.get(0))) ?? -1 : -1,
        ...(kids ? { children: walk(kids, depth + 1) } : {}),
      })
      item = dict.get(PDFName.of('Next'))
    }
    return out
  }
  return walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.get(PDFName.of('First')), 0)
}

/** External link targets on each page (0-based index → URIs). */
export function linkUris(doc: PDFDocument): string[][] {
  return doc.getPages().map(p => (p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [])
    .map(a => doc.context.lookup(a, PDFDict))
    .filter(a => String(a.lookup(PDFName.of('Subtype'))) === '/Link')
    .flatMap(a => text(a.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'))) ?? []))
}

/** The document language from the catalog (undefined when unset). */
export function readLang(doc: PDFDocument): string | undefined {
  return text(doc.catalog.lookup(PDFName.of('Lang')))
}

/**
 * Compares bookmarks read from a PDF with the ones the deck model asks for. Returns one line per
 * difference ("bookmarks: …"), or [] when they match (titles compared without markup or spacing).
 */
export function compareOutline(actual: OutlineNode[], expected: OutlineNode[], describe: (n: OutlineNode) => string = n => `"${n.title}"`): string[] {
  const squash = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  if (expected.length && !actual.length)
    return [`bookmarks: the PDF has none; expected ${expected.length} top-level entries (${expected.filter(n => n.children?.length).length} chapters with their slides beneath)`]
  const problems: string[] = []
  const level = (a: OutlineNode[], e: OutlineNode[], path: string) => {
    for (let i = 0; i < Math.max(a.length, e.length); i++) {
      const x = a[i]
      const y = e[i]
      if (!x) {
        problems.push(`bookmarks: missing ${describe(y!)}${path} (page ${y!.page + 1})`)
        continue
      }
      if (!y) {
        problems.push(`bookmarks: unexpected entry "${x.title}"${path}`)
        continue
      }
      if (squash(x.title) !== squash(y.title)) {
        problems.push(`bookmarks: entry ${i + 1}${path} is "${x.title}", expected ${describe(y)}`)
        continue
      }
      if (x.page !== y.page)
        problems.push(`bookmarks: "${x.title}"${path} opens page ${x.page + 1}, expected page ${y.page + 1}`)
      const kids = y.children ?? []
      if (kids.length && !(x.children?.length))
        problems.push(`bookmarks: ${describe(y)} has no slides beneath it (expected ${kids.length})`)
      else if (kids.length || x.children?.length)
        level(x.children ?? [], kids, ` under "${y.title}"`)
    }
  }
  level(actual, expected, '')
  return problems.slice(0, 20)
}

/** Text allowed before a slide's title in reading order: a short label such as "Chapter 4 of 7". */
export const MAX_TEXT_BEFORE_TITLE = 16

/**
 * Reading order of one page (pdftotext's text of it): the title must come first, before the body.
 * Returns why not, or undefined. Only a short label (at most MAX_TEXT_BEFORE_TITLE letters and
 * digits, e.g. "Chapter 4 of 7") may precede it.
 */
export function readingOrderProblem(pageText: string, title: string): string | undefined {
  const squash = (s: string) => s.normalize('NFKC').replace(/\u00AD/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  const t = squash(stripInlineMarkdown(title))
  if (!t)
    return undefined
  const text = squash(pageText)
  const at = text.indexOf(t)
  if (at < 0)
    return `the title "${title}" is not in the page's text`
  if (at > MAX_TEXT_BEFORE_TITLE) {
    const before = pageText.replace(/\s+/g, ' ').trim().slice(0, 60)
    return `the text reads "${before}…" before the title "${title}" (a screen reader reads the body first)`
  }
  return undefined
}
