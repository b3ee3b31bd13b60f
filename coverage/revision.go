package coverage

import "context"

// Revision is the register's revision: it grows with every write, so that a
// screen can tell cheaply whether what it shows is still current.
func (en *Engine) Revision(ctx context.Context) (int64, error) { return en.revision(ctx) }
