package vocab

//go:generate go run ./wordsgen

// Zh is the Chinese name of value of the enum named enum (as the GraphQL
// schema names it: "OrganizationKind", "MemberCategory", "UnitKind" …), the
// word the dashboard shows; a value it does not know is returned as it is.
func Zh(enum, value string) string { return word(enum, value, 0) }

// En is the English name of the value, as the dashboard's English shows it.
func En(enum, value string) string { return word(enum, value, 1) }

func word(enum, value string, lang int) string {
	if w, ok := words[enum][value]; ok {
		return w[lang]
	}
	return value
}

// FieldZh is the Chinese label of a GraphQL input field ("gridID" → 所在网格),
// as the dashboard's forms label it, or "" for a field it does not name.
func FieldZh(field string) string { return fieldWords[field][0] }

// Chinese is the kind's name in Chinese (党支部 for BRANCH).
func (k OrganizationKind) Chinese() string { return Zh("OrganizationKind", string(k)) }

// Chinese is the meeting type's name in Chinese (党课 for PARTY_LECTURE).
func (t MeetingType) Chinese() string { return Zh("MeetingType", string(t)) }

// Chinese is the attribute's label in Chinese (所在网格 for UNIT_GRID).
func (a Attribute) Chinese() string { return Zh("Attribute", string(a)) }
