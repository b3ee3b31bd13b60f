package policy

import (
	entgo "entgo.io/ent"

	"jiceng/ent/privacy"
)

// Ledger is the policy of the rectification ledger's items: administrators
// read and write every item; editors read the items of their areas and work
// on them (plan and progress); analysts and reporting tools read all.
func Ledger() entgo.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{signedIn, privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{signedIn, privacy.ContextQueryMutationRule(adminOnly)},
	}
}

// LedgerNotes is the policy of the notes on ledger items: as their items'.
func LedgerNotes() entgo.Policy { return Ledger() }
