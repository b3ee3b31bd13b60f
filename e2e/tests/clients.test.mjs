// The conformance suite, continued with the clients reporting tools are
// built on, run against the real server with a REPORTER token and the
// server's default rate limits: get-graphql-schema downloading the schema,
// relay-compiler compiling documents against the downloaded SDL, Apollo
// Client and urql (with graphcache) paging every connection forwards and
// backwards to its totalCount with no duplicates and every record
// normalised by its id, and Apollo's PersistedQueryLink round trip.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { after, before, test } from 'node:test'
import { ApolloClient, HttpLink, InMemoryCache, gql as apolloGql } from '@apollo/client'
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries'
import { Client, fetchExchange, gql as urqlGql } from '@urql/core'
import { cacheExchange } from '@urql/exchange-graphcache'
import { relayPagination } from '@urql/exchange-graphcache/extras'
import { buildSchema, getNamedType, isObjectType } from 'graphql'

const root = resolve(new URL('../..', import.meta.url).pathname)
const url = process.env.JICENG_URL
const { reporterToken: token } = JSON.parse(process.env.JICENG_E2E_USERS)
const endpoint = new URL('/graphql', url).href
const auth = { authorization: `Bearer ${token}` }
const work = mkdtempSync(join(tmpdir(), 'jiceng-clients-'))
after(() => rmSync(work, { recursive: true, force: true }))

let sdl
let connections
before(() => {
  // get-graphql-schema sends its own (graphql 14) introspection query and
  // prints the SDL, as a tool's build step would.
  sdl = execFileSync(join(root, 'node_modules/.bin/get-graphql-schema'), [endpoint, '-h', `Authorization=Bearer ${token}`], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  })
  const schema = buildSchema(sdl)
  connections = Object.values(schema.getQueryType().getFields())
    .filter((f) => {
      const t = getNamedType(f.type)
      return isObjectType(t) && t.name.endsWith('Connection')
    })
    .map((f) => ({ field: f.name, node: getNamedType(f.type).name.replace(/Connection$/, '') }))
})

// The connections a reporting tool may read: all but the audit log, which
// is for administrators.
const forbidden = []
before(async () => {
  const readable = []
  for (const c of connections) {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ c: ${c.field}(first: 1) { totalCount } }` }),
    })
    const body = await res.json()
    if (body.errors?.[0]?.extensions?.code === 'FORBIDDEN') forbidden.push(c.field)
    else readable.push(c)
  }
  connections = readable
})

test('get-graphql-schema downloads the schema, every connection in it', () => {
  assert.match(sdl, /type Query/)
  assert.ok(connections.length >= 16, `found ${connections.length} connections`)
  assert.ok(connections.some((c) => c.field === 'coverageGaps'), 'coverageGaps is among the connections')
  assert.deepEqual(forbidden, ['auditEntries'], 'a REPORTER reads every connection but the audit log')
})

test('relay-compiler compiles documents against the downloaded SDL', () => {
  const dir = join(work, 'relay')
  mkdirSync(join(dir, 'src'), { recursive: true })
  writeFileSync(join(dir, 'schema.graphql'), sdl)
  writeFileSync(join(dir, 'relay.config.json'), JSON.stringify({ src: './src', schema: './schema.graphql', language: 'javascript' }))
  const documents = {
    // A paginated list of a top-level connection, as Relay's usePaginationFragment reads it.
    'OrganizationList.js': `graphql\`
      fragment OrganizationList_query on Query
        @argumentDefinitions(count: { type: "Int", defaultValue: 20 }, cursor: { type: "Cursor" })
        @refetchable(queryName: "OrganizationListPaginationQuery") {
        organizations(first: $count, after: $cursor) @connection(key: "OrganizationList_organizations") {
          totalCount
          edges { node { id name kind establishedOn } }
        }
      }\``,
    // A record refetched through node(id:), which Relay needs every type to support.
    'MemberCard.js': `graphql\`
      fragment MemberCard_member on Member @refetchable(queryName: "MemberCardRefetchQuery") {
        id name status category joinedPartyOn
      }\``,
    // Gaps are Nodes in a Relay connection, paged backwards too.
    'GapList.js': `graphql\`
      query GapListQuery($last: Int, $before: Cursor) {
        coverageGaps(last: $last, before: $before) @connection(key: "GapList_coverageGaps") {
          totalCount
          edges { node { id rule severity subjectName message { zh en } } }
        }
      }\``,
    'Coverage.js': `graphql\`
      query CoverageQuery($asOf: Date) {
        coverage(asOf: $asOf) { asOf gapTotal members { total full probationary } children { area { id name } gapTotal } }
      }\``,
  }
  for (const [file, text] of Object.entries(documents)) writeFileSync(join(dir, 'src', file), `${text}\n`)
  execFileSync(join(root, 'node_modules/.bin/relay-compiler'), [], { cwd: dir, stdio: 'pipe' })
  const artifacts = readdirSync(join(dir, 'src/__generated__'))
  for (const name of ['OrganizationListPaginationQuery', 'MemberCardRefetchQuery', 'GapListQuery', 'CoverageQuery']) {
    assert.ok(artifacts.includes(`${name}.graphql.js`), `relay-compiler wrote ${name}: ${artifacts}`)
  }
})

// pageQuery is the document that reads one page of a connection.
const pageQuery = ({ field }, dir) => `query Page($n: Int, $c: Cursor) {
  c: ${field}(${dir === 'forwards' ? 'first: $n, after: $c' : 'last: $n, before: $c'}) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
  }
}`

