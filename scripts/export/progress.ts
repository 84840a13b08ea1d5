/** Progress lines on stderr; a live counter on a terminal, plain lines otherwise (CI, logs). */
export interface Progress {
  step: (msg: string) => void
  count: (label: string, done: number, total: number) => void
  done: (msg: string) => void
}

export function createProgress(prefix = 'export', stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  const tty = Boolean(stream.isTTY)
  const t0 = Date.now()
  const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s`
  let live = false
  const clear = () => {
    if (live)
      stream.write('\r\x1B[2K')
    live = false
  }
  return {
    step(msg) {
      if (quiet)
        return
      clear()
      stream.write(`[${prefix} ${stamp()}] ${msg}\n`)
    },
    count(label, done, total) {
      if (quiet)
        return
      if (tty) {
        const width = 24
        const filled = Math.round((done / Math.max(total, 1)) * width)
        stream.write(`\r\x1B[2K[${prefix} ${stamp()}]   ${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total}`)
        live = done < total
        if (!live)
          stream.write('\n')
      }
      else if (done === total || done % 10 === 0) {
        stream.write(`[${prefix} ${stamp()}]   ${label} ${done}/${total}\n`)
      }
    },
    done(msg) {
      if (quiet)
        return
      clear()
      stream.write(`[${prefix} ${stamp()}] ${msg}\n`)
    },
  }
}
