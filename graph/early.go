package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/parser"
)

// Refusals before gqlgen reads a request. gqlgen's transports decode the
// whole body, variables included (40,000 names are 40,000 strings), and
// then coerce every variable to its type, before any extension sees the
// operation. The limits that need neither are applied first, on what
// checkPost or checkGet has already read of the request: the document's
// tokens, counted by the lexer alone, and the lists in its variables,
// counted in their JSON text by the variables' declared types (a list
// inside a scalar, such as a GeoJSON boundary's coordinates, is not
// counted). A request refused here costs a scan of its text.

type rawKey struct{}

// rawRequest is what the transport checks read of a request: its
// document, its operation's name and its variables, still raw JSON.
type rawRequest struct {
	query, operation string
	variables        json.RawMessage
}

func withRawRequest(r *http.Request, req rawRequest) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), rawKey{}, &req))
}

// early is one of gqlgen's HTTP transports, behind the limits that need no
// decoding of the request.
type early struct {
	graphql.Transport
	limits Limits
	schema *ast.Schema
}

// Do refuses a request over a limit as gqlgen refuses an operation (with
// the same error presenter), else lets the transport serve it.
func (t early) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	req, ok := r.Context().Value(rawKey{}).(*rawRequest)
	if !ok {
		t.Transport.Do(w, r, exec)
		return
	}
	err := t.limits.checkRaw(t.schema, req)
	if err == nil {
		t.Transport.Do(w, r, exec)
		return
	}
	// As gqlgen dispatches an operation's error: with the operation's
	// context, here one that holds only its document.
	ctx := graphql.WithOperationContext(r.Context(), &graphql.OperationContext{RawQuery: req.query, OperationName: req.operation})
	out, _ := json.Marshal(exec.DispatchError(ctx, gqlerror.List{err}))
	w.Header().Set("Content-Type", mediaType(r))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out)
}

// checkRaw applies the token limit and the lists' maxima to a request not
// yet decoded. A document that does not lex or parse, or a persisted
// query's hash, is left to gqlgen and the later checks.
func (l Limits) checkRaw(schema *ast.Schema, req *rawRequest) *gqlerror.Error {
	if req.query == "" {
		return nil
	}
	if tooManyTokens(req.query, l.MaxTokens) {
		return limitError("QUERY_TOO_LARGE", "the query has more than %d tokens; send a shorter document", l.MaxTokens)
	}
	if isNull(req.variables) || !bytes.ContainsRune(req.variables, '[') {
		return nil
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: req.query}, l.MaxTokens)
	if err != nil {
		return nil
	}
	op := doc.Operations.ForName(req.operation)
	if req.operation == "" && len(doc.Operations) == 1 {
		op = doc.Operations[0]
	}
	if op == nil {
		return nil
	}
	vars := map[string]json.RawMessage{}
	eachMember(req.variables, func(key, value []byte) {
		vars[jsonString(key)] = value
	})
	c := rawCheck{schema: schema, op: op, vars: vars, limits: l}
	return c.selections(op.SelectionSet, doc, map[string]bool{})
}

// tooManyTokens reports whether a document has more than limit tokens,
// reading no further than the first one over it.
func tooManyTokens(query string, limit int) bool {
	lex := lexer.New(&ast.Source{Input: query})
	for n := 0; ; {
		tok, err := lex.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			return false
		}
		if tok.Kind == lexer.Comment {
			continue
		}
		if n++; n > limit {
			return true
		}
	}
}

// rawCheck finds the variables of an operation used in arguments, and
// checks their raw values by their declared types.
type rawCheck struct {
	schema *ast.Schema
	op     *ast.OperationDefinition
	vars   map[string]json.RawMessage
	limits Limits
}

func (c rawCheck) selections(set ast.SelectionSet, doc *ast.QueryDocument, seen map[string]bool) *gqlerror.Error {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			for _, a := range s.Arguments {
				limit := c.limits.MaxListValues
				if s.Name == "nodes" && a.Name == "ids" {
					limit = c.limits.MaxIDs
				}
				if e := c.value(a.Name, a.Value, limit); e != nil {
					return e
				}
			}
			if e := c.selections(s.SelectionSet, doc, seen); e != nil {
				return e
			}
		case *ast.InlineFragment:
			if e := c.selections(s.SelectionSet, doc, seen); e != nil {
				return e
			}
		case *ast.FragmentSpread:
			if f := doc.Fragments.ForName(s.Name); f != nil && !seen[s.Name] {
				seen[s.Name] = true
				if e := c.selections(f.SelectionSet, doc, seen); e != nil {
					return e
				}
			}
		}
	}
	return nil
}