// pageThrough reads a connection page by page with fetchPage, and checks
// that the pages hold every record once, in order, up to totalCount.
async function pageThrough(connection, dir, fetchPage) {
  const ids = []
  let cursor = null
  let total = -1
  for (let i = 0; i < 100; i++) {
    const c = await fetchPage(cursor)
    total = c.totalCount
    const page = c.edges.map((e) => e.node.id)
    if (dir === 'forwards') ids.push(...page)
    else ids.unshift(...page)
    const more = dir === 'forwards' ? c.pageInfo.hasNextPage : c.pageInfo.hasPreviousPage
    if (!more) break
    cursor = dir === 'forwards' ? c.pageInfo.endCursor : c.pageInfo.startCursor
  }
  assert.equal(new Set(ids).size, ids.length, `${connection.field} ${dir}: a record came twice`)
  assert.equal(ids.length, total, `${connection.field} ${dir}: paged through ${ids.length} of ${total}`)
  return ids
}

test('Apollo Client pages every connection both ways, each record normalised by its id', async () => {
  for (const connection of connections) {
    for (const dir of ['forwards', 'backwards']) {
      const cache = new InMemoryCache()
      const client = new ApolloClient({ link: new HttpLink({ uri: endpoint, headers: auth }), cache })
      const query = apolloGql(pageQuery(connection, dir))
      const ids = await pageThrough(connection, dir, async (c) => {
        const { data, error } = await client.query({ query, variables: { n: 200, c }, fetchPolicy: 'network-only' })
        assert.equal(error, undefined, `${connection.field}: ${error}`)
        return data.c
      })
      // Apollo's default cache key is __typename:id: every record is one
      // entry of the cache, with no custom keyFields.
      const stored = cache.extract()
      for (const id of ids) {
        assert.ok(stored[`${connection.node}:${id}`], `${connection.field}: ${connection.node}:${id} is not in Apollo's cache`)
      }
      client.stop()
    }
  }
})

test('urql with graphcache pages every connection both ways, merging the pages in its cache', async () => {
  const warnings = []
  const warn = console.warn
  console.warn = (...args) => warnings.push(args.join(' '))
  try {
    for (const connection of connections) {
      for (const dir of ['forwards', 'backwards']) {
        // relayPagination merges each page into one list in the normalised
        // cache, which works only if every record has a key (its id, with
        // no custom keys): after the last page, the list is the whole
        // connection.
        const client = new Client({
          url: endpoint,
          fetchOptions: { headers: auth },
          exchanges: [cacheExchange({ resolvers: { Query: { [connection.field]: relayPagination() } } }), fetchExchange],
        })
        const query = urqlGql(pageQuery(connection, dir).replace(`c: ${connection.field}`, connection.field))
        let list
        let cursor = null
        for (let i = 0; i < 100; i++) {
          const res = await client.query(query, { n: 200, c: cursor }, { requestPolicy: 'network-only' }).toPromise()
          assert.equal(res.error, undefined, `${connection.field} ${dir}: ${res.error}`)
          list = res.data[connection.field]
          const more = dir === 'forwards' ? list.pageInfo.hasNextPage : list.pageInfo.hasPreviousPage
          if (!more) break
          cursor = dir === 'forwards' ? list.pageInfo.endCursor : list.pageInfo.startCursor
        }
        const ids = list.edges.map((e) => e.node.id)
        assert.equal(new Set(ids).size, ids.length, `${connection.field} ${dir}: a record came twice in graphcache's list`)
        assert.equal(ids.length, list.totalCount, `${connection.field} ${dir}: graphcache's list has ${ids.length} of ${list.totalCount}`)
      }
    }
  } finally {
    console.warn = warn
  }
  assert.deepEqual(warnings.filter((w) => /key|Invalid/i.test(w)), [], 'graphcache found records without a key')
})

test("Apollo's PersistedQueryLink sends a hash, then the query when asked, then the hash alone", async () => {
  const bodies = []
  const recording = (input, init) => {
    bodies.push({ method: init?.method ?? 'GET', body: init?.body ? JSON.parse(init.body) : null, url: String(input) })
    return fetch(input, init)
  }
  const sha256 = (text) => createHash('sha256').update(text).digest('hex')
  const client = new ApolloClient({
    link: new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: endpoint, headers: auth, fetch: recording })),
    cache: new InMemoryCache(),
  })
  // A query this server has not been asked before, so its hash is unknown.
  const query = apolloGql(`query PersistedRoundTrip { registerCalendar { today timeZone } areas(first: 3, where: { nameContains: "${Date.now()}" }) { totalCount } }`)
  const first = await client.query({ query, fetchPolicy: 'network-only' })
  assert.equal(first.error, undefined)
  assert.ok(first.data.registerCalendar.today)
  const second = await client.query({ query, fetchPolicy: 'network-only' })
  assert.deepEqual(second.data, first.data)
  assert.equal(bodies.length, 3, `requests sent: ${JSON.stringify(bodies.map((b) => b.body))}`)
  const [hashOnly, withQuery, hashAgain] = bodies.map((b) => b.body)
  assert.ok(hashOnly.extensions.persistedQuery.sha256Hash && !hashOnly.query, 'the first request sends only the hash')
  assert.ok(withQuery.query && withQuery.extensions.persistedQuery.sha256Hash, 'told PersistedQueryNotFound, the link sends the query')
  assert.ok(!hashAgain.query, 'the query is then known by its hash alone')
  client.stop()
})
