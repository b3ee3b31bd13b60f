// The fields of a gap every list of gaps shows.
import { graphql } from '@/gql'

graphql(`
  fragment GapFields on Gap {
    key
    rule
    family
    severity
    subjectName
    subject {
      __typename
      id
    }
    grid {
      id
      name
    }
    community {
      id
      name
    }
    figures {
      name
      value
      threshold
    }
    message {
      zh
      en
    }
    remedy {
      zh
      en
    }
    suggestions {
      id
      name
    }
  }
`)
