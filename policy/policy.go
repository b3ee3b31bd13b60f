// Package policy enforces who may read and write what, in the data layer:
// ent's privacy policies decide each query and mutation by the viewer in its
// context, and an interceptor masks personal data for every role but the
// administrator, so records reached through eager loading, through node or
// by the coverage engine obey the same rules as those asked for directly.
//
// The system itself (migrations, the demo, the commands) runs with
// privacy.DecisionContext(ctx, privacy.Allow) and bypasses the rules.
package policy

import (
	"context"
	"fmt"

	entgo "entgo.io/ent"

	"jiceng/ent"
	"jiceng/ent/privacy"
	"jiceng/register"
	"jiceng/viewer"
	"jiceng/vocab"
)

// System returns a context in which the system itself acts, past every rule.
func System(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}

var errSignIn = register.Fail(register.Unauthenticated, "", "SIGN_IN", "请先登录",
	"sign in, or send an API token as Authorization: Bearer <token>")

// signedIn lets any viewer through to the next rule and stops anonymous requests.
var signedIn = privacy.ContextQueryMutationRule(func(ctx context.Context) error {
	if viewer.FromContext(ctx) == nil {
		return errSignIn
	}
	return privacy.Skip
})

// Register is the policy of the register's records: every viewer reads;
// administrators write anywhere, editors where the records a write touches are placed (see locate.go)
// (before and after the write) within their areas, others nowhere.
func Register() entgo.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{signedIn, privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{signedIn, privacy.MutationRuleFunc(writeInAreas)},
	}
}

// AdminWrites is the policy of records only administrators change, such as
// the rule settings: every viewer reads them.
func AdminWrites() entgo.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{signedIn, privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{signedIn, privacy.ContextQueryMutationRule(adminOnly)},
	}
}

// Accounts is the policy of users, sessions and tokens: administrators read
// them; only the system writes them.
func Accounts() entgo.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{signedIn, privacy.ContextQueryMutationRule(adminOnly)},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Audit is the policy of the audit log: administrators read it; only the
// log itself writes to it (see audit.Record).
func Audit() entgo.Policy { return Accounts() }

func adminOnly(ctx context.Context) error {
	if v := viewer.FromContext(ctx); v.Role != viewer.Admin {
		return forbidden("ADMIN_ONLY", fmt.Sprintf("只有管理员可以这样做；您是%s", roleZh(v.Role)),
			fmt.Sprintf("only an administrator may do this; you are %s", v.Role))
	}
	return privacy.Allow
}

// forbidden refuses a request for a stable reason, in Chinese and English.
func forbidden(reason, zh, en string) error {
	return register.Fail(register.Forbidden, "", reason, zh, en)
}

func roleZh(r viewer.Role) string { return vocab.Zh("Role", string(r)) }

// writeInAreas decides a write to the register by the viewer's role and,
// for an editor, where the record is.
func writeInAreas(ctx context.Context, m ent.Mutation) error {
	v := viewer.FromContext(ctx)
	switch v.Role {
	case viewer.Admin:
		return privacy.Allow
	case viewer.Editor:
	default:
		return forbidden("READ_ONLY_ROLE", fmt.Sprintf("%s只能查看台账，不能修改", roleZh(v.Role)),
			fmt.Sprintf("a %s reads the register and cannot change it", v.Role))
	}
	c := m.(interface{ Client() *ent.Client }).Client()
	records, err := touched(ctx, m)
	if err != nil {
		return fmt.Errorf("locating the record: %w", err)
	}
	if len(records) == 0 && !placeable[m.Type()] {
		return forbidden("NOT_PLACED", fmt.Sprintf("该%s不属于任何区域，只有管理员可以修改", register.TypeZh(m.Type())),
			fmt.Sprintf("the %s is not placed in any area, so only an administrator may change it", m.Type()))
	}
	if err := inAreas(ctx, c, v, m.Type(), records); err != nil {
		return err
	}
	return privacy.Allow
}

// History is the policy of the register's periods: every viewer reads them;
// only the register writes them, in the write that changes an attribute.
func History() entgo.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{signedIn, privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}
