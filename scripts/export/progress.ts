export type Progress = ReturnType<typeof createProgress>

/** Progress lines on stderr; a live counter on a terminal, plain lines otherwise (CI, logs). */
export function createProgress(prefix = 'export') {
  const stream = process.stderr
  const t0 = Date.now()
  const stamp = () => `[${prefix} ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`
  let live = false
  const step = (msg: string) => {
    stream.write(`${live ? '\r\x1B[2K' : ''}${stamp()} ${msg}\n`)
    live = false
  }
  return {
    step,
    count(label: string, done: number, total: number) {
      if (stream.isTTY) {
        const filled = Math.round((done / Math.max(total, 1)) * 24)
        live = done < total
        stream.write(`\r\x1B[2K${stamp()}   ${label} ${'█'.repeat(filled)}${'░'.repeat(24 - filled)} ${done}/${total}${live ? '' : '\n'}`)
      }
      else if (done === total || done % 10 === 0) {
        stream.write(`${stamp()}   ${label} ${done}/${total}\n`)
      }
    },
  }
}
