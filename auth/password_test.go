package auth

import (
	"strings"
	"testing"
)

func TestPasswords(t *testing.T) {
	hash, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q is not argon2id with the recommended parameters", hash)
	}
	if !VerifyPassword(hash, "correct horse battery") {
		t.Error("the right password is refused")
	}
	for _, wrong := range []string{"correct horse batterY", "", "correct horse battery "} {
		if VerifyPassword(hash, wrong) {
			t.Errorf("%q is accepted", wrong)
		}
	}
	if again, _ := HashPassword("correct horse battery"); again == hash {
		t.Error("two hashes of one password are equal: no salt")
	}
	if _, err := HashPassword("short"); err == nil {
		t.Error("a 5-character password is accepted")
	}
	for _, bad := range []string{"", "$argon2id$", "$bcrypt$v=19$m=1,t=1,p=1$AAAA$AAAA", hash[:len(hash)-3]} {
		if VerifyPassword(bad, "correct horse battery") {
			t.Errorf("a malformed hash %q verifies", bad)
		}
	}
}

func TestSecrets(t *testing.T) {
	a, ha := newSecret(TokenPrefix)
	b, _ := newSecret(TokenPrefix)
	if a == b || !strings.HasPrefix(a, TokenPrefix) || len(a) < 40 {
		t.Errorf("tokens %q and %q", a, b)
	}
	if ha != hashSecret(a) || strings.Contains(ha, a) {
		t.Error("the hash is not the token's SHA-256")
	}
	if p := RandomPassword(); len(p) < 20 {
		t.Errorf("a random password of %d characters", len(p))
	}
}
