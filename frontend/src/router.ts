// The views, one lazily loaded chunk each. Every URL carries the date it
// shows ("asOf", written in when missing) and, where it applies, the area.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { localDate } from '@/lib/dates'
import { normalizeQuery } from '@/state/query'

declare module 'vue-router' {
  interface RouteMeta {
    /** The key of the view's title in the messages. */
    title?: string
    /** The wall screen (大屏) hides the header. */
    wall?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: (to) => ({ path: '/map', query: to.query }) },
  { path: '/map', component: () => import('@/views/map/MapView.vue'), meta: { title: 'nav.map' } },
  { path: '/screen', component: () => import('@/views/screen/ScreenView.vue'), meta: { title: 'nav.screen', wall: true } },
  { path: '/tree', component: () => import('@/views/tree/TreeView.vue'), meta: { title: 'nav.tree' } },
  { path: '/gaps', component: () => import('@/views/gaps/GapsView.vue'), meta: { title: 'nav.gaps' } },
  { path: '/rollup', component: () => import('@/views/rollup/RollupView.vue'), meta: { title: 'nav.rollup' } },
  { path: '/records', component: () => import('@/views/records/RecordsView.vue'), meta: { title: 'nav.records' } },
  { path: '/organizations/new', component: () => import('@/views/organization/OrganizationForm.vue'), meta: { title: 'organization.new' } },
  { path: '/organizations/:id', component: () => import('@/views/organization/OrganizationView.vue'), meta: { title: 'organization.title' } },
  { path: '/organizations/:id/edit', component: () => import('@/views/organization/OrganizationForm.vue'), meta: { title: 'organization.edit' } },
  { path: '/organizations/:id/meetings/new', component: () => import('@/views/organization/MeetingForm.vue'), meta: { title: 'meeting.new' } },
  { path: '/units/new', component: () => import('@/views/unit/UnitForm.vue'), meta: { title: 'unit.new' } },
  { path: '/units/:id', component: () => import('@/views/unit/UnitView.vue'), meta: { title: 'unit.title' } },
  { path: '/units/:id/edit', component: () => import('@/views/unit/UnitForm.vue'), meta: { title: 'unit.edit' } },
  { path: '/members/new', component: () => import('@/views/member/MemberForm.vue'), meta: { title: 'member.new' } },
  { path: '/members/:id', component: () => import('@/views/member/MemberView.vue'), meta: { title: 'member.title' } },
  { path: '/members/:id/edit', component: () => import('@/views/member/MemberForm.vue'), meta: { title: 'member.edit' } },
  { path: '/:path(.*)*', component: () => import('@/views/NotFound.vue'), meta: { title: 'app.notFound' } },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.beforeEach((to) => {
  const query = normalizeQuery(to.query, localDate())
  if (query) return { ...to, query, replace: true }
})
