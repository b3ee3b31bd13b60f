// GraphQL Code Generator: reads the server's schema (graph/*.graphqls) and
// every document written with graphql(`...`) beside the component that uses
// it, and writes typed documents and the types they need into src/gql/.
// Run from the repository root: `npm run codegen`; `npm run codegen:check`
// fails when src/gql/ is stale.
import type { CodegenConfig } from '@graphql-codegen/cli'

// codegen:check writes elsewhere and compares.
const out = process.env.JICENG_CODEGEN_OUT ?? 'frontend/src/gql/'

const config: CodegenConfig = {
  schema: 'graph/*.graphqls',
  // Marks every file written as generated, for readers and for tools that skip generated code.
  hooks: { afterOneFileWrite: ['node frontend/scripts/mark-generated.mjs'] },
  documents: ['frontend/src/**/*.ts', 'frontend/src/**/*.vue', '!frontend/src/gql/**', '!frontend/src/**/*.test.ts'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents travel as strings: no GraphQL AST in the bundle.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        onlyOperationTypes: true,
        strictScalars: true,
        scalars: {
          ID: 'string',
          Cursor: 'string',
          Date: 'string',
          Time: 'string',
          GeoJSON: '{ type: "Polygon" | "MultiPolygon"; coordinates: unknown }',
          JSON: 'Record<string, unknown>',
        },
      },
    },
  },
}

export default config
