package coverage

// Stayed counts the scoped analyses the engine found still current after
// writes elsewhere in the register.
func Stayed(en *Engine) int64 { return en.cache.stayed.Load() }

// Readings counts the analyses the engine read from the register.
func Readings(en *Engine) int64 { return en.cache.readings.Load() }

// Reused counts the trend points the engine served again.
func Reused(en *Engine) int64 {
	en.kept.mu.Lock()
	defer en.kept.mu.Unlock()
	return en.kept.reused
}

// Composed counts the whole register's analyses the engine merged from its
// top-level areas' instead of reading the register whole.
func Composed(en *Engine) int64 { return en.cache.composed.Load() }
