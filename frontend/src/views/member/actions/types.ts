// What the member page's operations read of the member.
export interface ActionMember {
  id: string
  name: string
  status: string
  statusOn?: string | null
  category: string
  mobility?: string | null
  mobilePlace?: string | null
  joinedPartyOn: string
  /** probationExtendableTo is the latest day probation may be extended to, by the server's calendar. */
  probationExtendableTo: string
  residenceGrid?: { id: string; name: string } | null
  workUnit?: { id: string; name: string } | null
  /** current is the membership in force today, if any. */
  current?: { id: string; organization: { id: string; name: string } }
}
