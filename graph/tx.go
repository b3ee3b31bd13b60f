package graph

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"entgo.io/ent/dialect"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"jiceng/database"
	"jiceng/ent"
	"jiceng/viewer"
)

// IdempotencyHeader is the request header of a mutation's idempotency key,
// as the IETF draft names it: a retry with the key of a mutation that was
// saved gets the first answer back, and writes nothing again.
const IdempotencyHeader = "Idempotency-Key"

// keepKeys is how long the answer to an idempotency key is kept.
const keepKeys = 7 * 24 * time.Hour

// errUncertain is the answer when a commit was attempted and failed: the
// database may have saved the change before it failed.
var errUncertain = errors.New("the register could not confirm that the change was saved; it may have been. Send the request again with the same Idempotency-Key to get its answer; without one, look for the record before sending it again")

type idemKey struct{}

// withIdempotencyKey puts the request's Idempotency-Key in its context.
func withIdempotencyKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if k := r.Header.Get(IdempotencyHeader); k != "" {
			r = r.WithContext(context.WithValue(r.Context(), idemKey{}, strings.Trim(strings.TrimSpace(k), `"`)))
		}
		next.ServeHTTP(w, r)
	})
}

// transactioner runs each mutation in one transaction, as entgql's does,
// and records the answer to its idempotency key in the same transaction; a
// mutation whose key is recorded is answered from the record. Its errors
// carry codes and say whether the change may have been saved.
type transactioner struct {
	opener  txOpener
	dialect string
	present graphql.ErrorPresenterFunc
}

// ExtensionName names the extension.
func (transactioner) ExtensionName() string { return "JicengTransactioner" }

// Validate accepts any schema.
func (transactioner) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext runs a mutation's resolvers one at a time: they
// share one transaction.
func (transactioner) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || oc.Operation.Operation != ast.Mutation {
		return nil
	}
	previous := oc.ResolverMiddleware
	var mu sync.Mutex
	oc.ResolverMiddleware = func(ctx context.Context, next graphql.Resolver) (any, error) {
		mu.Lock()
		defer mu.Unlock()
		return previous(ctx, next)
	}
	return nil
}

// storedAnswer is the first answer to an idempotency key.
type storedAnswer struct {
	Data       json.RawMessage `json:"data"`
	Extensions map[string]any  `json:"extensions,omitempty"`
}

