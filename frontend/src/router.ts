// The views, one lazily loaded chunk each. Every URL carries the date it
// shows ("asOf", written in when missing) and, where it applies, the area.
// Every view but the sign-in view needs a session: an anonymous visit goes
// to /login, remembering where it was going; a view the role may not use
// (a form for a reader, the audit log for all but an administrator) says so.
import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router'
import { loadViewWords } from '@/i18n'
import { allows, type Access } from '@/lib/access'
import { isDate } from '@/lib/dates'
import { isAfterToday } from '@/lib/registerDays'
import { loginPath, loginQuery } from '@/lib/redirect'
import { loadCalendar, noteRefused, registerToday } from '@/state/calendar'
import { first, normalizeQuery } from '@/state/query'
import { onSessionExpired, restoreSession } from '@/state/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** The key of the view's title in the messages. */
    title?: string
    /** The wall screen (大屏) hides the header. */
    wall?: boolean
    /** Who may open the view; a session by default. */
    access?: Access
  }
}

const write = { access: 'write' } as const

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: (to) => ({ path: '/map', query: to.query }) },
  { path: loginPath, component: () => import('@/views/login/LoginView.vue'), meta: { title: 'login.title', access: 'public' } },
  { path: '/map', component: () => import('@/views/map/MapView.vue'), meta: { title: 'nav.map' } },
  { path: '/screen', component: () => import('@/views/screen/ScreenView.vue'), meta: { title: 'nav.screen', wall: true } },
  { path: '/tree', component: () => import('@/views/tree/TreeView.vue'), meta: { title: 'nav.tree' } },
  { path: '/gaps', component: () => import('@/views/gaps/GapsView.vue'), meta: { title: 'nav.gaps' } },
  { path: '/rectifications', component: () => import('@/views/rectify/RectifyView.vue'), meta: { title: 'rectify.title' } },
  { path: '/rectifications/:id', component: () => import('@/views/rectify/RectifyItem.vue'), meta: { title: 'rectify.item.title' } },

  { path: '/todo', component: () => import('@/views/todo/TodoView.vue'), meta: { title: 'remind.nav' } },
  { path: '/rollup', component: () => import('@/views/rollup/RollupView.vue'), meta: { title: 'nav.rollup' } },
  { path: '/trend', component: () => import('@/views/trend/TrendView.vue'), meta: { title: 'trendui.nav' } },
  { path: '/report', component: () => import('@/views/report/ReportView.vue'), meta: { title: 'trendui.reportNav' } },
  { path: '/records', component: () => import('@/views/records/RecordsView.vue'), meta: { title: 'nav.records' } },
  { path: '/import', component: () => import('@/views/import/ImportView.vue'), meta: { title: 'ledger.title', ...write } },
  { path: '/audit', component: () => import('@/views/audit/AuditView.vue'), meta: { title: 'nav.audit', access: 'admin' } },
  { path: '/forbidden', component: () => import('@/views/ForbiddenView.vue'), meta: { title: 'access.title' } },
  { path: '/organizations/new', component: () => import('@/views/organization/OrganizationForm.vue'), meta: { title: 'organization.new', ...write } },
  { path: '/organizations/:id', component: () => import('@/views/organization/OrganizationView.vue'), meta: { title: 'organization.title' } },
  { path: '/organizations/:id/edit', component: () => import('@/views/organization/OrganizationForm.vue'), meta: { title: 'organization.edit', ...write } },
  { path: '/organizations/:id/meetings/new', component: () => import('@/views/organization/MeetingForm.vue'), meta: { title: 'meeting.new', ...write } },
  { path: '/units/new', component: () => import('@/views/unit/UnitForm.vue'), meta: { title: 'unit.new', ...write } },
  { path: '/units/:id', component: () => import('@/views/unit/UnitView.vue'), meta: { title: 'unit.title' } },
  { path: '/units/:id/edit', component: () => import('@/views/unit/UnitForm.vue'), meta: { title: 'unit.edit', ...write } },
  { path: '/members/new', component: () => import('@/views/member/MemberForm.vue'), meta: { title: 'member.new', ...write } },
  { path: '/members/:id', component: () => import('@/views/member/MemberView.vue'), meta: { title: 'member.title' } },
  { path: '/members/:id/edit', component: () => import('@/views/member/MemberForm.vue'), meta: { title: 'member.edit', ...write } },
  { path: '/:path(.*)*', component: () => import('@/views/NotFound.vue'), meta: { title: 'app.notFound' } },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

/** guard decides a navigation: on, to the sign-in view, or to the notice that the role may not. */
export async function guard(to: Pick<RouteLocationNormalized, 'path' | 'query' | 'hash' | 'fullPath' | 'meta'>) {
  const access = to.meta.access ?? 'signedIn'
  if (access === 'public') return true
  const user = await restoreSession()
  if (!user) return { path: loginPath, query: loginQuery(to.fullPath), replace: true }
  // The day written into a URL that names none is the register's today (in
  // its time zone), not the browser's: near midnight the two differ.
  const calendar = await loadCalendar()
  const query = normalizeQuery(to.query, registerToday())
  if (query) return { path: to.path, query, hash: to.hash, replace: true }
  // The register records what has happened: a day after its today is
  // corrected to today, and the header says so.
  const asOf = first(to.query.asOf)
  if (calendar && isDate(asOf) && isAfterToday(asOf, calendar.today)) {
    noteRefused(asOf, calendar.today)
    return { path: to.path, query: { ...to.query, asOf: calendar.today }, hash: to.hash, replace: true }
  }
  if (!allows(user.role, access)) return { path: '/forbidden', query: { asOf: to.query.asOf }, replace: true }
  return true
}

// The views' own words are read before the first page is shown; should
// their chunk fail to load, the page still opens (and the next navigation
// tries again).
router.beforeEach(() => loadViewWords().then(() => true, () => true))
router.beforeEach(guard)

// A session the server ended (expired, signed out elsewhere, user disabled):
// sign in again and come back to the same place.
onSessionExpired(() => {
  const here = router.currentRoute.value
  if (here.meta.access === 'public') return
  void router.replace({ path: loginPath, query: loginQuery(here.fullPath) })
})
