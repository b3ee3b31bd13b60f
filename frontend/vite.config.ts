// Builds the dashboard into dist/, which the Go binary embeds (embed.go).
// dist/placeholder.html is committed so that `go build` works without Node:
// the build must not empty dist/, so cleanDist removes only what a build
// writes. Two pages: the app (index.html) and an offline GraphiQL
// (graphiql.html), which shares no code with the app.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig, type Plugin } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))
const dist = `${root}dist`

function cleanDist(): Plugin {
  return {
    name: 'jiceng-clean-dist',
    apply: 'build',
    buildStart() {
      for (const name of ['assets', ...['index.html', 'graphiql.html'].flatMap((page) => [page, `${page}.br`, `${page}.gz`])]) {
        rmSync(`${dist}/${name}`, { recursive: true, force: true })
      }
    },
  }
}

/**
 * fontFiles moves the fonts a stylesheet embeds as data: URIs (GraphiQL's
 * do) into files of their own under assets/: the server's
 * Content-Security-Policy loads fonts from the site itself only, and a
 * browser then fetches only the fonts a page uses.
 */
function fontFiles(): Plugin {
  const embedded = /url\((["']?)data:font\/(woff2?|ttf|otf);base64,([A-Za-z0-9+/=]+)\1\)/g
  return {
    name: 'jiceng-font-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue
        const css = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source)
        if (!css.includes('data:font/')) continue
        file.source = css.replace(embedded, (_match, _quote, ext: string, data: string) => {
          const ref = this.emitFile({ type: 'asset', name: `font.${ext}`, source: Buffer.from(data, 'base64') })
          return `url(/${this.getFileName(ref)})`
        })
      }
    },
  }
}

/**
 * precompress writes a brotli (.br) and a gzip (.gz) copy beside every text
 * file of the build over 1 KiB, which the server sends to browsers that
 * accept them (embed.go): compressed once at build, at the highest levels,
 * instead of at every request.
 */
function precompress(): Plugin {
  const text = /\.(js|mjs|css|html|svg|json|txt|map|ttf|otf)$/
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = `${dir}/${name}`
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
  return {
    name: 'jiceng-precompress',
    apply: 'build',
    closeBundle() {
      for (const path of walk(dist)) {
        if (!text.test(path) || path.endsWith('placeholder.html')) continue
        const bytes = readFileSync(path)
        if (bytes.length < 1024) continue
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }))
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }))
      }
    },
  }
}

export default defineConfig({
  root,
  // Caches beside the dependencies, not in a second node_modules under frontend/.
  cacheDir: `${root}../node_modules/.vite`,
  plugins: [
    vue(),
    // Element Plus on demand: each component and its CSS are imported where used.
    Components({
      dirs: [],
      dts: `${root}src/components.d.ts`,
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
    }),
    cleanDist(),
    fontFiles(),
    precompress(),
  ],
  resolve: { alias: { '@': `${root}src` } },
  build: {
    outDir: dist,
    emptyOutDir: false,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: { main: `${root}index.html`, graphiql: `${root}graphiql.html` },
      output: {
        // Named chunks for what every view shares and for ECharts (loaded with the map only).
        advancedChunks: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|vue-echarts)[\\/]/ },
          ],
        },
      },
      onLog(level, log, handler) {
        // GraphiQL's React libraries mark modules "use client"; meaningless in a plain bundle.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return
        handler(level, log)
      },
    },
  },
  server: {
    // `npm run dev` talks to a server started with `go run . --addr 127.0.0.1:8080 --demo`:
    // the API and sign-in, on one origin so the session cookie (SameSite=Strict) is sent.
    proxy: Object.fromEntries(['/query', '/auth'].map((path) => [path, process.env.JICENG_API ?? 'http://127.0.0.1:8080'])),
  },
  test: {
    root,
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
})
