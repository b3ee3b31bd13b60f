// Debian's Chromium, which the tests drive: installed by apt when missing
// and running as root (CI), else a clear message. Nothing is downloaded from
// outside the package registries (no `playwright install`). Chinese fonts
// come with it, so screenshots show text, not boxes.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const chromiumPath = process.env.JICENG_CHROMIUM ?? '/usr/bin/chromium'

function hasChineseFont() {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== ''
  } catch {
    return false
  }
}

export function ensureChromium() {
  const missing = []
  if (!existsSync(chromiumPath)) missing.push('chromium')
  if (!hasChineseFont()) missing.push('fonts-noto-cjk')
  if (missing.length === 0) return
  const root = process.getuid?.() === 0
  if (!root) {
    if (missing.includes('chromium')) {
      console.error(`e2e: ${chromiumPath} is missing. Install Debian's Chromium (sudo apt-get install -y chromium fonts-noto-cjk) or set JICENG_CHROMIUM.`)
      process.exit(1)
    }
    console.warn('e2e: no Chinese font (fonts-noto-cjk); screenshots will show boxes for Chinese text.')
    return
  }
  console.log(`e2e: installing ${missing.join(' ')} with apt-get…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env })
}
