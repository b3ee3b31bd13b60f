// The people the end-to-end tests act as, made the way an administrator
// makes them: with the binary's own commands (`jiceng user add`, `jiceng
// token create`) on the data folder of the running server. The first
// administrator is the one the server made at its first start. Each user
// is signed in once here, through /auth/signin, and the tests reuse the
// session cookies: the server allows an address only a few sign-ins a
// minute, and the tests that sign in through the page need some of those.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'

const newPassword = () => randomBytes(12).toString('base64url')

/** bearer asks the server a GraphQL question with an API token. */
export async function bearer(url, token, query, variables = {}) {
  const res = await fetch(new URL('/query', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  })
  const body = await res.json()
  if (body.errors) throw new Error(`the server refused ${query}: ${JSON.stringify(body.errors)}`)
  return body.data
}

/** signIn opens a session as a browser does, and returns its cookie and cross-site token. */
export async function signIn(url, username, password) {
  const res = await fetch(new URL('/auth/signin', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!res.ok) throw new Error(`signing in as ${username}: HTTP ${res.status} ${await res.text()}`)
  const cookie = res.headers.getSetCookie().map((c) => /^jiceng_session=([^;]+)/.exec(c)?.[1]).find(Boolean)
  const { csrfToken, user } = await res.json()
  if (!cookie || !csrfToken) throw new Error(`signing in as ${username}: no session cookie or token`)
  return { cookie, csrfToken, role: user.role }
}

/**
 * makeUsers makes an API token (for the tests' own questions), a reporting
 * tool's token (REPORTER), an analyst, and an editor of the first
 * community, and signs in the administrator, the analyst and the editor.
 */
export async function makeUsers({ binary, data, url, adminPassword }) {
  const cli = (args, input) => execFileSync(binary, [...args.slice(0, 2), '--data', data, ...args.slice(2)], { input, encoding: 'utf8' }).trim()
  const token = cli(['token', 'create', '--name', 'e2e tests', '--role', 'ADMIN', '--expires', '1d'])
  // A reporting tool's token, for the tests of the clients such tools use.
  const reporterToken = cli(['token', 'create', '--name', 'e2e reporting tool', '--role', 'REPORTER', '--expires', '1d'])
  const { areas } = await bearer(url, token, '{ areas(where: { kind: COMMUNITY }) { nodes { id name } } }')
  const [editorCommunity] = areas.nodes.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
  const accounts = {
    admin: { username: 'admin', password: adminPassword },
    analyst: { username: 'e2e-analyst', password: newPassword() },
    editor: { username: 'e2e-editor', password: newPassword() },
  }
  cli(['user', 'add', '--username', accounts.analyst.username, '--role', 'ANALYST', '--password-stdin'], `${accounts.analyst.password}\n`)
  cli(['user', 'add', '--username', accounts.editor.username, '--role', 'EDITOR', '--area', editorCommunity.id, '--password-stdin'], `${accounts.editor.password}\n`)
  const sessions = {}
  for (const [role, a] of Object.entries(accounts)) sessions[role] = await signIn(url, a.username, a.password)
  return { token, reporterToken, accounts, sessions, editorCommunity }
}
