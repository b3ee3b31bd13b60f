// GraphiQL bundled from npm, so /graphiql works on a network with no
// internet. A page of its own (graphiql.html): none of the app loads with
// it but the few lines that read the session. It queries as the signed-in
// user, sending the session's cross-site token like the app does; nobody
// signed in goes to the sign-in view, which comes back here.
import 'graphiql/style.css'
import { createGraphiQLFetcher } from '@graphiql/toolkit'
import { GraphiQL } from 'graphiql'
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { csrfHeader, fetchMe } from '@/api/auth'
import { loginHref } from '@/lib/redirect'

const defaultQuery = `# Jiceng: the register of grassroots Party organisations.
# Press the run button (or Ctrl-Enter) to send a query.
{
  coverage {
    area { name }
    asOf
    grids { total covered partial uncovered }
    gapTotal
  }
}
`

async function start(root: HTMLElement) {
  const session = await fetchMe()
  if (!session) {
    window.location.replace(loginHref(window.location.pathname + window.location.search))
    return
  }
  const fetcher = createGraphiQLFetcher({
    url: new URL('/query', window.location.href).toString(),
    headers: { [csrfHeader]: session.csrfToken },
  })
  createRoot(root).render(createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: false }))
}

const root = document.getElementById('graphiql')!
start(root).catch((err: unknown) => {
  root.textContent = `GraphiQL could not start: ${err instanceof Error ? err.message : String(err)}`
})
