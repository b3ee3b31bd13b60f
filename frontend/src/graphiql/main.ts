// GraphiQL bundled from npm, so /graphiql works on a network with no
// internet. A page of its own (graphiql.html): none of it loads with the app.
import 'graphiql/style.css'
import { createGraphiQLFetcher } from '@graphiql/toolkit'
import { GraphiQL } from 'graphiql'
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'

const fetcher = createGraphiQLFetcher({ url: new URL('/query', window.location.href).toString() })

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

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: false }),
)
