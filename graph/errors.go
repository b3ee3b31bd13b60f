package graph

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"slices"
	"strings"
	"unicode"

	"github.com/99designs/gqlgen/graphql"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"jiceng/auth"
	"jiceng/check"
	"jiceng/coverage"
	"jiceng/database"
	"jiceng/ent"
	"jiceng/register"
)

// errInternal is all a client learns of an error it cannot act on.
var errInternal = errors.New("internal error; it has been logged")

// presenter maps every error to what a client may see, in one place: the
// register's domain errors and ent's validation errors keep their field and
// reason, with extensions.code BAD_USER_INPUT, NOT_FOUND or CONFLICT;
// gqlgen's own errors (bad query, bad argument) pass as they are; anything
// else is logged and reported as INTERNAL_SERVER_ERROR without detail, so no
// SQL or driver text reaches a client.
func presenter(logger *slog.Logger, noSuggestions bool) graphql.ErrorPresenterFunc {
	present := presentError(logger)
	return func(ctx context.Context, err error) *gqlerror.Error {
		e := present(ctx, err)
		if e.Extensions["code"] == codeUnavailable {
			markUnavailable(ctx)
		}
		if refusesRequest(e) {
			auth.RefusedRequest(ctx)
		}
		// With introspection off no message may name what the schema
		// holds: gqlparser suggests fields, arguments, types and values.
		if i := strings.Index(e.Message, " Did you mean"); noSuggestions && i >= 0 {
			e.Message = e.Message[:i]
		}
		return e
	}
}

// refusesRequest reports whether an error refuses the request for what it
// asks, before or instead of an answer: a document that does not parse or
// validate, or is over a limit of size, depth, width or cost, a list over
// its maximum, an answer over its size. Its credential's next such
// refusals are held (auth.RefusedRequest). A refusal in the register's
// terms (a rule, a value on a form) is not one.
func refusesRequest(e *gqlerror.Error) bool {
	switch e.Extensions["code"] {
	case "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_LARGE", "QUERY_TOO_DEEP", "QUERY_TOO_WIDE", "QUERY_TOO_COSTLY", "RESPONSE_TOO_LARGE":
		return true
	}
	switch e.Extensions["reason"] {
	case "LIST_TOO_LONG", "TOO_MANY_ORDER_TERMS":
		return true
	}
	return false
}

func presentError(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		say := func(code, field, reason string, m message) *gqlerror.Error {
			out := withCode(gerr, code, field, m.in(ctx))
			out.Extensions["reason"] = reason
			return out
		}
		var (
			verr      *ent.ValidationError
			domain    *register.Error
			parsed    *gqlerror.Error
			noArea    *coverage.NotFoundError
			badCursor coverage.BadCursorError
			checked   *check.Error
		)
		if errors.As(err, &parsed) {
			if field, reason, m, ok := inputCoercion(parsed); ok {
				return say(string(register.Invalid), field, reason, m)
			}
			if _, ok := parsed.Extensions["code"]; ok {
				// gqlgen's and entgql's own errors: a bad query, a bad page, an unknown node.
				field, _ := parsed.Extensions["field"].(string)
				code := fmt.Sprint(parsed.Extensions["code"])
				if code == "PERSISTED_QUERY_NOT_FOUND" || code == "PERSISTED_QUERY_NOT_SUPPORTED" {
					// Clients (Apollo's, urql's) recognise these by their message.
					return say(code, field, code, message{zh: parsed.Message, en: parsed.Message})
				}
				reason, _ := parsed.Extensions["reason"].(string)
				if reason == "" {
					reason = code
				}
				return say(code, field, reason, message{zh: queryZh(code) + "：" + parsed.Message, en: parsed.Message})
			}
		}
		switch {
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return say("TIMEOUT", "", "TIMEOUT", message{zh: "请求用时超过服务器允许的时间，或已被取消；请缩小查询范围",
				en: "the request took longer than the server allows, or was cancelled; ask for less"})
		case errors.Is(err, database.ErrTooManyRows), errors.Is(err, errOverBudget):
			// Replaced by one error for the whole request (capResponses).
			return say("QUERY_TOO_COSTLY", "", "QUERY_TOO_COSTLY", message{zh: "查询读取的记录过多，请缩小范围或分页", en: err.Error()})
		case errors.As(err, &domain):
			return say(string(domain.Code), domain.Field, reasonOf(domain), domainMessage(domain))
		case errors.As(err, &noArea):
			return say(string(register.NotFound), "areaId", "AREA_NOT_FOUND", labelled("areaId", message{zh: "找不到该区域", en: noArea.Error()}))
		case errors.As(err, &badCursor):
			return say(string(register.Invalid), badCursor.Field(), "BAD_CURSOR", message{zh: "翻页位置无效，请从第一页重新查看", en: badCursor.Error()})
		case errors.As(err, &verr):
			field := lowerCamel(verr.Name)
			reason, m := validatorWords(verr)
			return say(string(register.Invalid), field, reason, labelled(field, m))
		case ent.IsNotFound(err):
			return say(string(register.NotFound), "id", "NOT_FOUND", message{zh: "找不到该记录", en: strings.TrimPrefix(err.Error(), "ent: ")})
		case databaseDown(err):
			logger.ErrorContext(ctx, "the database did not answer", "err", err, "path", gerr.Path.String())
			return say(codeUnavailable, "", "UNAVAILABLE", message{zh: "台账暂时无法访问，请稍后再试",
				en: "the register is not answering at the moment; try again shortly"})
		case ent.IsConstraintError(err):
			logger.WarnContext(ctx, "constraint violation", "err", err, "path", gerr.Path.String())
			return say(string(register.Conflict), "", "CONSTRAINT", message{zh: "这项修改与台账中已有的记录冲突",
				en: "the change conflicts with a record already in the register"})
		case parsed != nil && strings.Contains(parsed.Message, "cannot decode cursor"):
			// entgql's message would show its msgpack decoder's.
			field := lastField(gerr)
			return say(string(register.Invalid), field, "BAD_CURSOR", labelled(field, message{zh: "翻页位置无效，请使用列表给出的游标",
				en: "it is not a cursor of this connection; pass back a cursor the connection gave"}))
		case parsed != nil:
			// An argument gqlgen could not read: a bad Date, a malformed GeoJSON.
			field := lastField(gerr)
			m := message{zh: "格式不正确", en: gerr.Message}
			reason := "BAD_VALUE"
			if errors.As(err, &checked) {
				m.zh, reason = checked.Zh, checked.Reason
			}
			return say(string(register.Invalid), field, reason, labelled(field, m))
		case errors.Is(err, errBusy):
			return say(codeUnavailable, "", "BUSY", message{zh: "台账暂时无法开始这项修改，请重试", en: err.Error()})
		}
		if !errors.Is(err, errInternal) {
			logger.ErrorContext(ctx, "resolver failed", "err", err, "path", gerr.Path.String())
		}
		return say("INTERNAL_SERVER_ERROR", "", "INTERNAL", message{zh: "服务器内部错误，已记录在日志中", en: errInternal.Error()})
	}
}

