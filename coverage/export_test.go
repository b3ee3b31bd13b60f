package coverage

// Stayed counts the scoped analyses the engine found still current after
// writes elsewhere in the register.
func Stayed(en *Engine) int64 { return en.cache.stayed.Load() }

// Composed counts the whole register's analyses the engine merged from its
// top-level areas' instead of reading the register whole.
func Composed(en *Engine) int64 { return en.cache.composed.Load() }
