/**
 * Joins tagged PDFs (Chromium's, one per batch of slides) into one tagged PDF: pages in order, and
 * their structure trees joined under one /Document element, with each page's /StructParents and
 * each annotation's /StructParent renumbered into one parent tree. pdf-lib's copyPages alone
 * would drop the structure (the file would no longer be "Tagged: yes").
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRef } from 'pdf-lib'

/** pdf-lib's copier, with its (private) map of what it has copied, which is seeded below. */
interface Copier { copy: <T extends PDFObject>(o: T) => T, traversedObjects: Map<PDFObject, PDFObject> }

function parentTreePairs(src: PDFDocument, node: PDFDict | undefined, out: [number, PDFObject][] = []): [number, PDFObject][] {
  if (!node)
    return out
  const nums = node.lookup(PDFName.of('Nums'))
  if (nums instanceof PDFArray) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const k = nums.lookup(i)
      if (k instanceof PDFNumber)
        out.push([k.asNumber(), nums.get(i + 1)])
    }
  }
  const kids = node.lookup(PDFName.of('Kids'))
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i++)
      parentTreePairs(src, kids.lookup(i, PDFDict), out)
  }
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
      const annots = leaf.lookup(PDFName.of('Annots'))
      if (annots instanceof PDFArray) {
        for (let i = 0; i < annots.size(); i++) {
          const a = annots.lookup(i)
          if (a instanceof PDFDict)
            shift(a, 'StructParent', offset)
        }
      }
      dst.addPage(PDFPage.of(leaf, ref, dst))
    }
    if (!srcRoot)
      continue
    tagged = true
    roleMap ??= srcRoot.get(PDFName.of('RoleMap')) ? copier.copy(srcRoot.get(PDFName.of('RoleMap'))!) : undefined
    // The source's top elements; a /Document element is unwrapped so that one /Document holds all.
    const k = srcRoot.get(PDFName.of('K'))
    const tops: PDFObject[] = []
    const kv = k instanceof PDFRef ? src.context.lookup(k) : k
    if (kv instanceof PDFArray) {
      for (let i = 0; i < kv.size(); i++) tops.push(kv.get(i))
    }
    else if (k) {
      tops.push(k)
    }
    for (const top of tops) {
      const el = top instanceof PDFRef ? src.context.lookup(top) : top
      const isDocument = el instanceof PDFDict && String(el.get(PDFName.of('S'))) === '/Document'
      const kids = isDocument ? el.get(PDFName.of('K')) : undefined
      const kidList: PDFObject[] = []
      if (isDocument) {
        const kl = kids instanceof PDFRef ? src.context.lookup(kids) : kids
        if (kl instanceof PDFArray) {
          for (let i = 0; i < kl.size(); i++) kidList.push(kl.get(i))
        }
        else if (kids) {
          kidList.push(kids)
        }
        if (top instanceof PDFRef)
          copier.traversedObjects.set(top, docElemRef) // children's /P → our /Document
      }
      else {
        kidList.push(top)
      }
      for (const kid of kidList) {
        const copied = copier.copy(kid)
        const dict = copied instanceof PDFRef ? ctx.lookup(copied) : copied
        if (dict instanceof PDFDict && !isDocument)
          dict.set(PDFName.of('P'), docElemRef)
        children.push(copied)
      }
    }
    const pairs = parentTreePairs(src, srcRoot.lookupMaybe(PDFName.of('ParentTree'), PDFDict))
    for (const [key, value] of pairs) {
      nums.push(PDFNumber.of(key + offset))
      nums.push(copier.copy(value))
    }
    const next = srcRoot.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber()
      ?? pairs.reduce((m, [key]) => Math.max(m, key + 1), 0)
    offset += Math.max(next, pairs.reduce((m, [key]) => Math.max(m, key + 1), 0))
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