// reasonOf is a domain error's reason, or its code for one written
// without a reason.
func reasonOf(e *register.Error) string {
	if e.Reason != "" {
		return e.Reason
	}
	return string(e.Code)
}

// queryZh says in Chinese what gqlgen's own codes mean: the query itself is
// wrong, which only a program (not a person at a form) can fix.
func queryZh(code string) string {
	switch code {
	case "GRAPHQL_PARSE_FAILED":
		return "查询语句无法解析"
	case "GRAPHQL_VALIDATION_FAILED":
		return "查询语句不符合接口定义"
	case "QUERY_TOO_LARGE":
		return "查询语句过长"
	case "QUERY_TOO_DEEP":
		return "查询层级过深"
	case "QUERY_TOO_WIDE":
		return "查询的字段或列表过多"
	case "QUERY_TOO_COSTLY":
		return "查询计算量过大，请缩小范围或分页"
	case "RESPONSE_TOO_LARGE":
		return "结果过大，请缩小范围或分页"
	case "TIMEOUT":
		return "服务器正忙，请求超时；请重试或缩小查询范围"
	case "RATE_LIMITED":
		return "请求过于频繁，请稍后再试"
	case "NOT_FOUND":
		return "找不到该记录"
	case "BAD_USER_INPUT":
		return "填写的内容有误"
	}
	return "请求无法处理"
}

// validatorMessage is the reason a field validator gave, without the
// "ent: validator failed for field …" prefix ent wraps it in.
func validatorMessage(verr *ent.ValidationError) string {
	inner := errors.Unwrap(verr)
	if inner == nil {
		return verr.Error()
	}
	if reason := errors.Unwrap(inner); reason != nil {
		return reason.Error()
	}
	return inner.Error()
}

func withCode(e *gqlerror.Error, code, field, message string) *gqlerror.Error {
	out := &gqlerror.Error{Message: message, Path: e.Path, Locations: e.Locations, Extensions: map[string]any{"code": code}}
	if field != "" {
		out.Extensions["field"] = field
	}
	return out
}

// lastField is the name of the innermost input field on an error's path.
func lastField(e *gqlerror.Error) string {
	for i := len(e.Path) - 1; i >= 0; i-- {
		if name, ok := e.Path[i].(ast.PathName); ok {
			return string(name)
		}
	}
	return ""
}

// lowerCamel turns ent's column name ("credit_code") into the GraphQL field
// name ("creditCode"); "_id" ends become "ID" as entgql writes them.
func lowerCamel(name string) string {
	parts := strings.Split(name, "_")
	var b strings.Builder
	for i, p := range parts {
		switch {
		case i == 0:
			b.WriteString(p)
		case p == "id":
			b.WriteString("ID")
		case p != "":
			r := []rune(p)
			r[0] = unicode.ToUpper(r[0])
			b.WriteString(string(r))
		}
	}
	return b.String()
}

// databaseDown reports whether an error says the database could not answer
// (down, unreachable, locked past the busy timeout, out of space, damaged)
// rather than that the request was wrong: the client should try again.
func databaseDown(err error) bool {
	var lite sqlite3.Error
	if errors.As(err, &lite) {
		switch lite.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked, sqlite3.ErrCorrupt, sqlite3.ErrIoErr, sqlite3.ErrFull,
			sqlite3.ErrCantOpen, sqlite3.ErrNotADB, sqlite3.ErrProtocol, sqlite3.ErrNomem, sqlite3.ErrReadonly:
			return true
		}
		return false
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		// Connection, resources, operator intervention, system errors.
		return slices.Contains([]string{"08", "53", "57", "58", "XX"}, pg.Code[:min(2, len(pg.Code))])
	}
	var connect *pgconn.ConnectError
	var netErr net.Error
	return errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) ||
		errors.As(err, &connect) || errors.As(err, &netErr)
}
