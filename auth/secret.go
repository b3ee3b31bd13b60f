package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// TokenPrefix starts every API token, so a leaked one is easy to recognise.
const TokenPrefix = "jct_"

// newSecret returns a random secret (32 bytes, URL-safe base64) after
// prefix, and the hash under which it is kept.
func newSecret(prefix string) (plain, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	plain = prefix + base64.RawURLEncoding.EncodeToString(b)
	return plain, hashSecret(plain)
}

// hashSecret is how session cookies and API tokens are kept: their SHA-256.
// They are random and long, so a fast hash is enough; only their holder
// knows them.
func hashSecret(plain string) string {
	sum := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(sum[:])
}

// RandomPassword returns a password of 26 random base32 characters (130
// bits) for a user the system makes, such as the first administrator.
func RandomPassword() string { return rand.Text() }