// InterceptResponse runs a mutation in a transaction.
func (t transactioner) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil || oc.Operation.Operation != ast.Mutation {
		return next(ctx)
	}
	key, _ := ctx.Value(idemKey{}).(string)
	if key != "" && (len(key) > 255 || strings.ContainsFunc(key, func(r rune) bool { return r < 0x21 || r > 0x7e })) {
		return t.fail(ctx, invalidKey("is up to 255 visible ASCII characters, such as a UUID"))
	}
	txCtx, tx, err := t.opener.OpenTx(ctx)
	if err != nil {
		return t.fail(ctx, err)
	}
	defer func() {
		if r := recover(); r != nil {
			_ = tx.Rollback()
			panic(r)
		}
	}()
	var actor, hash string
	if key != "" {
		actor, hash = actorOf(ctx), requestHash(oc)
		answer, found, err := t.lookUp(txCtx, actor, key, hash)
		if err != nil || found {
			_ = tx.Rollback()
			if err != nil {
				return t.fail(ctx, err)
			}
			return answer
		}
	}
	rsp := next(txCtx)
	if len(rsp.Errors) > 0 {
		_ = tx.Rollback()
		return &graphql.Response{Errors: rsp.Errors}
	}
	if key != "" {
		if err := t.record(txCtx, actor, key, hash, rsp); err != nil {
			_ = tx.Rollback()
			return t.fail(ctx, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return t.fail(ctx, errUncertain)
	}
	return rsp
}

func (t transactioner) fail(ctx context.Context, err error) *graphql.Response {
	return &graphql.Response{Errors: gqlerror.List{t.present(ctx, err)}}
}

func invalidKey(reason string) error {
	return &gqlerror.Error{Message: IdempotencyHeader + ": " + reason, Extensions: map[string]any{"code": "BAD_USER_INPUT", "field": IdempotencyHeader}}
}

// actorOf is whom a key belongs to: keys of different users never meet.
func actorOf(ctx context.Context) string {
	v := viewer.FromContext(ctx)
	if v == nil {
		return "system"
	}
	return fmt.Sprintf("u%d:t%d", v.UserID, v.TokenID)
}

// requestHash tells a retry from another request sent with the same key.
func requestHash(oc *graphql.OperationContext) string {
	vars, _ := json.Marshal(oc.Variables)
	sum := sha256.Sum256([]byte(oc.RawQuery + "\x00" + oc.OperationName + "\x00" + string(vars)))
	return hex.EncodeToString(sum[:])
}

func (t transactioner) bind(q string) string {
	if t.dialect != dialect.Postgres {
		return q
	}
	for i := 1; strings.Contains(q, "?"); i++ {
		q = strings.Replace(q, "?", fmt.Sprintf("$%d", i), 1)
	}
	return q
}

func (t transactioner) lookUp(ctx context.Context, actor, key, hash string) (*graphql.Response, bool, error) {
	tx := ent.TxFromContext(ctx)
	rows, err := tx.QueryContext(ctx, t.bind("SELECT request_hash, response FROM idempotency_keys WHERE actor = ? AND idem_key = ?"), actor, key)
	if err != nil {
		return nil, false, fmt.Errorf("reading the idempotency key: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, false, rows.Err()
	}
	var storedHash, body string
	if err := rows.Scan(&storedHash, &body); err != nil {
		return nil, false, fmt.Errorf("reading the idempotency key: %w", err)
	}
	if storedHash != hash {
		return nil, false, invalidKey("was sent before with a different request; use a new key for a new request")
	}
	var a storedAnswer
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		return nil, false, fmt.Errorf("reading the idempotency key's answer: %w", err)
	}
	if a.Extensions == nil {
		a.Extensions = map[string]any{}
	}
	a.Extensions["idempotentReplay"] = true
	return &graphql.Response{Data: a.Data, Extensions: a.Extensions}, true, nil
}

func (t transactioner) record(ctx context.Context, actor, key, hash string, rsp *graphql.Response) error {
	body, err := json.Marshal(storedAnswer{Data: rsp.Data, Extensions: rsp.Extensions})
	if err != nil {
		return err
	}
	tx := ent.TxFromContext(ctx)
	now := time.Now().UTC()
	if _, err := tx.ExecContext(ctx, t.bind("DELETE FROM idempotency_keys WHERE created_at < ?"), now.Add(-keepKeys)); err != nil {
		return fmt.Errorf("forgetting old idempotency keys: %w", err)
	}
	_, err = tx.ExecContext(ctx, t.bind("INSERT INTO idempotency_keys (actor, idem_key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)"),
		actor, key, hash, string(body), now)
	if err != nil {
		if ent.IsConstraintError(err) || strings.Contains(strings.ToLower(err.Error()), "unique") {
			return &gqlerror.Error{Message: IdempotencyHeader + ": a request with this key is being saved; send it again in a moment to get its answer",
				Extensions: map[string]any{"code": "CONFLICT", "field": IdempotencyHeader}}
		}
		return fmt.Errorf("recording the idempotency key: %w", err)
	}
	return nil
}

// guardErrors puts corruption, a full write queue and an uncertain commit
// before the presenter: corruption is DATA_CORRUPTED (never the client's
// fault), logged, and stops writes.
func guardErrors(store *database.Store, logger *slog.Logger, next graphql.ErrorPresenterFunc) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var parsed *gqlerror.Error
		if errors.As(err, &parsed) && parsed.Extensions["code"] != nil {
			return next(ctx, err)
		}
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		say := func(code string, m message) *gqlerror.Error {
			out := withCode(gerr, code, "", m.in(ctx))
			out.Extensions["reason"] = code
			return out
		}
		switch {
		case database.IsCorruption(err):
			_ = store.NoteError(err)
			logger.ErrorContext(ctx, "DATA_CORRUPTED", "err", err, "path", gerr.Path.String())
			return say("DATA_CORRUPTED", message{zh: "台账数据已损坏，不再接受修改；请管理员用最近的备份恢复（jiceng restore）",
				en: "the register is damaged and takes no more changes; an administrator must restore the last backup (jiceng restore)"})
		case errors.Is(err, database.ErrBusy):
			return say("BUSY", message{zh: "台账正忙于其他修改，本次未写入任何内容，请稍后重试", en: err.Error()})
		case errors.Is(err, errUncertain), errors.Is(err, sql.ErrTxDone):
			return say("COMMIT_UNCERTAIN", message{zh: "无法确认这项修改是否已保存（可能已保存）。请用同一个 Idempotency-Key 重新发送以取得结果；没有的话，请先查找该记录再重新提交",
				en: errUncertain.Error()})
		}
		return next(ctx, err)
	}
}
