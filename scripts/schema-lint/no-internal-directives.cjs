// A rule of graphql-schema-linter: the public schema names no directive but
// the specification's. gqlgen's @goModel, @goField, @goTag and the like are
// instructions to the code generator, and a directive a server does not
// honour (@defer, @stream) must not be advertised.
const { ValidationError } = require('graphql-schema-linter/lib/validation_error')

const specified = new Set(['skip', 'include', 'deprecated', 'specifiedBy', 'oneOf'])

function NoInternalDirectives(configuration, context) {
  const report = (node, what) =>
    context.reportError(new ValidationError('no-internal-directives',
      `${what} \`@${node.name.value}\` is not one of the specification's directives: keep it out of the public schema.`, [node]))
  return {
    DirectiveDefinition(node) {
      if (!specified.has(node.name.value)) report(node, 'The directive')
    },
    Directive(node) {
      if (!specified.has(node.name.value)) report(node, 'The use of')
    },
  }
}

module.exports = { NoInternalDirectives }
