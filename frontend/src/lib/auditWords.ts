// The audit log read as a document: an enum value by its name (非公有制企业,
// not NON_PUBLIC_ENTERPRISE), a linked record by its name (the grid's, not
// "[8589934606]"), as the entry's record type and field say which.
import type { EnumName } from '@/i18n/enums'

/** enumOf is the enum a field of a record type holds, if it holds one. */
export function enumOf(entityType: string | null | undefined, field: string): EnumName | undefined {
  switch (field) {
    case 'kind':
      return entityType === 'Organization' ? 'OrganizationKind' : entityType === 'Unit' ? 'UnitKind' : entityType === 'Area' ? 'AreaKind' : undefined
    case 'formation':
      return 'OrganizationFormation'
    case 'category':
      return 'MemberCategory'
    case 'status':
      return 'MemberStatus'
    case 'gender':
      return 'MemberGender'
    case 'mobility':
      return 'MemberMobility'
    case 'role':
      return 'AppointmentRole'
    case 'type':
      return entityType === 'Meeting' ? 'MeetingType' : entityType === 'AffiliatedOrganization' ? 'AffiliatedOrganizationKind' : undefined
    case 'startReason':
      return 'MembershipStartReason'
    case 'endReason':
      return 'MembershipEndReason'
  }
  return undefined
}

/** Linked is the kind of record a field links to. */
export type Linked = 'area' | 'organization' | 'unit'

/** linkOf is the kind of record an edge field links to, if it is one. */
export function linkOf(entityType: string | null | undefined, column: string): Linked | undefined {
  // A linked record's field (gridId) names what its edge (grid) names.
  const field = column.replace(/Id$/, '')
  if (['grid', 'areas', 'residenceGrid', 'community'].includes(field)) return 'area'
  if (field === 'parent') return entityType === 'Area' ? 'area' : entityType === 'Organization' ? 'organization' : undefined
  if (['organization', 'organizations', 'partyGroup'].includes(field)) return 'organization'
  if (['unit', 'units', 'workUnit'].includes(field)) return 'unit'
  return undefined
}

/** Namer finds a record's name by its kind and ID; undefined when it does not know it. */
export type Namer = (kind: Linked, id: string) => string | undefined

/**
 * readValue writes a value of the audit log as a person reads it: an enum's
 * value by name (through enumName), the IDs of linked records by their names,
 * "、" between several; anything else as it is.
 */
export function readValue(
  value: string | null | undefined,
  entityType: string | null | undefined,
  field: string,
  enumName: (e: EnumName, v: string) => string | undefined,
  nameOf: Namer,
): string | null | undefined {
  if (value == null) return value
  const e = enumOf(entityType, field)
  if (e) return enumName(e, value) ?? value
  const linked = linkOf(entityType, field)
  if (!linked) return value
  const ids = /^\[?\s*(\d+(\s*,\s*\d+)*)\s*\]?$/.exec(value)?.[1].split(',').map((s) => s.trim())
  if (!ids) return value
  return ids.map((id) => nameOf(linked, id) ?? id).join('、')
}

/**
 * actorParts splits the audit log's actor ("user admin", "token 报表工具",
 * "system") into its kind and name, for the page to word the kind.
 */
export function actorParts(actor: string): { kind: 'user' | 'token' | 'system' | 'other'; name: string } {
  if (actor === 'system') return { kind: 'system', name: '' }
  const m = /^(user|token) (.+)$/.exec(actor)
  return m ? { kind: m[1] as 'user' | 'token', name: m[2] } : { kind: 'other', name: actor }
}