// value checks the variables in an argument's value; literal lists are
// checked once the document is validated (checkArguments).
func (c rawCheck) value(path string, v *ast.Value, limit int) *gqlerror.Error {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case ast.Variable:
		def := c.op.VariableDefinitions.ForName(v.Raw)
		raw, ok := c.vars[v.Raw]
		if def == nil || !ok {
			return nil
		}
		return c.typed(path, def.Type, raw, limit)
	case ast.ObjectValue:
		for _, ch := range v.Children {
			if e := c.value(path+"."+ch.Name, ch.Value, limit); e != nil {
				return e
			}
		}
	case ast.ListValue:
		for _, ch := range v.Children {
			if e := c.value(path, ch.Value, limit); e != nil {
				return e
			}
		}
	}
	return nil
}

// typed checks a raw JSON value of a type: a list holds at most limit
// values, at every level; an input object's fields are checked by theirs;
// a scalar's content is not looked into.
func (c rawCheck) typed(path string, typ *ast.Type, raw []byte, limit int) *gqlerror.Error {
	raw = bytes.TrimSpace(raw)
	if typ == nil || len(raw) == 0 {
		return nil
	}
	if typ.Elem != nil {
		if raw[0] != '[' {
			return c.typed(path, typ.Elem, raw, limit) // one value stands for a list of it
		}
		n := 0
		var err *gqlerror.Error
		deep := typ.Elem.Elem != nil || c.isInput(typ.Elem)
		eachMember(raw, func(_, e []byte) {
			if n++; deep && err == nil {
				err = c.typed(path, typ.Elem, e, limit)
			}
		})
		if n > limit {
			return tooLong(path, n, limit)
		}
		return err
	}
	if !c.isInput(typ) || raw[0] != '{' {
		return nil
	}
	def := c.schema.Types[typ.NamedType]
	var err *gqlerror.Error
	eachMember(raw, func(key, value []byte) {
		name := jsonString(key)
		if f := def.Fields.ForName(name); f != nil && err == nil {
			err = c.typed(path+"."+name, f.Type, value, limit)
		}
	})
	return err
}

func (c rawCheck) isInput(typ *ast.Type) bool {
	def := c.schema.Types[typ.Name()]
	return typ.Elem == nil && def != nil && def.Kind == ast.InputObject
}

// eachMember calls each with the elements of a JSON array (key nil) or the
// members of a JSON object, raw, in text already checked to be JSON.
func eachMember(raw []byte, each func(key, value []byte)) {
	raw = bytes.TrimSpace(raw)
	if len(raw) < 2 || raw[0] != '[' && raw[0] != '{' {
		return
	}
	object := raw[0] == '{'
	for i := skipSpace(raw, 1); i < len(raw) && raw[i] != ']' && raw[i] != '}'; {
		var key []byte
		if object {
			end := skipValue(raw, i)
			key = raw[i:end]
			i = skipSpace(raw, end)
			i = skipSpace(raw, i+1) // the colon
		}
		end := skipValue(raw, i)
		each(key, raw[i:end])
		i = skipSpace(raw, end)
		if i < len(raw) && raw[i] == ',' {
			i = skipSpace(raw, i+1)
		}
	}
}

func skipSpace(raw []byte, i int) int {
	for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the index just past the JSON value at i.
func skipValue(raw []byte, i int) int {
	if i >= len(raw) {
		return i
	}
	switch raw[i] {
	case '"':
		for j := i + 1; j < len(raw); j++ {
			switch raw[j] {
			case '\\':
				j++
			case '"':
				return j + 1
			}
		}
		return len(raw)
	case '[', '{':
		depth := 0
		for j := i; j < len(raw); j++ {
			switch raw[j] {
			case '"':
				j = skipValue(raw, j) - 1
			case '[', '{':
				depth++
			case ']', '}':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return len(raw)
	}
	j := i
	for j < len(raw) && raw[j] != ',' && raw[j] != ']' && raw[j] != '}' && raw[j] != ' ' && raw[j] != '\t' && raw[j] != '\n' && raw[j] != '\r' {
		j++
	}
	return j
}

// jsonString is the text of a raw JSON string.
func jsonString(raw []byte) string {
	if len(raw) >= 2 && bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1])
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return s
}
