package graph

import (
	"context"
	"database/sql/driver"
	"errors"
	"log/slog"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"jiceng/coverage"
	"jiceng/database"
	"jiceng/ent"
	"jiceng/rectify"
)

// Options configure the GraphQL endpoint.
type Options struct {
	// Limits bound each request; the zero value means DefaultLimits.
	Limits Limits
	// NoIntrospection turns introspection off. It is on by default, because
	// reporting tools read the schema through it.
	NoIntrospection bool
	// Coverage is the engine to share with other handlers; nil makes one.
	Coverage *coverage.Engine
}

// NewHandler returns the GraphQL endpoint of the register: queries over GET
// and POST, every mutation in one transaction, limits on each request,
// pages with a default and a maximum size, and errors that tell the client
// what was wrong without showing it SQL or a stack. A mutation sent with an
// Idempotency-Key header is answered once (tx.go).
func NewHandler(store *database.Store, logger *slog.Logger, opts Options) http.Handler {
	client := store.Client
	engine := opts.Coverage
	if engine == nil {
		engine = coverage.New(client, store.Read, store.Dialect)
	}
	book := rectify.New(client, engine)
	es := NewExecutableSchema(Config{Schema: publicSchema(parsedSchema), Resolvers: &Resolver{client: client, coverage: engine, ledger: book}})
	srv := handler.New(es)
	srv.AddTransport(transport.Options{})
	if opts.Limits == (Limits{}) {
		opts.Limits = DefaultLimits
	}
	// The limits that need no decoding come before gqlgen's (early.go).
	srv.AddTransport(early{Transport: transport.GET{}, limits: opts.Limits, schema: es.Schema()})
	srv.AddTransport(early{Transport: transport.POST{}, limits: opts.Limits, schema: es.Schema()})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	// Automatic persisted queries: a client sends a query's hash, and the
	// query itself only when told PersistedQueryNotFound.
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	if !opts.NoIntrospection {
		srv.Use(extension.Introspection{})
	} else {
		srv.SetDisableSuggestion(true)
	}
	srv.SetParserTokenLimit(opts.Limits.MaxTokens)
	srv.Use(limiter{Limits: opts.Limits, es: es})
	// The one field middleware (fields.go): every field metered, none
	// resolved once the request's budget or time is spent; arguments and
	// pages bounded; reads of personal data noted.
	srv.AroundFields(checkFields)
	present := guardErrors(store, logger, presenter(logger, opts.NoIntrospection))
	// Before the transactioner, so the ledger is reconciled once a write is committed.
	srv.AroundResponses(reconcileAfterWrites(book, logger))
	// Before the transactioner, so a mutation's reads are budgeted too.
	srv.AroundResponses(budgetRows)
	srv.Use(transactioner{opener: txOpener{client: client, logger: logger}, dialect: store.Dialect, present: present})
	// After the transactioner, so a mutation's reads are recorded in its
	// transaction.
	srv.AroundResponses(capResponses)
	srv.AroundResponses(takeViewerTurn)
	srv.AroundResponses(takeTurns)
	srv.AroundResponses(givePriority)
	srv.AroundResponses(auditPersonalReads(logger))
	srv.AroundResponses(memoStandings)
	srv.AroundResponses(memoTerritory)
	srv.AroundResponses(withGapItems)
	srv.SetErrorPresenter(present)
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		logger.ErrorContext(ctx, "panic in resolver", "panic", v, "path", graphql.GetPath(ctx).String())
		return errInternal
	})
	return cacheable(overHTTP(withLanguage(withIdempotencyKey(srv))))
}

// txOpener opens the transaction of a mutation, keeping driver messages out
// of the response: entgql's Transactioner would send them to the client.
type txOpener struct {
	client *ent.Client
	logger *slog.Logger
}

var errBusy = errors.New("the register could not start the change; try again")

// OpenTx begins a transaction and puts its client in the context.
func (o txOpener) OpenTx(ctx context.Context) (context.Context, driver.Tx, error) {
	txCtx, tx, err := o.client.OpenTx(ctx)
	if err != nil && (errors.Is(err, database.ErrBusy) || errors.Is(err, database.ErrCorrupted) || ctx.Err() != nil) {
		return nil, nil, err
	}
	if err != nil {
		o.logger.ErrorContext(ctx, "opening transaction", "err", err)
		return nil, nil, errBusy
	}
	return txCtx, quietTx{Tx: tx, ctx: ctx, logger: o.logger}, nil
}

type quietTx struct {
	driver.Tx
	ctx    context.Context
	logger *slog.Logger
}

// Commit commits, logging a failure and returning a message fit for clients.
func (t quietTx) Commit() error {
	if err := t.Tx.Commit(); err != nil {
		t.logger.ErrorContext(t.ctx, "committing transaction", "err", err)
		return errUncertain
	}
	return nil
}
