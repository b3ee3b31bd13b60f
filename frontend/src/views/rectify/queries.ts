import { graphql } from '@/gql'

export const RectificationsDocument = graphql(`
  query Rectifications(
    $first: Int
    $after: Cursor
    $orderBy: [RectificationOrder!]
    $status: [RectificationStatus!]
    $areaId: ID
    $rules: [RuleCode!]
    $responsible: String
    $deadlineFrom: Date
    $deadlineTo: Date
  ) {
    rectifications(
      first: $first
      after: $after
      orderBy: $orderBy
      status: $status
      areaId: $areaId
      rules: $rules
      responsible: $responsible
      deadlineFrom: $deadlineFrom
      deadlineTo: $deadlineTo
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        rule
        subjectName
        subject {
          __typename
          id
        }
        area {
          id
          name
        }
        organization {
          id
          name
        }
        responsible
        deadline
        status
        handedOverOn
        verifiedOn
        days
        openForDays
      }
    }
  }
`)

export const RectificationFiguresDocument = graphql(`
  query RectificationFigures($areaId: ID, $asOf: Date) {
    rectificationFigures(areaId: $areaId, asOf: $asOf) {
      all {
        total
        open
        overdue
        verified
        waived
        medianDaysToClose
      }
      byArea {
        area {
          id
          name
        }
        tally {
          total
          open
          overdue
          verified
        }
      }
      byRule {
        rule
        tally {
          total
          open
          overdue
          verified
        }
      }
    }
  }
`)

export const RectificationDocument = graphql(`
  query Rectification($id: ID!) {
    node(id: $id) {
      __typename
      ... on Rectification {
        id
        rule
        subjectName
        subject {
          __typename
          id
        }
        area {
          id
          name
          viewerMayEdit {
            allowed
            refusal
            area {
              name
            }
          }
        }
        organization {
          id
          name
        }
        responsible
        deadline
        plan
        status
        waiveReason
        waivedOn
        handedOverOn
        openSince
        verifiedOn
        verifiedByEntryID
        reopened
        days
        openForDays
        gap {
          ...GapFields
        }
        noteList {
          id
          at
          author
          text
          attachment
        }
      }
    }
  }
`)

export const ClosingEntryDocument = graphql(`
  query RectificationClosingEntry($id: ID!) {
    node(id: $id) {
      __typename
      ... on AuditEntry {
        id
        at
        actor
        action
        entityType
        subject {
          __typename
          id
          ... on Member {
            name
          }
          ... on Organization {
            name
          }
          ... on Unit {
            name
          }
          ... on Area {
            name
          }
        }
      }
    }
  }
`)

export const CreateRectificationsDocument = graphql(`
  mutation CreateRectifications($input: CreateRectificationsInput!) {
    createRectifications(input: $input) {
      id
    }
  }
`)

export const UpdateRectificationDocument = graphql(`
  mutation UpdateRectification($id: ID!, $input: UpdateRectificationInput!) {
    updateRectification(id: $id, input: $input) {
      id
      status
    }
  }
`)

export const AddRectificationNoteDocument = graphql(`
  mutation AddRectificationNote($id: ID!, $text: String!, $attachment: String) {
    addRectificationNote(id: $id, text: $text, attachment: $attachment) {
      id
    }
  }
`)

export const AssignRectificationDocument = graphql(`
  mutation AssignRectification($id: ID!, $input: AssignRectificationInput!) {
    assignRectification(id: $id, input: $input) {
      id
    }
  }
`)

export const WaiveRectificationDocument = graphql(`
  mutation WaiveRectification($id: ID!, $reason: String!) {
    waiveRectification(id: $id, reason: $reason) {
      id
      status
    }
  }
`)
