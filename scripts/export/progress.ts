/** Progress lines on stderr; a live counter on a terminal, plain lines otherwise (CI, logs). */
export interface Progress {
  step: (msg: string) => void
  count: (label: string, done: number, total: number) => void
  done: (msg: string) => void
}

export function createProgress(prefix = 'export'): Progress {
  const stream = process.stderr
  const t0 = Date.now()
  const stamp = () => `[${prefix} ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`
  let live = false
  const line = (msg: string) => {
    stream.write(`${live ? '\r\x1B[2K' : ''}${stamp()} ${msg}\n`)
    live = false
  }
  return {
    step: line,
    done: line,
    count(label, done, total) {
      if (stream.isTTY) {
        const filled = Math.round((done / Math.max(total, 1)) * 24)
        stream.write(`\r\x1B[2K${stamp()}   ${label} ${'█'.repeat(filled)}${'░'.repeat(24 - filled)} ${done}/${total}`)
        live = done < total
        if (!live)
          stream.write('\n')
      }
      else if (done === total || done % 10 === 0) {
        stream.write(`${stamp()}   ${label} ${done}/${total}\n`)
      }
    },
  }
}
