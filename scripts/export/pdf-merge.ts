/**
 * Joins tagged PDFs (one per batch of slides) into one: their structure trees under one /Document,
 * /StructParents and /StructParent renumbered into one parent tree (pdf-lib's copyPages drops the tags).
 */
import type { PDFContext, PDFObject } from 'pdf-lib'
import { pdfLib } from '../lib/cjs.ts'

const { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRef } = pdfLib()
type PDFDict = import('pdf-lib').PDFDict
type PDFRef = import('pdf-lib').PDFRef
type PDFPageLeaf = import('pdf-lib').PDFPageLeaf

/** pdf-lib's copier, with its (private) map of what it has copied, which is seeded below. */
interface Copier { copy: <T extends PDFObject>(o: T) => T, traversedObjects: Map<PDFObject, PDFObject> }

const deref = (ctx: PDFContext, v: PDFObject | undefined) => v instanceof PDFRef ? ctx.lookup(v) : v

/** The elements of an array (behind a reference or not), or the one object, or none. */
function items(ctx: PDFContext, v: PDFObject | undefined): PDFObject[] {
  const x = deref(ctx, v)
  return x instanceof PDFArray ? x.asArray() : v ? [v] : []
}

/** The [key, value] pairs of a number tree (the /ParentTree), its /Kids followed. */
function parentTreePairs(ctx: PDFContext, node: PDFDict | undefined, out: [number, PDFObject][] = []): [number, PDFObject][] {
  const nums = items(ctx, node?.get(PDFName.of('Nums')))
  for (let i = 0; i + 1 < nums.length; i += 2) {
    const k = deref(ctx, nums[i])
    if (k instanceof PDFNumber)
      out.push([k.asNumber(), nums[i + 1]!])
  }
  for (const kid of items(ctx, node?.get(PDFName.of('Kids'))))
    parentTreePairs(ctx, ctx.lookup(kid, PDFDict), out)
  return out
}

function shift(d: PDFDict, key: string, by: number): void {
  const n = d.get(PDFName.of(key))
  if (n instanceof PDFNumber)
    d.set(PDFName.of(key), PDFNumber.of(n.asNumber() + by))
}

export async function mergeTaggedPdfs(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const dst = await PDFDocument.create({ updateMetadata: false })
  const ctx = dst.context
  const rootRef = ctx.nextRef()
  const docElemRef = ctx.nextRef()
  const children: PDFObject[] = []
  const nums: PDFObject[] = []
  let offset = 0
  let roleMap: PDFObject | undefined
  let tagged = false
  for (const bytes of parts) {
    const src = await PDFDocument.load(bytes, { updateMetadata: false })
    const copier = PDFObjectCopier.for(src.context, ctx) as unknown as Copier
    const srcRootRef = src.catalog.get(PDFName.of('StructTreeRoot'))
    const srcRoot = src.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
    // Whatever points at the source's tree root points at ours.
    if (srcRootRef instanceof PDFRef)
      copier.traversedObjects.set(srcRootRef, rootRef)
    for (const page of src.getPages()) {
      const ref = copier.copy(page.ref) as PDFRef
      const leaf = ctx.lookup(ref) as PDFPageLeaf
      shift(leaf, 'StructParents', offset)
      for (const a of items(ctx, leaf.get(PDFName.of('Annots'))).map(a => ctx.lookup(a)))
        if (a instanceof PDFDict)
          shift(a, 'StructParent', offset)
      dst.addPage(PDFPage.of(leaf, ref, dst))
    }
    if (!srcRoot)
      continue
    tagged = true
    roleMap ??= srcRoot.get(PDFName.of('RoleMap')) ? copier.copy(srcRoot.get(PDFName.of('RoleMap'))!) : undefined
    // The source's top elements; a /Document element is unwrapped so that one /Document holds all.
    for (const top of items(src.context, srcRoot.get(PDFName.of('K')))) {
      const el = deref(src.context, top)
      const isDocument = el instanceof PDFDict && String(el.get(PDFName.of('S'))) === '/Document'
      if (isDocument && top instanceof PDFRef)
        copier.traversedObjects.set(top, docElemRef) // children's /P → our /Document
      for (const kid of isDocument ? items(src.context, el.get(PDFName.of('K'))) : [top]) {
        const copied = copier.copy(kid)
        const dict = deref(ctx, copied)
        if (dict instanceof PDFDict && !isDocument)
          dict.set(PDFName.of('P'), docElemRef)
        children.push(copied)
      }
    }
    const pairs = parentTreePairs(src.context, srcRoot.lookupMaybe(PDFName.of('ParentTree'), PDFDict))
    for (const [key, value] of pairs)
      nums.push(PDFNumber.of(key + offset), copier.copy(value))
    offset += Math.max(srcRoot.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0, ...pairs.map(([key]) => key + 1))
  }
  if (tagged) {
    ctx.assign(docElemRef, ctx.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: ctx.obj(children) }))
    const root = ctx.obj({ Type: 'StructTreeRoot', K: docElemRef, ParentTree: ctx.register(ctx.obj({ Nums: ctx.obj(nums) })), ParentTreeNextKey: offset }) as PDFDict
    if (roleMap)
      root.set(PDFName.of('RoleMap'), roleMap)
    ctx.assign(rootRef, root)
    dst.catalog.set(PDFName.of('StructTreeRoot'), rootRef)
    dst.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }))
  }
  return dst.save()
}
