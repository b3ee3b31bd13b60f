package coverage

// Stayed counts the scoped analyses the engine found still current after
// writes elsewhere in the register.
func Stayed(en *Engine) int64 { return en.cache.stayed.Load() }
