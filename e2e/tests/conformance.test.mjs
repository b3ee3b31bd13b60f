// Conformance of the API with what standard GraphQL tooling expects, run
// against the real server: graphql-js's standard introspection queries
// (every option combination), the SDL at /schema.graphql matching what
// introspection describes, and every connection paged forwards and
// backwards to its totalCount with no duplicates.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
} from 'graphql'

const url = process.env.JICENG_URL
const { token } = JSON.parse(process.env.JICENG_E2E_USERS)

async function post(query, variables = {}) {
  const res = await fetch(new URL('/query', url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query, variables }),
  })
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() }
}

const options = [
  {},
  { descriptions: false },
  { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true },
]

let schema
test('graphql-js standard introspection queries pass, with every option', async () => {
  for (const opts of options) {
    const { status, body } = await post(getIntrospectionQuery(opts))
    assert.equal(status, 200, `getIntrospectionQuery(${JSON.stringify(opts)}): ${JSON.stringify(body.errors)}`)
    assert.equal(body.errors, undefined)
    const built = buildClientSchema(body.data)
    assert.ok(built.getQueryType().getFields().organizations, 'the schema has the organizations connection')
    if (opts.specifiedByUrl) {
      schema = built
      assert.match(built.getType('Date').specifiedByURL ?? '', /^https:\/\//)
      const names = built.getDirectives().map((d) => d.name)
      assert.ok(!names.includes('goField') && !names.includes('goModel') && !names.includes('defer'), `directives: ${names}`)
    }
  }
})

test('/schema.graphql is the schema introspection describes', async () => {
  const res = await fetch(new URL('/schema.graphql', url), { headers: { authorization: `Bearer ${token}` } })
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type'), /^application\/graphql/)
  const sdl = buildSchema(await res.text())
  const fromSDL = printSchema(lexicographicSortSchema(sdl))
  const fromIntrospection = printSchema(lexicographicSortSchema(schema))
  assert.equal(fromSDL, fromIntrospection)
})

test('every connection pages forwards and backwards to its totalCount with no duplicates', async () => {
  const fields = Object.values(schema.getQueryType().getFields()).filter((f) => {
    const t = getNamedType(f.type)
    return isObjectType(t) && t.name.endsWith('Connection')
  })
  assert.ok(fields.length >= 16, `found ${fields.length} connections`)
  for (const field of fields) {
    const page = (dir, cursor) =>
      post(
        `query($n: Int, $c: Cursor) { c: ${field.name}(${dir === 'forwards' ? 'first: $n, after: $c' : 'last: $n, before: $c'}) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id } edges { cursor node { id } } } }`,
        { n: 200, c: cursor },
      )
    for (const dir of ['forwards', 'backwards']) {
      const ids = []
      let cursor = null
      let total = -1
      for (let i = 0; i < 100; i++) {
        const { body } = await page(dir, cursor)
        assert.equal(body.errors, undefined, `${field.name} ${dir}: ${JSON.stringify(body.errors)}`)
        const c = body.data.c
        total = c.totalCount
        assert.deepEqual(c.nodes.map((n) => n.id), c.edges.map((e) => e.node.id), `${field.name}: nodes and edges differ`)
        if (dir === 'forwards') ids.push(...c.nodes.map((n) => n.id))
        else ids.unshift(...c.nodes.map((n) => n.id))
        const more = dir === 'forwards' ? c.pageInfo.hasNextPage : c.pageInfo.hasPreviousPage
        if (!more) break
        cursor = dir === 'forwards' ? c.pageInfo.endCursor : c.pageInfo.startCursor
      }
      assert.equal(new Set(ids).size, ids.length, `${field.name} ${dir}: a node came twice`)
      assert.equal(ids.length, total, `${field.name} ${dir}: paged through ${ids.length} of ${total}`)
    }
  }
})

test('a parse error is 400 under application/graphql-response+json, without data', async () => {
  const { status, type, body } = await post('{ organizations {')
  assert.equal(status, 400)
  assert.match(type, /^application\/graphql-response\+json/)
  assert.equal('data' in body, false)
  assert.equal(body.errors[0].extensions.code, 'GRAPHQL_PARSE_FAILED')
})
