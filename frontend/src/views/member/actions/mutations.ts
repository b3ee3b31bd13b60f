// The member page's operations.
import { graphql } from '@/gql'

export const CreateMembershipDocument = graphql(`
  mutation PlaceMember($input: CreateMembershipInput!) {
    createMembership(input: $input) {
      id
    }
  }
`)

export const TransferMemberDocument = graphql(`
  mutation TransferMemberAction($input: TransferMemberInput!) {
    transferMember(input: $input) {
      closed {
        id
      }
    }
  }
`)

export const ConfirmMemberDocument = graphql(`
  mutation ConfirmMemberAction($input: ConfirmMemberInput!) {
    confirmMember(input: $input) {
      id
    }
  }
`)

export const ExtendProbationDocument = graphql(`
  mutation ExtendProbationAction($input: ExtendProbationInput!) {
    extendProbation(input: $input) {
      id
    }
  }
`)

export const MoveMemberDocument = graphql(`
  mutation MoveMemberAction($input: MoveMemberInput!) {
    moveMember(input: $input) {
      id
    }
  }
`)

export const ChangeWorkUnitDocument = graphql(`
  mutation ChangeWorkUnitAction($input: ChangeWorkUnitInput!) {
    changeWorkUnit(input: $input) {
      id
    }
  }
`)

export const ChangeMemberCategoryDocument = graphql(`
  mutation ChangeMemberCategoryAction($input: ChangeMemberCategoryInput!) {
    changeMemberCategory(input: $input) {
      id
    }
  }
`)

export const FlowMemberDocument = graphql(`
  mutation FlowMemberAction($input: FlowMemberInput!) {
    flowMember(input: $input) {
      id
    }
  }
`)

export const CreateMobileReportDocument = graphql(`
  mutation CreateMobileReportAction($input: CreateMobileReportInput!) {
    createMobileReport(input: $input) {
      id
    }
  }
`)
